using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>
/// Evaluates the subset of Qdrant's filter language the store uses — <c>must</c>, <c>must_not</c>, <c>should</c>,
/// nested filters, <c>match.value</c>, <c>match.any</c>, numeric and datetime <c>range</c>, <c>has_id</c>,
/// <c>has_vector</c> — as the Qdrant documentation describes it (a missing key fails a field condition). Not Qdrant's
/// code: anything else is refused with 400 so an unexpected shape cannot pass unnoticed.
/// </summary>
internal static class FakeFilter
{
    public static bool Matches(JsonNode? filter, FakePoint point)
    {
        if (filter is null) return true;
        if (filter is not JsonObject f) throw new FakeQdrantError(400, "Format error in JSON body: filter must be an object");
        foreach (var c in Conditions(f["must"])) if (!Condition(c, point)) return false;
        foreach (var c in Conditions(f["must_not"])) if (Condition(c, point)) return false;
        var should = Conditions(f["should"]).ToList();
        return should.Count == 0 || should.Any(c => Condition(c, point));
    }

    private static IEnumerable<JsonObject> Conditions(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => throw new FakeQdrantError(400, "Format error in JSON body: conditions must be objects"),
    };

    private static bool Condition(JsonObject c, FakePoint point)
    {
        if (c.ContainsKey("must") || c.ContainsKey("must_not") || c.ContainsKey("should")) return Matches(c, point);
        if (c["has_id"] is JsonArray ids) return ids.Any(id => FakePoint.IdText(id!) == point.Id);
        if (c["has_vector"] is JsonValue vector) return point.HasVector(vector.GetValue<string>());
        if (c["key"] is not JsonValue keyNode) throw new FakeQdrantError(400, $"Format error in JSON body: unsupported condition {c.ToJsonString()}");
        var values = Values(point.Payload[keyNode.GetValue<string>()]).ToList();
        if (values.Count == 0) return false;
        if (c["match"] is JsonObject match)
        {
            if (match["value"] is JsonValue value) return values.Any(v => Same(v, value));
            if (match["any"] is JsonArray any) return values.Any(v => any.Any(a => a is JsonValue av && Same(v, av)));
            throw new FakeQdrantError(400, $"Format error in JSON body: unsupported match {match.ToJsonString()}");
        }

        if (c["range"] is JsonObject range) return values.Any(v => InRange(v, range));
        throw new FakeQdrantError(400, $"Format error in JSON body: unsupported field condition {c.ToJsonString()}");
    }

    private static IEnumerable<JsonValue> Values(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() != JsonValueKind.Null => [v],
        JsonArray a => a.OfType<JsonValue>(),
        _ => [],
    };

    private static bool Same(JsonValue a, JsonValue b) => a.GetValueKind() == b.GetValueKind() && a.ToJsonString() == b.ToJsonString();

    private static bool InRange(JsonValue value, JsonObject range)
    {
        bool datetime = range.Select(kv => kv.Value).OfType<JsonValue>().Any(b => b.GetValueKind() == JsonValueKind.String);
        if (datetime)
        {
            if (value.GetValueKind() != JsonValueKind.String || !TryDate(value.GetValue<string>(), out var v)) return false;
            return Check(range, bound => TryDate(bound.GetValue<string>(), out var b) ? v.CompareTo(b) : throw new FakeQdrantError(400, "bad datetime bound"));
        }

        if (value.GetValueKind() != JsonValueKind.Number) return false;
        double number = value.GetValue<double>();
        return Check(range, bound => number.CompareTo(bound.GetValue<double>()));
    }

    private static bool Check(JsonObject range, Func<JsonValue, int> compare)
    {
        foreach (var (op, node) in range)
        {
            if (node is not JsonValue bound || bound.GetValueKind() == JsonValueKind.Null) continue;
            int cmp = compare(bound);
            bool ok = op switch { "gt" => cmp > 0, "gte" => cmp >= 0, "lt" => cmp < 0, "lte" => cmp <= 0, _ => throw new FakeQdrantError(400, $"unknown range operator {op}") };
            if (!ok) return false;
        }

        return true;
    }

    private static bool TryDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
