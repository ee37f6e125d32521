using ChatBot.Storage.Qdrant;
using ChatBot.Storage.Tests.Conformance;
using Qdrant.Client.Grpc;
using static ChatBot.Storage.Tests.Conformance.ConformanceCorpus;

namespace ChatBot.Storage.Tests.Qdrant;

/// <summary>
/// What the store sends, decoded by the fake with Qdrant's own message definitions: collection layout, indexes,
/// point writes, and the shape of each search. Every test also asserts that the fake refused nothing.
/// </summary>
public sealed class QdrantContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_creates_both_collections_with_the_cluster_layout_and_the_payload_indexes()
    {
        await using var q = await FakeQdrant.StartAsync();
        await q.CreateStore(o => { o.ShardNumber = 3; o.ReplicationFactor = 2; o.WriteConsistencyFactor = 2; }).InitializeAsync(Ct);

        var creates = q.Requests<CreateCollection>("/qdrant.Collections/Create").ToDictionary(c => c.CollectionName);
        var chunks = creates["test_chunks"];
        var dense = chunks.VectorsConfig.ParamsMap.Map["dense"];
        Assert.Equal(((ulong)Dimensions, Distance.Cosine), (dense.Size, dense.Distance));
        Assert.Equal(Modifier.Idf, chunks.SparseVectorsConfig.Map["bm25"].Modifier);
        Assert.Empty(creates["test_documents"].VectorsConfig.ParamsMap.Map);
        Assert.All(creates.Values, c => Assert.Equal((3u, 2u, 2u), (c.ShardNumber, c.ReplicationFactor, c.WriteConsistencyFactor)));

        var indexes = q.Requests<CreateFieldIndexCollection>("/qdrant.Points/CreateFieldIndex");
        Assert.All(indexes, i => Assert.Equal("test_chunks", i.CollectionName));
        Assert.Equal(
            new Dictionary<string, FieldType>
            {
                ["document_id"] = FieldType.Keyword, ["write_id"] = FieldType.Keyword, ["speaker"] = FieldType.Keyword, ["role"] = FieldType.Keyword,
                ["source"] = FieldType.Keyword, ["date_from"] = FieldType.Datetime, ["date_to"] = FieldType.Datetime,
            },
            indexes.ToDictionary(i => i.FieldName, i => i.FieldType));
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Initialize_again_creates_nothing_and_a_collection_of_another_size_is_refused_clearly()
    {
        await using var q = await FakeQdrant.StartAsync();
        await q.CreateStore().InitializeAsync(Ct);
        int requests = q.Server.Requests.Count;
        await q.CreateStore().InitializeAsync(Ct);
        Assert.DoesNotContain(q.Server.Requests.Skip(requests), r => r.Method is "/qdrant.Collections/Create" or "/qdrant.Points/CreateFieldIndex");

        var e = await Assert.ThrowsAsync<StoreException>(() => q.CreateStore(o => o.VectorSize = Dimensions + 1).InitializeAsync(Ct));
        Assert.Contains($"holds {Dimensions}-dimensional vectors; the embedder gives {Dimensions + 1}", e.Message, StringComparison.Ordinal);
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Upsert_writes_named_vectors_in_batches_then_deletes_older_points_then_writes_the_record()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore(o => o.BatchSize = 2);
        await store.InitializeAsync(Ct);
        int before = q.Server.Requests.Count;
        await store.UpsertDocumentAsync(DaNang.Document, DaNang.Chunks, "sig-1", Ct);

        var calls = q.Server.Requests.Skip(before).ToList();
        int batches = (DaNang.Chunks.Count + 1) / 2;
        Assert.Equal([.. Enumerable.Repeat(FakeQdrant.Upsert, batches), FakeQdrant.Delete, FakeQdrant.Upsert], calls.Select(c => c.Method));
        var points = calls.Take(batches).SelectMany(c => c.As<UpsertPoints>().Points).ToList();
        Assert.All(calls.Take(batches), c => Assert.True(c.As<UpsertPoints>().Wait));
        Assert.Equal(DaNang.Chunks.Select(c => c.Chunk.Id.ToString()), points.Select(p => p.Id.Uuid));
        var first = points[0];
        Assert.Equal(Dimensions, first.Vectors.Vectors_.Vectors["dense"].Dense.Data.Count);
        Assert.NotEmpty(first.Vectors.Vectors_.Vectors["bm25"].Sparse.Indices);
        Assert.Equal(DaNang.Id, first.Payload["document_id"].StringValue);
        var writeId = first.Payload["write_id"].StringValue;

        var delete = calls[batches].As<DeletePoints>();
        Assert.Equal(DaNang.Id, delete.Points.Filter.Must.Single().Field.Match.Keyword);
        Assert.Equal(writeId, delete.Points.Filter.MustNot.Single().Field.Match.Keyword);
        var record = calls[^1].As<UpsertPoints>();
        Assert.Equal("test_documents", record.CollectionName);
        Assert.Equal(DaNang.Document.Text, record.Points.Single().Payload["text"].StringValue);
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Hybrid_search_is_one_call_holding_the_rrf_fused_query_of_two_filtered_prefetches_and_its_dense_leg()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        foreach (var doc in All) await store.UpsertDocumentAsync(doc.Document, doc.Chunks, "sig-1", Ct);
        int before = q.Server.Requests.Count;
        var filter = new ChunkFilter { Speakers = [Lavrov], From = new DateOnly(2017, 1, 1) };

        var hits = await store.SearchAsync(new ChunkSearchRequest { Text = "Vietnam hydropower", Vector = Axis(1), Filter = filter, Limit = 5, CandidatesPerRanking = 7 }, Ct);

        var call = Assert.Single(q.Server.Requests.Skip(before));
        Assert.Equal(FakeQdrant.QueryBatch, call.Method);
        var batch = call.As<QueryBatchPoints>();
        Assert.Equal(2, batch.QueryPoints.Count);
        var fused = batch.QueryPoints[0];
        Assert.Equal(Fusion.Rrf, fused.Query.Fusion);
        Assert.Equal(5ul, fused.Limit);
        Assert.True(fused.WithPayload.Enable);
        Assert.Equal(["dense", "bm25"], fused.Prefetch.Select(p => p.Using));
        Assert.Equal([VectorInput.VariantOneofCase.Dense, VectorInput.VariantOneofCase.Sparse], fused.Prefetch.Select(p => p.Query.Nearest.VariantCase));
        Assert.All(fused.Prefetch, p => Assert.Equal(7ul, p.Limit));
        Assert.All(fused.Prefetch, p => Assert.Equal(["speaker", "date_to"], p.Filter.Must.Select(c => c.Field.Key)));
        var denseLeg = batch.QueryPoints[1];
        Assert.Equal(("dense", 7ul, false), (denseLeg.Using, denseLeg.Limit, denseLeg.WithPayload.Enable));
        Assert.Equal(fused.Prefetch[0].Filter, denseLeg.Filter);

        Assert.NotEmpty(hits);
        Assert.Contains(hits, h => h.VectorSimilarity is not null && h.DenseRank is not null);
        Assert.All(hits, h => Assert.Equal(h.DenseRank is null, h.VectorSimilarity is null));
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Text_alone_or_a_vector_alone_is_a_single_query_and_a_configured_k_is_sent()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore(o => o.RrfK = 60);
        await store.InitializeAsync(Ct);
        await store.UpsertDocumentAsync(DaNang.Document, DaNang.Chunks, "sig-1", Ct);

        await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Limit = 4 }, Ct);
        await store.SearchAsync(new ChunkSearchRequest { Vector = Axis(0), Limit = 4, ExactVectorSearch = true }, Ct);
        await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Vector = Axis(0), Limit = 4 }, Ct);

        var single = q.Requests<QueryPoints>(FakeQdrant.Query);
        Assert.Equal([("bm25", VectorInput.VariantOneofCase.Sparse), ("dense", VectorInput.VariantOneofCase.Dense)], single.Select(s => (s.Using, s.Query.Nearest.VariantCase)));
        Assert.All(single, s => Assert.Empty(s.Prefetch));
        Assert.True(single[1].Params.Exact);
        Assert.Equal(60u, q.Requests<QueryBatchPoints>(FakeQdrant.QueryBatch).Single().QueryPoints[0].Query.Rrf.K);
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Nothing_is_sent_when_there_is_nothing_to_search_and_a_wrong_vector_size_is_refused_before_sending()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        int before = q.Server.Requests.Count;
        Assert.Empty(await store.SearchAsync(new ChunkSearchRequest { Text = "the of and" }, Ct));
        Assert.Empty(await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Filter = new ChunkFilter { Speakers = [] } }, Ct));
        await Assert.ThrowsAsync<StoreException>(() => store.SearchAsync(new ChunkSearchRequest { Vector = new float[Dimensions + 1] }, Ct));
        Assert.Equal(before, q.Server.Requests.Count);
    }

    [Fact]
    public async Task Reading_before_initialising_says_to_initialise()
    {
        await using var q = await FakeQdrant.StartAsync();
        var e = await Assert.ThrowsAsync<StoreException>(() => q.CreateStore().ListDocumentsAsync(Ct));
        Assert.Contains("Initialize the store (ingest) to create its collections", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fake_refuses_a_filter_on_a_field_without_a_payload_index()
    {
        // The store indexes every field it filters on; this shows the fake would notice if it did not.
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        q.Server.Engine.Find("test_chunks")!.PayloadIndexes.Remove("speaker");
        var e = await Assert.ThrowsAsync<QdrantException>(() => store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Filter = new ChunkFilter { Speakers = [Lavrov] } }, Ct));
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("Index required but not found for \"speaker\"", e.ServerError, StringComparison.Ordinal);
        Assert.Single(q.Server.Violations);
    }
}
