using ChatBot.Model;

namespace ChatBot.Api.Contracts;

/// <summary>A document's citation fields.</summary>
/// <param name="Id">Stable id (use with <c>GET /api/documents/{id}</c>).</param>
/// <param name="Title">Title of the event or statement.</param>
/// <param name="Date">ISO date, or the year alone when only the year is known.</param>
/// <param name="Place">Venue.</param>
/// <param name="Url">Link to the published transcript, when known.</param>
/// <param name="Source">The ingested file, relative to the server's working folder (never an absolute path).</param>
public sealed record DocumentDto(string Id, string Title, string? Date, string? Place, string? Url, string Source)
{
    /// <summary>Maps a document.</summary>
    public static DocumentDto Of(DocumentInfo d) => new(d.Id, d.Title, d.DateText, d.Place, d.Url, SourcePaths.Display(d.Source));
}
