namespace ChatBot.Hosting;

/// <summary>The <c>ChatBot</c> configuration section (appsettings.json, overridable by environment variables such as <c>ChatBot__DataDirectory</c>).</summary>
public sealed class ChatBotOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "ChatBot";

    /// <summary>Where the embedded store and state live; relative paths are taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Files or folders ingested automatically when the store is empty (appsettings.json names <c>samples</c>).</summary>
    public List<string> Corpus { get; set; } = [];

    /// <summary>Which store to use.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>The sentence encoder.</summary>
    public EmbeddingOptions Embeddings { get; set; } = new();

    /// <summary>Chunk sizing.</summary>
    public ChunkOptions Chunking { get; set; } = new();

    /// <summary>Search defaults.</summary>
    public SearchDefaults Search { get; set; } = new();

    /// <summary>The optional chat model for written answers.</summary>
    public ChatModelOptions Chat { get; set; } = new();

    /// <summary>Bounds on what an ingest reads.</summary>
    public IngestSettings Ingest { get; set; } = new();

    /// <summary>Answer composition.</summary>
    public ChatBot.Answering.AnswerOptions Answers { get; set; } = new();

    /// <summary>How relevance is decided (the fitted model, its threshold, what counts as a statement).</summary>
    public ChatBot.Retrieval.RelevanceOptions Relevance { get; set; } = new();
}

/// <summary><c>ChatBot:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary><c>Embedded</c> (SQLite file in the data directory) or <c>Qdrant</c>.</summary>
    public string Provider { get; set; } = "Embedded";

    /// <summary>File name of the embedded store inside the data directory.</summary>
    public string FileName { get; set; } = "chatbot.db";
}

/// <summary><c>ChatBot:Embeddings</c>.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>The model names <see cref="Model"/> accepts.</summary>
    public static readonly string[] Models = [EmbeddingModels.Ensemble, EmbeddingModels.Arctic, EmbeddingModels.MiniLm, EmbeddingModels.UseLite];

    /// <summary><c>Local</c> (an encoder run in process, the default) or <c>None</c> (BM25 only).</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>
    /// Which local encoder: <c>ensemble</c> (the encoders below whose weight is positive, their similarities averaged
    /// with those weights; the default), <c>arctic-embed-xs</c> (Snowflake's retrieval model on ONNX Runtime),
    /// <c>all-minilm-l6-v2</c> (sentence-transformers' model Arctic was fine-tuned from, on ONNX Runtime) or
    /// <c>use-lite</c> (Universal Sentence Encoder lite in C#, the fastest).
    /// </summary>
    public string Model { get; set; } = EmbeddingModels.Default;

    /// <summary>Weight of Universal Sentence Encoder lite in the ensemble's similarity (0 leaves it out); weights are relative.</summary>
    public double UseLiteWeight { get; set; } = 0.3;

    /// <summary>Weight of arctic-embed-xs in the ensemble's similarity (0 leaves it out); weights are relative.</summary>
    public double ArcticWeight { get; set; } = 0.7;

    /// <summary>Weight of all-MiniLM-L6-v2 in the ensemble's similarity (0, the default, leaves it out); weights are relative.</summary>
    public double MiniLmWeight { get; set; }

    /// <summary>Folder holding Universal Sentence Encoder lite (model.json, shards, vocab.json); empty searches the usual places.</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Folder holding arctic-embed-xs (model.onnx and vocab.txt, or the package assembly); empty searches the usual places.</summary>
    public string? ArcticModelDirectory { get; set; }

    /// <summary>Folder holding all-MiniLM-L6-v2 (model.onnx and vocab.txt, or the package assembly); empty searches the usual places.</summary>
    public string? MiniLmModelDirectory { get; set; }

    /// <summary>Whether to keep computed vectors in a cache file in the data directory, so re-ingest does not re-embed.</summary>
    public bool Cache { get; set; } = true;

    /// <summary>
    /// The weight of each encoder <see cref="Model"/> uses (1 for a single model), in the ensemble's order:
    /// Universal Sentence Encoder lite, arctic-embed-xs, all-MiniLM-L6-v2. Null for an unknown model.
    /// </summary>
    public (double UseLite, double Arctic, double MiniLm)? Weights() =>
        (string.IsNullOrWhiteSpace(Model) ? EmbeddingModels.Default : Model.ToLowerInvariant()) switch
        {
            EmbeddingModels.UseLite => (1, 0, 0),
            EmbeddingModels.Arctic => (0, 1, 0),
            EmbeddingModels.MiniLm => (0, 0, 1),
            EmbeddingModels.Ensemble => (UseLiteWeight, ArcticWeight, MiniLmWeight),
            _ => null,
        };
}

/// <summary>Names of the local encoders (<see cref="EmbeddingOptions.Model"/>).</summary>
public static class EmbeddingModels
{
    /// <summary>Universal Sentence Encoder lite, 512 dimensions.</summary>
    public const string UseLite = "use-lite";

    /// <summary>snowflake-arctic-embed-xs, 384 dimensions.</summary>
    public const string Arctic = "arctic-embed-xs";

    /// <summary>all-MiniLM-L6-v2, 384 dimensions.</summary>
    public const string MiniLm = "all-minilm-l6-v2";

    /// <summary>The encoders with a positive weight, concatenated (896 dimensions with the default weights).</summary>
    public const string Ensemble = "ensemble";

    /// <summary>The model used when none is configured.</summary>
    public const string Default = Ensemble;

    /// <summary>The vector length the configured model makes (for stores that fix it up front).</summary>
    public static int Dimensions(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (use, arctic, miniLm) = options.Weights() ?? (1, 1, 0);
        return (use > 0 ? Embeddings.LocalSentenceEncoder.Dimensions : 0)
            + (arctic > 0 ? Embeddings.BertEncoderModel.ArcticEmbedXs.Dimensions : 0)
            + (miniLm > 0 ? Embeddings.BertEncoderModel.AllMiniLmL6V2.Dimensions : 0);
    }
}

/// <summary><c>ChatBot:Chunking</c>.</summary>
public sealed class ChunkOptions
{
    /// <summary>Largest chunk in model tokens.</summary>
    public int MaxTokens { get; set; } = 110;

    /// <summary>Sentences repeated between consecutive chunks of a turn.</summary>
    public int OverlapSentences { get; set; } = 1;
}

/// <summary><c>ChatBot:Search</c>.</summary>
public sealed class SearchDefaults
{
    /// <summary>Results when the caller gives no limit.</summary>
    public int DefaultLimit { get; set; } = 5;
}

/// <summary><c>ChatBot:Ingest</c>: bounds that stop a hostile or broken file or folder from running an ingest away.</summary>
public sealed class IngestSettings
{
    /// <summary>Most speaker turns one document may have.</summary>
    public int MaxTurnsPerDocument { get; set; } = 20_000;

    /// <summary>Most chunks one document may make.</summary>
    public int MaxChunksPerDocument { get; set; } = 50_000;

    /// <summary>Deepest folder nesting followed below an ingested folder.</summary>
    public int MaxFolderDepth { get; set; } = 64;

    /// <summary>Earliest year in a UN General Debate file name.</summary>
    public int FirstUnYear { get; set; } = 1946;

    /// <summary>Latest year in a UN General Debate file name; unset means next year.</summary>
    public int? LastUnYear { get; set; }

    /// <summary>The pipeline's options.</summary>
    public ChatBot.Ingestion.IngestionOptions ToOptions() => new()
    {
        MaxChunksPerDocument = MaxChunksPerDocument,
        MaxFolderDepth = MaxFolderDepth,
        Parsing = new ChatBot.Parsing.ParsingLimits { MaxTurnsPerDocument = MaxTurnsPerDocument, FirstUnYear = FirstUnYear, LastUnYear = LastUnYear },
    };
}
