using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>Body of <c>PUT /collections/{name}</c> (schema <c>CreateCollection</c>).</summary>
internal sealed record CreateCollectionBody
{
    /// <summary>Named dense vectors; an empty map makes a payload-only collection.</summary>
    [JsonPropertyName("vectors")] public required Dictionary<string, DenseVectorParams> Vectors { get; init; }

    [JsonPropertyName("sparse_vectors")] public Dictionary<string, SparseVectorParams>? SparseVectors { get; init; }

    [JsonPropertyName("shard_number")] public int? ShardNumber { get; init; }

    [JsonPropertyName("replication_factor")] public int? ReplicationFactor { get; init; }

    [JsonPropertyName("write_consistency_factor")] public int? WriteConsistencyFactor { get; init; }

    [JsonPropertyName("on_disk_payload")] public bool? OnDiskPayload { get; init; }
}

/// <summary>Schema <c>VectorParams</c>.</summary>
internal sealed record DenseVectorParams(
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("distance")] string Distance);

/// <summary>Schema <c>SparseVectorParams</c>; <c>modifier: idf</c> makes the server weight terms by inverse document frequency.</summary>
internal sealed record SparseVectorParams([property: JsonPropertyName("modifier")] string? Modifier);

/// <summary>Body of <c>PUT /collections/{name}/index</c> (schema <c>CreateFieldIndex</c>).</summary>
internal sealed record CreateFieldIndexBody(
    [property: JsonPropertyName("field_name")] string FieldName,
    [property: JsonPropertyName("field_schema")] string FieldSchema);

/// <summary>Result of <c>GET /collections/{name}/exists</c>.</summary>
internal sealed record CollectionExistence([property: JsonPropertyName("exists")] bool Exists);

/// <summary>The parts of <c>CollectionInfo</c> the store checks.</summary>
internal sealed record CollectionInfo
{
    [JsonPropertyName("config")] public CollectionConfig? Config { get; init; }

    /// <summary>Payload indexes by field name.</summary>
    [JsonPropertyName("payload_schema")] public Dictionary<string, JsonElement>? PayloadSchema { get; init; }
}

/// <summary>Schema <c>CollectionConfig</c> (the part the store reads).</summary>
internal sealed record CollectionConfig([property: JsonPropertyName("params")] CollectionParams? Params);

/// <summary>Schema <c>CollectionParams</c> (the part the store reads).</summary>
internal sealed record CollectionParams
{
    /// <summary>A single unnamed <c>VectorParams</c> or a map of named ones.</summary>
    [JsonPropertyName("vectors")] public JsonElement? Vectors { get; init; }

    [JsonPropertyName("sparse_vectors")] public Dictionary<string, SparseVectorParams>? SparseVectors { get; init; }
}
