using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>A point held by the fake: id, named dense vectors (normalised for cosine), named sparse vectors, payload.</summary>
internal sealed class FakePoint
{
    public required string Id { get; init; }

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    public JsonObject Payload { get; set; } = [];

    public bool HasVector(string name) => Dense.ContainsKey(name) || Sparse.ContainsKey(name);

    /// <summary>An id as the fake keys it: a UUID in lower-case hyphenated form, or an integer's digits.</summary>
    public static string IdText(JsonNode id)
    {
        if (id is JsonValue v && v.GetValueKind() == JsonValueKind.String && Guid.TryParse(v.GetValue<string>(), out var guid)) return guid.ToString("D");
        if (id is JsonValue n && n.GetValueKind() == JsonValueKind.Number) return n.GetValue<ulong>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        throw new FakeQdrantError(400, $"Format error in JSON body: invalid point id {id.ToJsonString()}");
    }

    /// <summary>The id as JSON: a string for a UUID, a number otherwise.</summary>
    public JsonNode IdNode() => Guid.TryParse(Id, out _) ? JsonValue.Create(Id) : JsonValue.Create(ulong.Parse(Id, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The payload as <c>with_payload</c> asks: all, none, a list of keys, or include/exclude.</summary>
    public JsonObject? SelectPayload(JsonNode? withPayload, bool defaultAll)
    {
        switch (withPayload)
        {
            case null:
                return defaultAll ? (JsonObject)Payload.DeepClone() : null;
            case JsonValue flag when flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return flag.GetValue<bool>() ? (JsonObject)Payload.DeepClone() : null;
            case JsonArray keys:
                return Pick(keys.Select(k => k!.GetValue<string>()).ToHashSet(), include: true);
            case JsonObject { } selector when selector["include"] is JsonArray include:
                return Pick(include.Select(k => k!.GetValue<string>()).ToHashSet(), include: true);
            case JsonObject { } selector when selector["exclude"] is JsonArray exclude:
                return Pick(exclude.Select(k => k!.GetValue<string>()).ToHashSet(), include: false);
            default:
                throw new FakeQdrantError(400, $"Format error in JSON body: with_payload {withPayload.ToJsonString()}");
        }
    }

    private JsonObject Pick(HashSet<string> keys, bool include)
    {
        var result = new JsonObject();
        foreach (var (key, value) in Payload)
            if (keys.Contains(key) == include) result[key] = value?.DeepClone();
        return result;
    }
}
