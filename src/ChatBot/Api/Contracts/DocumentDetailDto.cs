using ChatBot.Model;

namespace ChatBot.Api.Contracts;

/// <summary>A stored document with its full text and turns. <c>text_offset</c> is where <c>text</c> starts in the source file.</summary>
public sealed record DocumentDetailDto(
    string Id, string Title, string? Date, string? Place, string? Url, string Source, string Format, int TextOffset, string Text, IReadOnlyList<TurnDto> Turns)
{
    /// <summary>Maps a document.</summary>
    public static DocumentDetailDto Of(TranscriptDocument d) => new(
        d.Id, d.Title, DocumentInfo.From(d).DateText, d.Place, d.Url, SourcePaths.Display(d.Source), d.Format, d.TextOffset, d.Text,
        d.Turns.Select(t => new TurnDto(t.Index, t.Speaker, t.Label, RoleNames.Of(t.Role), t.Start, t.End, t.Post)).ToList());
}
