using ChatBot.Model;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>
/// Translates a <see cref="ChunkFilter"/> into a Qdrant filter with the embedded store's semantics: roles, speakers and
/// documents as exact keyword matches; <c>From</c> keeps chunks whose <c>date_to ≥ From</c>, <c>To</c> those whose
/// <c>date_from ≤ To</c>, so a document known only by its year matches when the year overlaps the range, and an undated
/// document (no date fields) never matches a date range. Every field filtered on has a payload index.
/// </summary>
internal static class ChunkFilterBuilder
{
    /// <summary>True when a restriction is an empty set, so nothing can match.</summary>
    public static bool MatchesNothing(ChunkFilter filter) =>
        filter.Roles is { Count: 0 } || filter.Speakers is { Count: 0 } || filter.DocumentIds is { Count: 0 };

    /// <summary>The filter, or null when nothing is restricted.</summary>
    public static Filter? Build(ChunkFilter filter)
    {
        var must = new List<Condition>();
        if (filter.Roles is { } roles) must.Add(AnyOf(CollectionLayout.Role, roles.Select(RoleName)));
        if (filter.Speakers is { } speakers) must.Add(AnyOf(CollectionLayout.Speaker, speakers));
        if (filter.DocumentIds is { } ids) must.Add(AnyOf(CollectionLayout.DocumentId, ids));
        if (filter.From is { } from) must.Add(DatetimeRange(CollectionLayout.DateTo, gte: PayloadDates.ToUtc(from)));
        if (filter.To is { } to) must.Add(DatetimeRange(CollectionLayout.DateFrom, lte: PayloadDates.ToUtc(to)));
        if (must.Count == 0) return null;
        var result = new Filter();
        result.Must.AddRange(must);
        return result;
    }

    /// <summary>Points of <paramref name="documentId"/> except those written by <paramref name="writeId"/> (all of them when null).</summary>
    public static Filter OfDocument(string documentId, string? writeId = null)
    {
        var result = new Filter { Must = { MatchKeyword(CollectionLayout.DocumentId, documentId) } };
        if (writeId is not null) result.MustNot.Add(MatchKeyword(CollectionLayout.WriteId, writeId));
        return result;
    }

    /// <summary>The role as written in payloads (the enum's JSON name).</summary>
    public static string RoleName(SpeakerRole role) => role switch
    {
        SpeakerRole.Principal => "principal",
        SpeakerRole.Question => "question",
        _ => "other",
    };

    private static Condition AnyOf(string key, IEnumerable<string> values) => Match(key, values.Distinct(StringComparer.Ordinal).ToList());
}
