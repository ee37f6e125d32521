namespace ChatBot.Timeline;

/// <summary>What a timeline is asked for: a topic (read like a search query) and optional filters.</summary>
public sealed record TimelineRequest
{
    /// <summary>The topic or question ("sanctions", "What did Lavrov say about NATO?").</summary>
    public required string Topic { get; init; }

    /// <summary>Speaker as typed ("Lavrov"), or null for anyone (or whoever the topic names).</summary>
    public string? Speaker { get; init; }

    /// <summary>Earliest date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Latest date.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only documents whose source path contains this text.</summary>
    public string? Source { get; init; }
}
