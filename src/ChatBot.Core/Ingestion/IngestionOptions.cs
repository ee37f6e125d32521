using ChatBot.Parsing;

namespace ChatBot.Ingestion;

/// <summary><c>ChatBot:Ingest</c>: bounds on what one ingest run reads, so no file or folder can make it run away.</summary>
public sealed record IngestionOptions
{
    /// <summary>Bounds the parsers enforce (turns per document, years in UN file names).</summary>
    public ParsingLimits Parsing { get; init; } = new();

    /// <summary>Most chunks one document may make; a document with more is refused, naming the limit.</summary>
    public int MaxChunksPerDocument { get; init; } = 50_000;

    /// <summary>Deepest folder nesting followed below an ingested folder.</summary>
    public int MaxFolderDepth { get; init; } = 64;

    /// <summary>Texts embedded per call; progress is reported after each, so a big file shows it is moving.</summary>
    public int EmbedBatchSize { get; init; } = 256;
}
