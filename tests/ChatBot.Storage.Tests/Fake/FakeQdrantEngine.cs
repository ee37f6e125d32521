using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>
/// In-memory behaviour behind the fake server, written from Qdrant's documentation, not from its code: collections
/// with named dense (cosine) and sparse (optionally IDF-weighted) vectors, upsert, delete by ids or filter, retrieve,
/// scroll, count, and the Query API (nearest on one named vector, prefetch legs fused by RRF with Qdrant's documented
/// <c>1 / (k + position)</c>, k = 2 by default). Sparse IDF is <c>ln(1 + (N − n + 0.5) / (n + 0.5))</c>. Ties are
/// broken by id. It is a stand-in for exercising the store's logic, not evidence about the real server's ranking.
/// </summary>
internal sealed class FakeQdrantEngine
{
    private readonly Dictionary<string, FakeCollection> _collections = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyCollection<string> CollectionNames { get { lock (_lock) return _collections.Keys.ToList(); } }

    public FakeCollection? Find(string name) { lock (_lock) return _collections.GetValueOrDefault(name); }

    public JsonNode Exists(string name) { lock (_lock) return new JsonObject { ["exists"] = _collections.ContainsKey(name) }; }

    public JsonNode Create(string name, JsonObject body)
    {
        lock (_lock)
        {
            if (_collections.ContainsKey(name)) throw new FakeQdrantError(409, $"Wrong input: Collection `{name}` already exists!");
            var collection = new FakeCollection { Name = name, CreateBody = (JsonObject)body.DeepClone() };
            if (body["vectors"] is JsonObject vectors)
            {
                if (vectors.ContainsKey("size")) throw new FakeQdrantError(400, "fake: only named vectors are supported");
                foreach (var (vectorName, p) in vectors) collection.DenseSizes[vectorName] = p!["size"]!.GetValue<int>();
            }

            if (body["sparse_vectors"] is JsonObject sparse)
                foreach (var (vectorName, p) in sparse) collection.SparseModifiers[vectorName] = p?["modifier"]?.GetValue<string>();
            _collections[name] = collection;
            return JsonValue.Create(true);
        }
    }

    public JsonNode Delete(string name) { lock (_lock) return JsonValue.Create(_collections.Remove(name)); }

    public JsonNode Info(string name)
    {
        lock (_lock)
        {
            var c = Get(name);
            var vectors = new JsonObject();
            foreach (var (vectorName, size) in c.DenseSizes) vectors[vectorName] = new JsonObject { ["size"] = size, ["distance"] = "Cosine" };
            var sparse = new JsonObject();
            foreach (var (vectorName, modifier) in c.SparseModifiers) sparse[vectorName] = modifier is null ? new JsonObject() : new JsonObject { ["modifier"] = modifier };
            var schema = new JsonObject();
            foreach (var (field, type) in c.PayloadIndexes)
                schema[field] = new JsonObject { ["data_type"] = type, ["points"] = c.Points.Values.Count(p => p.Payload.ContainsKey(field)) };
            var parameters = new JsonObject { ["vectors"] = vectors, ["shard_number"] = c.CreateBody["shard_number"]?.DeepClone() ?? 1, ["replication_factor"] = c.CreateBody["replication_factor"]?.DeepClone() ?? 1 };
            if (sparse.Count > 0) parameters["sparse_vectors"] = sparse;
            return new JsonObject
            {
                ["status"] = "green",
                ["optimizer_status"] = "ok",
                ["points_count"] = c.Points.Count,
                ["indexed_vectors_count"] = 0,
                ["segments_count"] = 1,
                ["config"] = new JsonObject
                {
                    ["params"] = parameters,
                    ["hnsw_config"] = new JsonObject { ["m"] = 16, ["ef_construct"] = 100, ["full_scan_threshold"] = 10000 },
                    ["optimizer_config"] = new JsonObject { ["default_segment_number"] = 0, ["flush_interval_sec"] = 5 },
                },
                ["payload_schema"] = schema,
            };
        }
    }

    public JsonNode CreateIndex(string name, JsonObject body)
    {
        lock (_lock)
        {
            var c = Get(name);
            var schema = body["field_schema"] switch
            {
                JsonValue v => v.GetValue<string>(),
                JsonObject o => o["type"]!.GetValue<string>(),
                _ => throw new FakeQdrantError(400, "fake: field_schema is required"),
            };
            c.PayloadIndexes[body["field_name"]!.GetValue<string>()] = schema;
            return Completed();
        }
    }

    public JsonNode Upsert(string name, JsonObject body)
    {
        lock (_lock)
        {
            var c = Get(name);
            var points = body["points"] as JsonArray ?? throw new FakeQdrantError(400, "fake: only the points-list form is supported");
            var parsed = points.Select(p => ParsePoint(c, p!.AsObject())).ToList();
            foreach (var point in parsed) c.Points[point.Id] = point;
            return Completed();
        }
    }

    public JsonNode DeletePoints(string name, JsonObject body)
    {
        lock (_lock)
        {
            var c = Get(name);
            if (body["points"] is JsonArray ids)
                foreach (var id in ids) c.Points.Remove(FakePoint.IdText(id!));
            else if (body.ContainsKey("filter"))
                foreach (var point in c.Points.Values.Where(p => FakeFilter.Matches(body["filter"], p)).ToList()) c.Points.Remove(point.Id);
            else throw new FakeQdrantError(400, "fake: delete needs points or filter");
            return Completed();
        }
    }

    public JsonNode Retrieve(string name, JsonObject body)
    {
        lock (_lock)
        {
            var c = Get(name);
            var result = new JsonArray();
            foreach (var id in body["ids"]!.AsArray())
                if (c.Points.TryGetValue(FakePoint.IdText(id!), out var point)) result.Add(Record(point, body["with_payload"], defaultAll: true));
            return result;
        }
    }

    public JsonNode Scroll(string name, JsonObject body)
    {
        lock (_lock)
        {
            var c = Get(name);
            if (body.ContainsKey("order_by")) throw new FakeQdrantError(400, "fake: order_by is not supported");
            int limit = body["limit"]?.GetValue<int>() ?? 10;
            string? from = body["offset"] is { } offset ? FakePoint.IdText(offset) : null;
            var matching = c.Points.Values
                .Where(p => from is null || string.CompareOrdinal(p.Id, from) >= 0)
                .Where(p => FakeFilter.Matches(body["filter"], p))
                .Take(limit + 1)
                .ToList();
            var page = new JsonArray();
            foreach (var point in matching.Take(limit)) page.Add(Record(point, body["with_payload"], defaultAll: true));
            return new JsonObject { ["points"] = page, ["next_page_offset"] = matching.Count > limit ? matching[limit].IdNode() : null };
        }
    }

    public JsonNode Count(string name, JsonObject body)
    {
        lock (_lock) return new JsonObject { ["count"] = Get(name).Points.Values.Count(p => FakeFilter.Matches(body["filter"], p)) };
    }

    public JsonNode Query(string name, JsonObject body)
    {
        lock (_lock)
        {
            var c = Get(name);
            var ranked = Rank(c, body, topLevel: true);
            int limit = body["limit"]?.GetValue<int>() ?? 10;
            var points = new JsonArray();
            foreach (var (point, score) in ranked.Take(limit))
            {
                var scored = new JsonObject { ["id"] = point.IdNode(), ["version"] = 1, ["score"] = score };
                if (point.SelectPayload(body["with_payload"], defaultAll: false) is { } payload) scored["payload"] = payload;
                points.Add(scored);
            }

            return new JsonObject { ["points"] = points };
        }
    }

    private List<(FakePoint Point, double Score)> Rank(FakeCollection c, JsonObject request, bool topLevel)
    {
        var prefetch = request["prefetch"] switch
        {
            null => [],
            JsonArray a => a.OfType<JsonObject>().ToList(),
            JsonObject o => [o],
            _ => throw new FakeQdrantError(400, "bad prefetch"),
        };
        var query = request["query"];
        if (prefetch.Count > 0)
        {
            if (query is not JsonObject fusion || !(fusion.ContainsKey("fusion") || fusion.ContainsKey("rrf")))
                throw new FakeQdrantError(400, "fake: prefetch is supported with fusion queries only");
            if (fusion["fusion"] is JsonValue f && f.GetValue<string>() != "rrf") throw new FakeQdrantError(400, "fake: only rrf fusion");
            int k = fusion["rrf"]?["k"]?.GetValue<int>() ?? 2;
            var legs = prefetch.Select(p => Rank(c, p, topLevel: false).Take(p["limit"]?.GetValue<int>() ?? 10).ToList()).ToList();
            var scores = new Dictionary<string, (FakePoint Point, double Score)>(StringComparer.Ordinal);
            foreach (var leg in legs)
            {
                for (int position = 0; position < leg.Count; position++)
                {
                    var point = leg[position].Point;
                    var current = scores.GetValueOrDefault(point.Id, (point, 0));
                    scores[point.Id] = (point, current.Score + 1.0 / (k + position));
                }
            }

            return scores.Values.Where(x => FakeFilter.Matches(request["filter"], x.Point)).OrderByDescending(x => x.Score).ThenBy(x => x.Point.Id, StringComparer.Ordinal).ToList();
        }

        var vectorName = request["using"]?.GetValue<string>() ?? "";
        var candidates = c.Points.Values.Where(p => FakeFilter.Matches(request["filter"], p));
        switch (query)
        {
            case JsonArray dense:
                if (!c.DenseSizes.TryGetValue(vectorName, out int size)) throw new FakeQdrantError(400, $"Wrong input: Not existing vector name error: {vectorName}");
                var q = Normalize(dense.Select(x => x!.GetValue<float>()).ToArray());
                if (q.Length != size) throw new FakeQdrantError(400, $"Wrong input: Vector dimension error: expected dim: {size}, got {q.Length}");
                return candidates.Where(p => p.Dense.ContainsKey(vectorName))
                    .Select(p => (p, (double)Dot(p.Dense[vectorName], q)))
                    .OrderByDescending(x => x.Item2).ThenBy(x => x.p.Id, StringComparer.Ordinal).ToList();
            case JsonObject sparse when sparse.ContainsKey("indices"):
                if (!c.SparseModifiers.TryGetValue(vectorName, out var modifier)) throw new FakeQdrantError(400, $"Wrong input: Not existing vector name error: {vectorName}");
                var terms = ParseSparse(sparse);
                var holders = c.Points.Values.Where(p => p.Sparse.ContainsKey(vectorName)).ToList();
                double idf(uint index)
                {
                    if (modifier != "idf") return 1;
                    int n = holders.Count(p => p.Sparse[vectorName].ContainsKey(index));
                    return Math.Log(1 + (holders.Count - n + 0.5) / (n + 0.5));
                }

                var weights = terms.ToDictionary(t => t.Key, t => t.Value * idf(t.Key));
                return candidates.Where(p => p.Sparse.TryGetValue(vectorName, out var v) && v.Keys.Any(weights.ContainsKey))
                    .Select(p => (p, p.Sparse[vectorName].Where(kv => weights.ContainsKey(kv.Key)).Sum(kv => kv.Value * weights[kv.Key])))
                    .OrderByDescending(x => x.Item2).ThenBy(x => x.p.Id, StringComparer.Ordinal).ToList();
            case JsonObject nearest when nearest.ContainsKey("nearest"):
                var inner = new JsonObject { ["query"] = nearest["nearest"]!.DeepClone(), ["using"] = vectorName, ["filter"] = request["filter"]?.DeepClone() };
                return Rank(c, inner, topLevel);
            default:
                throw new FakeQdrantError(400, $"fake: unsupported query {query?.ToJsonString()}");
        }
    }

    private static FakePoint ParsePoint(FakeCollection c, JsonObject p)
    {
        var point = new FakePoint { Id = FakePoint.IdText(p["id"]!) };
        if (p["vector"] is not JsonObject vectors) throw new FakeQdrantError(400, "fake: only named vectors are supported");
        foreach (var (vectorName, value) in vectors)
        {
            if (c.DenseSizes.TryGetValue(vectorName, out int size) && value is JsonArray dense)
            {
                var v = dense.Select(x => x!.GetValue<float>()).ToArray();
                if (v.Length != size) throw new FakeQdrantError(400, $"Wrong input: Vector dimension error: expected dim: {size}, got {v.Length}");
                point.Dense[vectorName] = Normalize(v);
            }
            else if (c.SparseModifiers.ContainsKey(vectorName) && value is JsonObject sparse)
            {
                point.Sparse[vectorName] = ParseSparse(sparse);
            }
            else
            {
                throw new FakeQdrantError(400, $"Wrong input: Not existing vector name error: {vectorName}");
            }
        }

        point.Payload = p["payload"] is JsonObject payload ? (JsonObject)payload.DeepClone() : [];
        return point;
    }

    private static Dictionary<uint, float> ParseSparse(JsonObject sparse)
    {
        var indices = sparse["indices"]!.AsArray().Select(x => x!.GetValue<uint>()).ToList();
        var values = sparse["values"]!.AsArray().Select(x => x!.GetValue<float>()).ToList();
        if (indices.Count != values.Count) throw new FakeQdrantError(400, "Wrong input: Sparse vector indices and values must have the same length");
        if (indices.Distinct().Count() != indices.Count) throw new FakeQdrantError(400, "Wrong input: Sparse vector indices must be unique");
        return indices.Zip(values).ToDictionary(x => x.First, x => x.Second);
    }

    private static JsonObject Record(FakePoint point, JsonNode? withPayload, bool defaultAll)
    {
        var record = new JsonObject { ["id"] = point.IdNode() };
        if (point.SelectPayload(withPayload, defaultAll) is { } payload) record["payload"] = payload;
        return record;
    }

    private static float[] Normalize(float[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return norm == 0 ? v : v.Select(x => (float)(x / norm)).ToArray();
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b).Sum(x => x.First * x.Second);

    private FakeCollection Get(string name) =>
        _collections.GetValueOrDefault(name) ?? throw new FakeQdrantError(404, $"Not found: Collection `{name}` doesn't exist!");

    private static JsonObject Completed() => new() { ["operation_id"] = 1, ["status"] = "completed" };
}
