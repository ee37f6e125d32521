using System.Text.Json.Serialization;
using ChatBot.Storage.Qdrant.Mapping;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>Body of <c>PUT /collections/{name}/points</c> (schema <c>PointsList</c>).</summary>
internal sealed record PointsListBody<TPayload>([property: JsonPropertyName("points")] IReadOnlyList<PointStruct<TPayload>> Points);

/// <summary>Schema <c>PointStruct</c>: a point with named vectors and a payload.</summary>
internal sealed record PointStruct<TPayload>(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("vector")] PointVectors Vector,
    [property: JsonPropertyName("payload")] TPayload Payload);

/// <summary>
/// The named vectors of a point (the map branch of <c>VectorStruct</c>). Absent members are omitted: a chunk without an
/// embedding has only its sparse vector, a document record has none.
/// </summary>
internal sealed record PointVectors
{
    [JsonPropertyName(CollectionLayout.DenseVector)] public float[]? Dense { get; init; }

    [JsonPropertyName(CollectionLayout.SparseVector)] public SparseVectorData? Sparse { get; init; }
}

/// <summary>Schema <c>SparseVector</c>: unique indices and their weights.</summary>
internal sealed record SparseVectorData(
    [property: JsonPropertyName("indices")] uint[] Indices,
    [property: JsonPropertyName("values")] float[] Values);

/// <summary>Body of <c>POST /collections/{name}/points/delete</c> selecting points by filter (schema <c>FilterSelector</c>).</summary>
internal sealed record FilterSelectorBody([property: JsonPropertyName("filter")] QdrantFilter Filter);

/// <summary>Body of <c>POST /collections/{name}/points/delete</c> selecting points by id (schema <c>PointIdsList</c>).</summary>
internal sealed record PointIdsListBody([property: JsonPropertyName("points")] IReadOnlyList<Guid> Points);

/// <summary>Result of a write (schema <c>UpdateResult</c>).</summary>
internal sealed record UpdateResult(
    [property: JsonPropertyName("operation_id")] long? OperationId,
    [property: JsonPropertyName("status")] string? Status);
