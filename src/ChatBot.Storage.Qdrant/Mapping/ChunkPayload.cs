using System.Text.Json.Serialization;
using ChatBot.Model;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>
/// The payload of a chunk point: the chunk, the filter fields, and its document's citation fields (copied onto every
/// chunk so a search needs no second lookup). <see cref="WriteId"/> marks the upsert that wrote the point.
/// </summary>
internal sealed record ChunkPayload
{
    [JsonPropertyName("document_id")] public string? DocumentId { get; init; }

    [JsonPropertyName("version")] public string? Version { get; init; }

    [JsonPropertyName("write_id")] public string? WriteId { get; init; }

    [JsonPropertyName("ordinal")] public int Ordinal { get; init; }

    [JsonPropertyName("turn_index")] public int TurnIndex { get; init; }

    [JsonPropertyName("start")] public int Start { get; init; }

    [JsonPropertyName("end")] public int End { get; init; }

    [JsonPropertyName("text")] public string? Text { get; init; }

    [JsonPropertyName("speaker")] public string? Speaker { get; init; }

    [JsonPropertyName("role")] public SpeakerRole Role { get; init; }

    [JsonPropertyName("post")] public string? Post { get; init; }

    [JsonPropertyName("question")] public string? Question { get; init; }

    /// <summary>First possible day, RFC 3339 (datetime index).</summary>
    [JsonPropertyName("date_from")] public string? DateFrom { get; init; }

    /// <summary>Last possible day, RFC 3339 (datetime index).</summary>
    [JsonPropertyName("date_to")] public string? DateTo { get; init; }

    [JsonPropertyName("title")] public string? Title { get; init; }

    /// <summary>The full date as <c>yyyy-MM-dd</c>, when known.</summary>
    [JsonPropertyName("date")] public string? Date { get; init; }

    [JsonPropertyName("year")] public int? Year { get; init; }

    [JsonPropertyName("place")] public string? Place { get; init; }

    [JsonPropertyName("url")] public string? Url { get; init; }

    [JsonPropertyName("source")] public string? Source { get; init; }

    [JsonPropertyName("format")] public string? Format { get; init; }
}
