using ChatBot.Retrieval;

namespace ChatBot.Api.Contracts;

/// <summary>
/// One verbatim quote. <c>quote</c> equals the document's stored text from <c>start</c> to <c>end</c> (character
/// offsets), and the stored text is a slice of the source file; <c>question</c> is the question it answers, never
/// part of the quote.
/// </summary>
public sealed record QuoteDto(
    string Quote, string Speaker, string? Post, string Role, int Start, int End, double Score, string? Question, DocumentDto Document, int TurnIndex, Guid ChunkId)
{
    /// <summary>Maps a quote.</summary>
    public static QuoteDto Of(QuoteResult q) => new(
        q.Text, q.Speaker, q.Post, RoleNames.Of(q.Role), q.Start, q.End, q.Score, q.Question, DocumentDto.Of(q.Document), q.TurnIndex, q.ChunkId);
}
