namespace ChatBot.Model;

/// <summary>
/// A parsed transcript: its metadata, its text and its speaker turns. <see cref="Text"/> is one contiguous
/// slice of the source file (starting at <see cref="TextOffset"/>), so every span into it is the source's own words.
/// </summary>
public sealed record TranscriptDocument
{
    /// <summary>Stable id, derived from the source path.</summary>
    public required string Id { get; init; }

    /// <summary>Title of the event or statement.</summary>
    public required string Title { get; init; }

    /// <summary>When the statement was made: a full date, or only a year (<see cref="Date"/> null).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Year of the statement; always set when <see cref="Date"/> is.</summary>
    public int? Year { get; init; }

    /// <summary>Where the statement was made ("Da Nang", "United Nations General Assembly, New York").</summary>
    public string? Place { get; init; }

    /// <summary>Link to the published transcript, when the source gives one.</summary>
    public string? Url { get; init; }

    /// <summary>Full path of the ingested file.</summary>
    public required string Source { get; init; }

    /// <summary>Name of the format the parser recognised (<c>mid-ru</c>, <c>un-general-debate</c>, <c>briefing-markdown</c>).</summary>
    public required string Format { get; init; }

    /// <summary>The stored text: a contiguous slice of the source file.</summary>
    public required string Text { get; init; }

    /// <summary>Character offset of <see cref="Text"/> in the decoded source file.</summary>
    public int TextOffset { get; init; }

    /// <summary>Hash of the source file's bytes: the document's version.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Speaker turns in order; spans point into <see cref="Text"/>.</summary>
    public required IReadOnlyList<Turn> Turns { get; init; }

    /// <summary>First day the statement may have been made (the date, or 1 January of the year).</summary>
    public DateOnly? DateFrom => Date ?? (Year is int y ? new DateOnly(y, 1, 1) : null);

    /// <summary>Last day the statement may have been made (the date, or 31 December of the year).</summary>
    public DateOnly? DateTo => Date ?? (Year is int y ? new DateOnly(y, 12, 31) : null);

    /// <summary>The words of a turn.</summary>
    public string TextOf(Turn turn) => Text[turn.Start..turn.End];
}
