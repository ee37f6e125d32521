namespace ChatBot.Parsing;

/// <summary>
/// Bounds the parsers enforce (<c>ChatBot:Ingest</c>), so a hostile or broken file is refused with a reason instead
/// of eating minutes and gigabytes, and a file name cannot date a speech outside the United Nations' lifetime.
/// </summary>
public sealed record ParsingLimits
{
    /// <summary>Most speaker turns one document may have; a file with more is refused, naming the limit.</summary>
    public int MaxTurnsPerDocument { get; init; } = 20_000;

    /// <summary>Earliest year a UN General Debate file name may carry (the first session met in 1946).</summary>
    public int FirstUnYear { get; init; } = 1946;

    /// <summary>Latest year a UN General Debate file name may carry; null means next year.</summary>
    public int? LastUnYear { get; init; }

    /// <summary>The latest year in effect.</summary>
    public int LastUnYearOrDefault => LastUnYear ?? DateTime.UtcNow.Year + 1;
}
