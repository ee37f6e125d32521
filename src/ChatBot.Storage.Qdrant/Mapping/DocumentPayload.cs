using System.Text.Json.Serialization;
using ChatBot.Model;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>
/// The payload of a document record: citation fields, version and index signature, full text and turns, sizes, and
/// the document's speakers with their chunk counts (so speaker listings need not scan every chunk).
/// </summary>
internal sealed record DocumentPayload
{
    /// <summary>Keys a listing asks for: everything but the text and turns.</summary>
    public static readonly string[] SummaryFields =
        ["document_id", "title", "date", "year", "place", "url", "source", "format", "date_from", "date_to", "turn_count", "chunk_count", "ingested_at"];

    [JsonPropertyName("document_id")] public string? DocumentId { get; init; }

    [JsonPropertyName("version")] public string? Version { get; init; }

    [JsonPropertyName("signature")] public string? Signature { get; init; }

    [JsonPropertyName("write_id")] public string? WriteId { get; init; }

    [JsonPropertyName("title")] public string? Title { get; init; }

    [JsonPropertyName("date")] public string? Date { get; init; }

    [JsonPropertyName("year")] public int? Year { get; init; }

    [JsonPropertyName("date_from")] public string? DateFrom { get; init; }

    [JsonPropertyName("date_to")] public string? DateTo { get; init; }

    [JsonPropertyName("place")] public string? Place { get; init; }

    [JsonPropertyName("url")] public string? Url { get; init; }

    [JsonPropertyName("source")] public string? Source { get; init; }

    [JsonPropertyName("format")] public string? Format { get; init; }

    [JsonPropertyName("text")] public string? Text { get; init; }

    [JsonPropertyName("text_offset")] public int TextOffset { get; init; }

    [JsonPropertyName("turns")] public IReadOnlyList<TurnPayload>? Turns { get; init; }

    [JsonPropertyName("turn_count")] public int TurnCount { get; init; }

    [JsonPropertyName("chunk_count")] public int ChunkCount { get; init; }

    /// <summary>Chunks stored with a dense vector (0 when ingested without an embedder).</summary>
    [JsonPropertyName("vector_count")] public int VectorCount { get; init; }

    [JsonPropertyName("speakers")] public IReadOnlyList<SpeakerPayload>? Speakers { get; init; }

    /// <summary>When the document was (re)indexed, ISO 8601 round-trip format.</summary>
    [JsonPropertyName("ingested_at")] public string? IngestedAt { get; init; }
}

/// <summary>A turn in a document record.</summary>
internal sealed record TurnPayload(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("speaker")] string Speaker,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("role")] SpeakerRole Role,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("post")] string? Post);

/// <summary>A speaker of a document with the number of chunks they have in it and the posts their turns carry (absent in records written before posts were kept).</summary>
internal sealed record SpeakerPayload(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] SpeakerRole Role,
    [property: JsonPropertyName("chunks")] int Chunks,
    [property: JsonPropertyName("posts")] IReadOnlyList<string>? Posts = null);
