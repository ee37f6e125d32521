using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>Body of <c>POST /collections/{name}/points</c>: points by id (schema <c>PointRequest</c>).</summary>
internal sealed record RetrievePointsBody
{
    [JsonPropertyName("ids")] public required IReadOnlyList<Guid> Ids { get; init; }

    /// <summary><c>true</c>, <c>false</c> or a list of payload keys (schema <c>WithPayloadInterface</c>).</summary>
    [JsonPropertyName("with_payload")] public JsonNode? WithPayload { get; init; }

    [JsonPropertyName("with_vector")] public bool WithVector { get; init; }
}

/// <summary>Body of <c>POST /collections/{name}/points/scroll</c> (schema <c>ScrollRequest</c>).</summary>
internal sealed record ScrollBody
{
    [JsonPropertyName("filter")] public QdrantFilter? Filter { get; init; }

    [JsonPropertyName("limit")] public int Limit { get; init; }

    /// <summary>The <c>next_page_offset</c> of the previous page.</summary>
    [JsonPropertyName("offset")] public JsonElement? Offset { get; init; }

    [JsonPropertyName("with_payload")] public JsonNode? WithPayload { get; init; }

    [JsonPropertyName("with_vector")] public bool WithVector { get; init; }
}

/// <summary>Body of <c>POST /collections/{name}/points/count</c> (schema <c>CountRequest</c>).</summary>
internal sealed record CountBody
{
    [JsonPropertyName("filter")] public QdrantFilter? Filter { get; init; }

    [JsonPropertyName("exact")] public bool Exact { get; init; } = true;
}

/// <summary>Body of <c>POST /collections/{name}/points/query</c> (schema <c>QueryRequest</c>).</summary>
internal sealed record QueryBody
{
    [JsonPropertyName("prefetch")] public IReadOnlyList<PrefetchBody>? Prefetch { get; init; }

    /// <summary>A dense vector, a sparse vector, or a fusion (schema <c>QueryInterface</c>).</summary>
    [JsonPropertyName("query")] public JsonNode? Query { get; init; }

    [JsonPropertyName("using")] public string? Using { get; init; }

    [JsonPropertyName("filter")] public QdrantFilter? Filter { get; init; }

    [JsonPropertyName("params")] public SearchParamsBody? Params { get; init; }

    [JsonPropertyName("limit")] public int Limit { get; init; }

    [JsonPropertyName("with_payload")] public JsonNode? WithPayload { get; init; }
}

/// <summary>Search parameters (schema <c>SearchParams</c>); only <c>exact</c> is used.</summary>
internal sealed record SearchParamsBody
{
    [JsonPropertyName("exact")] public bool Exact { get; init; }
}

/// <summary>One ranking of a hybrid query (schema <c>Prefetch</c>).</summary>
internal sealed record PrefetchBody
{
    [JsonPropertyName("query")] public required JsonNode Query { get; init; }

    [JsonPropertyName("using")] public required string Using { get; init; }

    [JsonPropertyName("filter")] public QdrantFilter? Filter { get; init; }

    [JsonPropertyName("params")] public SearchParamsBody? Params { get; init; }

    [JsonPropertyName("limit")] public int Limit { get; init; }
}

/// <summary>A point as returned by retrieve and scroll (schema <c>Record</c>).</summary>
internal sealed record RecordResult<TPayload>(
    [property: JsonPropertyName("id")] JsonElement Id,
    [property: JsonPropertyName("payload")] TPayload? Payload);

/// <summary>A page of scrolled points (schema <c>ScrollResult</c>).</summary>
internal sealed record ScrollResult<TPayload>(
    [property: JsonPropertyName("points")] IReadOnlyList<RecordResult<TPayload>> Points,
    [property: JsonPropertyName("next_page_offset")] JsonElement? NextPageOffset);

/// <summary>Result of a count (schema <c>CountResult</c>).</summary>
internal sealed record CountResult([property: JsonPropertyName("count")] long Count);

/// <summary>A ranked point (schema <c>ScoredPoint</c>).</summary>
internal sealed record ScoredPoint<TPayload>(
    [property: JsonPropertyName("id")] JsonElement Id,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("payload")] TPayload? Payload);

/// <summary>Result of a query (schema <c>QueryResponse</c>).</summary>
internal sealed record QueryResult<TPayload>([property: JsonPropertyName("points")] IReadOnlyList<ScoredPoint<TPayload>> Points);
