using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>
/// In-memory behaviour behind the fake server, written from Qdrant's documentation, not from its code: collections
/// with named dense (cosine) and sparse (optionally IDF-weighted) vectors, payload indexes, upsert, delete by ids or
/// filter, retrieve, scroll, count, and the Query API (nearest on one named vector by exact scan, prefetch legs fused
/// by RRF with Qdrant's documented <c>1 / (k + position)</c>, k = 2 by default). Sparse IDF is
/// <c>ln(1 + (N − n + 0.5) / (n + 0.5))</c>. Ties are broken by id. It rejects, as the real server would or as its
/// documentation asks, what the protos cannot rule out: vectors of the wrong size or under a name the collection lacks,
/// filters on fields without a payload index, prefetches without a fusion. It is a stand-in for exercising the
/// store's logic, not evidence about the real server's ranking.
/// </summary>
internal sealed class FakeQdrantEngine
{
    private const ulong DefaultLimit = 10;
    private readonly Dictionary<string, FakeCollection> _collections = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public FakeCollection? Find(string name) { lock (_lock) return _collections.GetValueOrDefault(name); }

    public bool Exists(string name) { lock (_lock) return _collections.ContainsKey(name); }

    public void Create(CreateCollection request)
    {
        lock (_lock)
        {
            if (_collections.ContainsKey(request.CollectionName)) throw FakeQdrantServer.Invalid($"Wrong input: Collection `{request.CollectionName}` already exists!", isViolation: false);
            var collection = new FakeCollection(request);
            switch (request.VectorsConfig?.ConfigCase)
            {
                case VectorsConfig.ConfigOneofCase.ParamsMap:
                    foreach (var (name, p) in request.VectorsConfig.ParamsMap.Map)
                    {
                        if (p.Distance != Distance.Cosine) throw FakeQdrantServer.Invalid("fake: only cosine distance");
                        if (p.Size == 0) throw FakeQdrantServer.Invalid($"Wrong input: vector '{name}' has size 0");
                        collection.DenseSizes[name] = p.Size;
                    }

                    break;
                case VectorsConfig.ConfigOneofCase.Params:
                    throw FakeQdrantServer.Invalid("fake: only named vectors are supported");
            }

            foreach (var (name, p) in request.SparseVectorsConfig?.Map ?? [])
                collection.SparseModifiers[name] = p.HasModifier ? p.Modifier : Modifier.None;
            if (request.HasWriteConsistencyFactor && request.HasReplicationFactor && request.WriteConsistencyFactor > request.ReplicationFactor)
                throw FakeQdrantServer.Invalid("Wrong input: write_consistency_factor cannot exceed replication_factor");
            _collections[request.CollectionName] = collection;
        }
    }

    public bool Delete(string name) { lock (_lock) return _collections.Remove(name); }

    public CollectionInfo Info(string name)
    {
        lock (_lock)
        {
            var c = Get(name);
            var parameters = new CollectionParams
            {
                ShardNumber = c.Create.HasShardNumber ? c.Create.ShardNumber : 1,
                ReplicationFactor = c.Create.HasReplicationFactor ? c.Create.ReplicationFactor : 1,
                WriteConsistencyFactor = c.Create.HasWriteConsistencyFactor ? c.Create.WriteConsistencyFactor : 1,
                VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap() },
            };
            foreach (var (vectorName, size) in c.DenseSizes) parameters.VectorsConfig.ParamsMap.Map[vectorName] = new VectorParams { Size = size, Distance = Distance.Cosine };
            if (c.SparseModifiers.Count > 0)
            {
                parameters.SparseVectorsConfig = new SparseVectorConfig();
                foreach (var (vectorName, modifier) in c.SparseModifiers) parameters.SparseVectorsConfig.Map[vectorName] = new SparseVectorParams { Modifier = modifier };
            }

            var info = new CollectionInfo
            {
                Status = CollectionStatus.Green,
                OptimizerStatus = new OptimizerStatus { Ok = true },
                SegmentsCount = 1,
                PointsCount = (ulong)c.Points.Count,
                Config = new CollectionConfig
                {
                    Params = parameters,
                    HnswConfig = new HnswConfigDiff { M = 16, EfConstruct = 100, FullScanThreshold = 10000 },
                    OptimizerConfig = new OptimizersConfigDiff(),
                    WalConfig = new WalConfigDiff(),
                },
            };
            foreach (var (field, type) in c.PayloadIndexes)
            {
                info.PayloadSchema[field] = new PayloadSchemaInfo
                {
                    DataType = type == FieldType.Datetime ? PayloadSchemaType.Datetime : PayloadSchemaType.Keyword,
                    Points = (ulong)c.Points.Values.Count(p => p.Payload.ContainsKey(field)),
                };
            }

            return info;
        }
    }

    public void CreateIndex(CreateFieldIndexCollection request)
    {
        lock (_lock)
        {
            var c = Get(request.CollectionName);
            if (!request.HasFieldType) throw FakeQdrantServer.Invalid($"Wrong input: field_type of the index on '{request.FieldName}' is missing");
            if (request.FieldType is not (FieldType.Keyword or FieldType.Datetime)) throw FakeQdrantServer.Invalid($"fake: unsupported index type {request.FieldType}");
            c.PayloadIndexes[request.FieldName] = request.FieldType;
        }
    }

    public void Upsert(UpsertPoints request)
    {
        lock (_lock)
        {
            var c = Get(request.CollectionName);
            var points = request.Points.Select(p => ToPoint(c, p)).ToList();
            foreach (var point in points) c.Points[point.Key] = point;
        }
    }

    public void DeletePoints(DeletePoints request)
    {
        lock (_lock)
        {
            var c = Get(request.CollectionName);
            var selector = request.Points ?? throw FakeQdrantServer.Invalid("Wrong input: points selector is missing");
            switch (selector.PointsSelectorOneOfCase)
            {
                case PointsSelector.PointsSelectorOneOfOneofCase.Points:
                    foreach (var id in selector.Points.Ids) c.Points.Remove(FakePoint.KeyOf(id));
                    break;
                case PointsSelector.PointsSelectorOneOfOneofCase.Filter:
                    CheckFilter(selector.Filter, c);
                    foreach (var key in c.Points.Where(p => FakeFilter.Matches(selector.Filter, p.Value)).Select(p => p.Key).ToList()) c.Points.Remove(key);
                    break;
                default:
                    throw FakeQdrantServer.Invalid("Wrong input: empty points selector");
            }
        }
    }

    public GetResponse Get(GetPoints request)
    {
        lock (_lock)
        {
            var c = Get(request.CollectionName);
            var response = new GetResponse();
            foreach (var id in request.Ids)
            {
                if (c.Points.TryGetValue(FakePoint.KeyOf(id), out var point)) response.Result.Add(Retrieved(point, request.WithPayload, defaultAll: false));
            }

            return response;
        }
    }

    public ScrollResponse Scroll(ScrollPoints request)
    {
        lock (_lock)
        {
            var c = Get(request.CollectionName);
            CheckFilter(request.Filter, c);
            var from = request.Offset is { } offset ? FakePoint.KeyOf(offset) : null;
            int limit = request.HasLimit ? (int)request.Limit : (int)DefaultLimit;
            var page = c.Points.Values.Where(p => from is null || string.CompareOrdinal(p.Key, from) >= 0).Where(p => FakeFilter.Matches(request.Filter, p)).Take(limit + 1).ToList();
            var response = new ScrollResponse();
            foreach (var point in page.Take(limit)) response.Result.Add(Retrieved(point, request.WithPayload, defaultAll: true));
            if (page.Count > limit) response.NextPageOffset = page[limit].Id.Clone();
            return response;
        }
    }

    public ulong Count(CountPoints request)
    {
        lock (_lock)
        {
            var c = Get(request.CollectionName);
            CheckFilter(request.Filter, c);
            return (ulong)c.Points.Values.Count(p => FakeFilter.Matches(request.Filter, p));
        }
    }

    public List<ScoredPoint> RunQuery(QueryPoints request)
    {
        lock (_lock)
        {
            var c = Get(request.CollectionName);
            var ranked = Rank(c, request.Prefetch, request.Query, request.HasUsing ? request.Using : null, request.Filter, request.Params);
            ulong limit = request.HasLimit ? request.Limit : DefaultLimit;
            return ranked.Skip((int)request.Offset).Take((int)limit).Select(x =>
            {
                var scored = new ScoredPoint { Id = x.Point.Id.Clone(), Score = (float)x.Score, Version = 1 };
                scored.Payload.Add(x.Point.Select(request.WithPayload, defaultAll: false).ToDictionary(kv => kv.Key, kv => kv.Value.Clone()));
                return scored;
            }).ToList();
        }
    }

    private List<(FakePoint Point, double Score)> Rank(FakeCollection c, IReadOnlyList<PrefetchQuery> prefetch, Query? query, string? vectorName, Filter? filter, SearchParams? parameters)
    {
        CheckFilter(filter, c);
        if (prefetch.Count > 0)
        {
            int k = query?.VariantCase switch
            {
                Query.VariantOneofCase.Fusion when query.Fusion == Fusion.Rrf => 2,
                Query.VariantOneofCase.Rrf => query.Rrf.HasK ? (int)query.Rrf.K : 2,
                _ => throw FakeQdrantServer.Invalid($"fake: a query with prefetches must fuse them by RRF (got {query?.VariantCase.ToString() ?? "no query"})"),
            };
            var scores = new Dictionary<string, (FakePoint Point, double Score)>(StringComparer.Ordinal);
            foreach (var leg in prefetch)
            {
                if (!leg.HasLimit) throw FakeQdrantServer.Invalid("fake: a prefetch leg needs a limit (the default of 10 is never what the store means)");
                var ranked = Rank(c, leg.Prefetch, leg.Query, leg.HasUsing ? leg.Using : null, leg.Filter, leg.Params).Take((int)leg.Limit).ToList();
                for (int position = 0; position < ranked.Count; position++)
                {
                    var point = ranked[position].Point;
                    var current = scores.GetValueOrDefault(point.Key, (point, 0));
                    scores[point.Key] = (point, current.Score + 1.0 / (k + position));
                }
            }

            return scores.Values.Where(x => FakeFilter.Matches(filter, x.Point)).OrderByDescending(x => x.Score).ThenBy(x => x.Point.Key, StringComparer.Ordinal).ToList();
        }

        if (query?.VariantCase != Query.VariantOneofCase.Nearest) throw FakeQdrantServer.Invalid($"fake: unsupported query {query?.VariantCase.ToString() ?? "(none)"}");
        if (vectorName is null) throw FakeQdrantServer.Invalid("fake: the collections have named vectors only: 'using' is required");
        var candidates = c.Points.Values.Where(p => FakeFilter.Matches(filter, p));
        var input = query.Nearest;
        switch (input.VariantCase)
        {
            case VectorInput.VariantOneofCase.Dense:
                if (!c.DenseSizes.TryGetValue(vectorName, out var size)) throw FakeQdrantServer.Invalid($"Wrong input: Not existing vector name error: {vectorName}");
                if ((ulong)input.Dense.Data.Count != size) throw FakeQdrantServer.Invalid($"Wrong input: Vector dimension error: expected dim: {size}, got {input.Dense.Data.Count}");
                var q = Normalize([.. input.Dense.Data]);
                return candidates.Where(p => p.Dense.ContainsKey(vectorName))
                    .Select(p => (p, (double)Dot(p.Dense[vectorName], q)))
                    .OrderByDescending(x => x.Item2).ThenBy(x => x.p.Key, StringComparer.Ordinal).ToList();
            case VectorInput.VariantOneofCase.Sparse:
                if (!c.SparseModifiers.TryGetValue(vectorName, out var modifier)) throw FakeQdrantServer.Invalid($"Wrong input: Not existing vector name error: {vectorName}");
                if (parameters is { Exact: true }) throw FakeQdrantServer.Invalid("fake: exact search parameters on a sparse vector");
                var terms = Sparse(input.Sparse.Indices, input.Sparse.Values);
                var holders = c.Points.Values.Where(p => p.Sparse.ContainsKey(vectorName)).ToList();
                double Idf(uint index)
                {
                    if (modifier != Modifier.Idf) return 1;
                    int n = holders.Count(p => p.Sparse[vectorName].ContainsKey(index));
                    return Math.Log(1 + (holders.Count - n + 0.5) / (n + 0.5));
                }

                var weights = terms.ToDictionary(t => t.Key, t => t.Value * Idf(t.Key));
                return candidates.Where(p => p.Sparse.TryGetValue(vectorName, out var v) && v.Keys.Any(weights.ContainsKey))
                    .Select(p => (p, p.Sparse[vectorName].Where(kv => weights.ContainsKey(kv.Key)).Sum(kv => kv.Value * weights[kv.Key])))
                    .OrderByDescending(x => x.Item2).ThenBy(x => x.p.Key, StringComparer.Ordinal).ToList();
            default:
                throw FakeQdrantServer.Invalid($"fake: unsupported query vector {input.VariantCase}");
        }
    }

    private static FakePoint ToPoint(FakeCollection c, PointStruct p)
    {
        var point = new FakePoint { Id = p.Id.Clone(), Key = FakePoint.KeyOf(p.Id), Payload = p.Payload.Clone() };
        if (p.Vectors is { VectorsOptionsCase: not Vectors.VectorsOptionsOneofCase.Vectors_ and not Vectors.VectorsOptionsOneofCase.None })
            throw FakeQdrantServer.Invalid("fake: only named vectors are supported");
        foreach (var (name, vector) in p.Vectors?.Vectors_?.Vectors ?? [])
        {
#pragma warning disable CS0612 // the deprecated fields are what this checks for
            if (vector.Data.Count > 0 || vector.Indices is not null) throw FakeQdrantServer.Invalid($"fake: vector '{name}' uses the deprecated data/indices fields");
#pragma warning restore CS0612
            switch (vector.VectorCase)
            {
                case Vector.VectorOneofCase.Dense when c.DenseSizes.TryGetValue(name, out var size):
                    if ((ulong)vector.Dense.Data.Count != size) throw FakeQdrantServer.Invalid($"Wrong input: Vector dimension error: expected dim: {size}, got {vector.Dense.Data.Count}");
                    point.Dense[name] = Normalize([.. vector.Dense.Data]);
                    break;
                case Vector.VectorOneofCase.Sparse when c.SparseModifiers.ContainsKey(name):
                    point.Sparse[name] = Sparse(vector.Sparse.Indices, vector.Sparse.Values);
                    break;
                default:
                    throw FakeQdrantServer.Invalid($"Wrong input: Not existing vector name error: {name} ({vector.VectorCase})");
            }
        }

        return point;
    }

    private static Dictionary<uint, float> Sparse(IReadOnlyList<uint> indices, IReadOnlyList<float> values)
    {
        if (indices.Count != values.Count) throw FakeQdrantServer.Invalid("Wrong input: Sparse vector indices and values must have the same length");
        if (indices.Distinct().Count() != indices.Count) throw FakeQdrantServer.Invalid("Wrong input: Sparse vector indices must be unique");
        return indices.Zip(values).ToDictionary(x => x.First, x => x.Second);
    }

    private static RetrievedPoint Retrieved(FakePoint point, WithPayloadSelector? selector, bool defaultAll)
    {
        var retrieved = new RetrievedPoint { Id = point.Id.Clone() };
        retrieved.Payload.Add(point.Select(selector, defaultAll).ToDictionary(kv => kv.Key, kv => kv.Value.Clone()));
        return retrieved;
    }

    private static void CheckFilter(Filter? filter, FakeCollection c)
    {
        var problems = FakeFilter.Problems(filter, c).ToList();
        if (problems.Count > 0) throw FakeQdrantServer.Invalid(string.Join("; ", problems));
    }

    private static float[] Normalize(float[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return norm == 0 ? v : v.Select(x => (float)(x / norm)).ToArray();
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b).Sum(x => x.First * x.Second);

    private FakeCollection Get(string name) =>
        _collections.GetValueOrDefault(name) ?? throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));
}
