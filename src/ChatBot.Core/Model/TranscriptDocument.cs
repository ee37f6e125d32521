namespace ChatBot.Model;

/// <summary>
/// A parsed transcript: its citation fields (<see cref="DocumentInfo"/>), its text and its speaker turns. <see cref="Text"/> is one contiguous
/// slice of the source file (starting at <see cref="TextOffset"/>), so every span into it is the source's own words.
/// </summary>
public sealed record TranscriptDocument : DocumentInfo
{
    /// <summary>The stored text: a contiguous slice of the source file.</summary>
    public required string Text { get; init; }

    /// <summary>Character offset of <see cref="Text"/> in the decoded source file.</summary>
    public int TextOffset { get; init; }

    /// <summary>Hash of the source file's bytes: the document's version.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Speaker turns in order; spans point into <see cref="Text"/>.</summary>
    public required IReadOnlyList<Turn> Turns { get; init; }

    /// <summary>The words of a turn.</summary>
    public string TextOf(Turn turn) => Text[turn.Start..turn.End];
}
