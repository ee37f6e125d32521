using System.Text.Json.Serialization;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>Schema <c>Filter</c>: every <see cref="Must"/> condition holds and no <see cref="MustNot"/> condition does.</summary>
internal sealed record QdrantFilter
{
    [JsonPropertyName("must")] public IReadOnlyList<QdrantCondition>? Must { get; init; }

    [JsonPropertyName("must_not")] public IReadOnlyList<QdrantCondition>? MustNot { get; init; }
}

/// <summary>
/// One condition. Exactly one shape is filled: a <c>FieldCondition</c> (<see cref="Key"/> with <see cref="Match"/> or
/// <see cref="Range"/>), a <c>HasIdCondition</c> or a <c>HasVectorCondition</c>; null members are not written.
/// </summary>
internal sealed record QdrantCondition
{
    [JsonPropertyName("key")] public string? Key { get; init; }

    [JsonPropertyName("match")] public QdrantMatch? Match { get; init; }

    [JsonPropertyName("range")] public QdrantDateRange? Range { get; init; }

    [JsonPropertyName("has_id")] public IReadOnlyList<Guid>? HasId { get; init; }

    [JsonPropertyName("has_vector")] public string? HasVector { get; init; }

    public static QdrantCondition Equal(string key, string value) => new() { Key = key, Match = new QdrantMatch { Value = value } };

    public static QdrantCondition AnyOf(string key, IEnumerable<string> values) =>
        new() { Key = key, Match = new QdrantMatch { Any = values.Distinct(StringComparer.Ordinal).ToArray() } };
}

/// <summary>Schemas <c>MatchValue</c> (<see cref="Value"/>) and <c>MatchAny</c> (<see cref="Any"/>, unique values).</summary>
internal sealed record QdrantMatch
{
    [JsonPropertyName("value")] public string? Value { get; init; }

    [JsonPropertyName("any")] public IReadOnlyList<string>? Any { get; init; }
}

/// <summary>Schema <c>DatetimeRange</c>: RFC 3339 bounds, inclusive.</summary>
internal sealed record QdrantDateRange
{
    [JsonPropertyName("gte")] public string? Gte { get; init; }

    [JsonPropertyName("lte")] public string? Lte { get; init; }
}
