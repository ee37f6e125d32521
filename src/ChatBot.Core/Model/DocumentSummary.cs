namespace ChatBot.Model;

/// <summary>A stored document's citation fields with its size in the index.</summary>
public sealed record DocumentSummary : DocumentInfo
{
    /// <summary>Number of speaker turns.</summary>
    public int TurnCount { get; init; }

    /// <summary>Number of indexed chunks.</summary>
    public int ChunkCount { get; init; }

    /// <summary>When the document was last (re)indexed.</summary>
    public DateTimeOffset IngestedAt { get; init; }
}
