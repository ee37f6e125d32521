using System.Text.Json.Serialization;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>Qdrant's success envelope: <c>{"time": 0.002, "status": "ok", "result": ...}</c>.</summary>
internal sealed record QdrantResponse<T>(
    [property: JsonPropertyName("time")] double? Time,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("result")] T? Result);
