using ChatBot.Answering;
using ChatBot.Retrieval;

namespace ChatBot.Api.Contracts;

/// <summary>
/// One verbatim quote. <c>quote</c> equals the document's stored text from <c>start</c> to <c>end</c> (character
/// offsets), and the stored text is a slice of the source file; <c>question</c> is the question it answers, never
/// part of the quote. <c>score</c> orders results (reciprocal-rank fusion of the keyword and vector rankings);
/// <c>similarity</c> is the cosine similarity of the query and the whole passage when the vector ranking scored it
/// (comparable across queries of one encoder: the answers treat 0.6 and up as on topic with the default).
/// <c>relayed</c> lists the stretches of <c>quote</c> that give someone else's words (offsets into <c>quote</c>);
/// a client should mark them so that they are not attributed to <c>speaker</c>.
/// <c>citation</c> is how to cite it, built from the speaker, post and document in one place for every front end.
/// </summary>
public sealed record QuoteDto(
    string Quote, string Speaker, string? Post, string Role, int Start, int End, double Score, double? Similarity, string? Question, DocumentDto Document, int TurnIndex, Guid ChunkId,
    IReadOnlyList<RelayedSpanDto> Relayed, CitationDto Citation)
{
    /// <summary>Maps a quote.</summary>
    public static QuoteDto Of(QuoteResult q) => new(
        q.Text, q.Speaker, q.Post, RoleNames.Of(q.Role), q.Start, q.End, q.Score, q.VectorSimilarity, q.Question, DocumentDto.Of(q.Document), q.TurnIndex, q.ChunkId,
        [.. q.Relayed.Select(RelayedSpanDto.Of)], CitationDto.Of(CitationBuilder.For(q)));
}
