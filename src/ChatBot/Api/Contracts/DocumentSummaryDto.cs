using ChatBot.Model;

namespace ChatBot.Api.Contracts;

/// <summary>A stored document in the list.</summary>
public sealed record DocumentSummaryDto(string Id, string Title, string? Date, string? Place, string? Url, string Source, string Format, int Turns, int Chunks)
{
    /// <summary>Maps a summary.</summary>
    public static DocumentSummaryDto Of(DocumentSummary d) => new(d.Id, d.Title, d.DateText, d.Place, d.Url, SourcePaths.Display(d.Source), d.Format, d.TurnCount, d.ChunkCount);
}
