using ChatBot.Model;
using ChatBot.Storage.Qdrant.Http;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>
/// Translates a <see cref="ChunkFilter"/> into a Qdrant filter with the embedded store's semantics: roles, speakers and
/// documents as exact keyword matches; <c>From</c> keeps chunks whose <c>date_to ≥ From</c>, <c>To</c> those whose
/// <c>date_from ≤ To</c>, so a document known only by its year matches when the year overlaps the range, and an undated
/// document (no date fields) never matches a date range.
/// </summary>
internal static class ChunkFilterBuilder
{
    /// <summary>True when a restriction is an empty set, so nothing can match.</summary>
    public static bool MatchesNothing(ChunkFilter filter) =>
        filter.Roles is { Count: 0 } || filter.Speakers is { Count: 0 } || filter.DocumentIds is { Count: 0 };

    /// <summary>The filter, or null when nothing is restricted.</summary>
    public static QdrantFilter? Build(ChunkFilter filter)
    {
        var must = new List<QdrantCondition>();
        if (filter.Roles is { } roles) must.Add(QdrantCondition.AnyOf(CollectionLayout.Role, roles.Select(RoleName)));
        if (filter.Speakers is { } speakers) must.Add(QdrantCondition.AnyOf(CollectionLayout.Speaker, speakers));
        if (filter.DocumentIds is { } ids) must.Add(QdrantCondition.AnyOf(CollectionLayout.DocumentId, ids));
        if (filter.From is { } from)
            must.Add(new QdrantCondition { Key = CollectionLayout.DateTo, Range = new QdrantDateRange { Gte = PayloadDates.ToDateTime(from) } });
        if (filter.To is { } to)
            must.Add(new QdrantCondition { Key = CollectionLayout.DateFrom, Range = new QdrantDateRange { Lte = PayloadDates.ToDateTime(to) } });
        return must.Count == 0 ? null : new QdrantFilter { Must = must };
    }

    /// <summary>The role as written in payloads (the enum's JSON name).</summary>
    public static string RoleName(SpeakerRole role) => role switch
    {
        SpeakerRole.Principal => "principal",
        SpeakerRole.Question => "question",
        _ => "other",
    };
}
