using System.Globalization;
using ChatBot.Retrieval;

namespace ChatBot.Api.Contracts;

/// <summary>
/// How the query was read: topic searched, speakers and dates applied, whether vectors took part, and whether the
/// results are ordered newest first (the query asked what was said lately).
/// </summary>
public sealed record InterpretationDto(string Topic, IReadOnlyList<string>? Speakers, string? From, string? To, string Ranking, bool NewestFirst)
{
    /// <summary>Maps an interpretation.</summary>
    public static InterpretationDto Of(QueryInterpretation i) => new(
        i.Topic, i.Speakers,
        i.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        i.UsedVectors ? "hybrid" : "bm25", i.NewestFirst);
}
