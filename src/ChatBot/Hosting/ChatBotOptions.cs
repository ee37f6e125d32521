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

    /// <summary>Answer composition.</summary>
    public ChatBot.Answering.AnswerOptions Answers { get; set; } = new();
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
    /// <summary><c>Local</c> (Universal Sentence Encoder lite, the default) or <c>None</c> (BM25 only).</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>Folder holding model.json, the weight shards and vocab.json; empty searches the usual places.</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Whether to keep computed vectors in a cache file in the data directory, so re-ingest does not re-embed.</summary>
    public bool Cache { get; set; } = true;
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
