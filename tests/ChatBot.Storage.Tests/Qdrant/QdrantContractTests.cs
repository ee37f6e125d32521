using System.Text.Json.Nodes;
using ChatBot.Model;
using ChatBot.Storage.Qdrant;
using System.Text.Json;
using ChatBot.Storage.Qdrant.Http;
using ChatBot.Storage.Qdrant.Mapping;
using static ChatBot.Storage.Tests.Conformance.ConformanceCorpus;

namespace ChatBot.Storage.Tests.Qdrant;

/// <summary>
/// The requests the Qdrant store sends, checked against the loopback fake server. Every body is validated by the fake
/// against the tightened Qdrant API description (schema and property names); these tests also check the shape and
/// order of the requests the store's design depends on.
/// </summary>
public sealed class QdrantContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_creates_both_collections_and_the_payload_indexes()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore(o => { o.ShardNumber = 2; o.ReplicationFactor = 3; o.WriteConsistencyFactor = 2; });
        await store.InitializeAsync(Ct);

        var requests = q.Requests();
        Assert.Equal(
            [
                "GET /collections/test_chunks/exists", "PUT /collections/test_chunks", "GET /collections/test_chunks",
                .. Enumerable.Repeat("PUT /collections/test_chunks/index?wait=true", 6),
                "GET /collections/test_documents/exists", "PUT /collections/test_documents", "GET /collections/test_documents",
            ],
            requests.Select(r => r.ToString()));

        var chunks = FakeQdrant.Json(requests[1]);
        Assert.Equal("""{"dense":{"size":8,"distance":"Cosine"}}""", chunks["vectors"]!.ToJsonString());
        Assert.Equal("""{"bm25":{"modifier":"idf"}}""", chunks["sparse_vectors"]!.ToJsonString());
        Assert.Equal((2, 3, 2), (chunks["shard_number"]!.GetValue<int>(), chunks["replication_factor"]!.GetValue<int>(), chunks["write_consistency_factor"]!.GetValue<int>()));

        var indexes = requests.Where(r => r.Path.EndsWith("/index", StringComparison.Ordinal)).Select(FakeQdrant.Json)
            .ToDictionary(j => j["field_name"]!.GetValue<string>(), j => j["field_schema"]!.GetValue<string>());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["document_id"] = "keyword", ["speaker"] = "keyword", ["role"] = "keyword", ["source"] = "keyword", ["date_from"] = "datetime", ["date_to"] = "datetime",
            },
            indexes);

        var documents = FakeQdrant.Json(requests[^2]);
        Assert.Equal("{}", documents["vectors"]!.ToJsonString());
        Assert.True(documents["on_disk_payload"]!.GetValue<bool>());
        Assert.False(documents.ContainsKey("sparse_vectors"));
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Initialize_again_creates_nothing()
    {
        await using var q = await FakeQdrant.StartAsync();
        await q.CreateStore().InitializeAsync(Ct);
        q.Server.ClearRequests();
        await q.CreateStore().InitializeAsync(Ct);
        Assert.DoesNotContain(q.Requests(), r => r.Method == "PUT");
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Initialize_treats_a_collection_created_meanwhile_as_success()
    {
        await using var q = await FakeQdrant.StartAsync();
        // Another client creates the collection between our existence check and our create (the fake answers 409 "already exists").
        q.Server.Engine.Create("test_chunks", JsonNode.Parse("""{"vectors": {"dense": {"size": 8, "distance": "Cosine"}}, "sparse_vectors": {"bm25": {"modifier": "idf"}}}""")!.AsObject());
        q.Server.Fail(200, """{"time": 0.0, "status": "ok", "result": {"exists": false}}""", when: r => r.Path == "/collections/test_chunks/exists");

        await q.CreateStore().InitializeAsync(Ct);
        Assert.Single(q.Requests(), r => r.ToString() == "PUT /collections/test_chunks");
        Assert.Equal(6, q.Requests("/index").Count);
    }

    [Fact]
    public async Task Initialize_fails_clearly_when_the_collection_holds_vectors_of_another_size()
    {
        await using var q = await FakeQdrant.StartAsync();
        await q.CreateStore().InitializeAsync(Ct);
        var e = await Assert.ThrowsAsync<StoreException>(() => q.CreateStore(o => o.VectorSize = 512).InitializeAsync(Ct));
        Assert.Contains("test_chunks holds 8-dimensional vectors", e.Message, StringComparison.Ordinal);
        Assert.Contains("512", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"vectors": {"image": {"size": 8, "distance": "Cosine"}}}""", "no dense vector named 'dense'")]
    [InlineData("""{"vectors": {"dense": {"size": 8, "distance": "Cosine"}}, "sparse_vectors": {"bm25": {}}}""", "'idf' modifier")]
    [InlineData("""{"vectors": {"dense": {"size": 8, "distance": "Cosine"}}}""", "no sparse vector 'bm25'")]
    public async Task Initialize_refuses_a_collection_of_another_layout(string layout, string expected)
    {
        await using var q = await FakeQdrant.StartAsync();
        q.Server.Engine.Create("test_chunks", JsonNode.Parse(layout)!.AsObject());
        var e = await Assert.ThrowsAsync<StoreException>(() => q.CreateStore().InitializeAsync(Ct));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_writes_point_batches_then_deletes_older_points_then_writes_the_record()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore(o => o.BatchSize = 3);
        await store.InitializeAsync(Ct);
        q.Server.ClearRequests();
        await store.UpsertDocumentAsync(DaNang.Document, DaNang.Chunks, "sig-1", Ct);

        var requests = q.Requests();
        Assert.Equal(
            [
                "PUT /collections/test_chunks/points?wait=true", "PUT /collections/test_chunks/points?wait=true",
                "POST /collections/test_chunks/points/delete?wait=true", "PUT /collections/test_documents/points?wait=true",
            ],
            requests.Select(r => r.ToString()));

        var points = requests.Take(2).SelectMany(r => FakeQdrant.Json(r)["points"]!.AsArray()).Select(p => p!.AsObject()).ToList();
        Assert.Equal(DaNang.Chunks.Select(c => c.Chunk.Id.ToString()), points.Select(p => p["id"]!.GetValue<string>()));
        var writeIds = points.Select(p => p["payload"]!["write_id"]!.GetValue<string>()).Distinct().ToList();
        Assert.Single(writeIds);

        var answer = points[2];
        Assert.Equal(8, answer["vector"]!["dense"]!.AsArray().Count);
        var indices = answer["vector"]!["bm25"]!["indices"]!.AsArray().Select(i => i!.GetValue<uint>()).ToList();
        Assert.Equal(indices.Order().Distinct(), indices);
        var payload = answer["payload"]!.AsObject();
        Assert.Equal("principal", payload["role"]!.GetValue<string>());
        Assert.Equal("2017-11-10T00:00:00Z", payload["date_from"]!.GetValue<string>());
        Assert.Equal("2017-11-10T00:00:00Z", payload["date_to"]!.GetValue<string>());
        Assert.Equal("2017-11-10", payload["date"]!.GetValue<string>());
        Assert.Equal(DaNang[1].Text, payload["question"]!.GetValue<string>());
        Assert.Equal("Minister of Foreign Affairs", payload["post"]!.GetValue<string>());
        Assert.Equal(DaNang.Document.Source, payload["source"]!.GetValue<string>());

        var delete = FakeQdrant.Json(requests[2]);
        Assert.Equal(
            $$$"""{"filter":{"must":[{"key":"document_id","match":{"value":"{{{DaNang.Id}}}"}}],"must_not":[{"key":"write_id","match":{"value":"{{{writeIds[0]}}}"}}]}}""",
            delete.ToJsonString());

        var record = FakeQdrant.Json(requests[3])["points"]![0]!.AsObject();
        Assert.Equal(CollectionLayout.DocumentPointId(DaNang.Id).ToString(), record["id"]!.GetValue<string>());
        Assert.Equal("{}", record["vector"]!.ToJsonString());
        Assert.Equal(DaNang.Document.Text, record["payload"]!["text"]!.GetValue<string>());
        Assert.Equal(4, record["payload"]!["turns"]!.AsArray().Count);
        Assert.Equal("sig-1", record["payload"]!["signature"]!.GetValue<string>());
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Dates_are_written_as_datetime_ranges_and_omitted_when_unknown()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        await store.UpsertDocumentAsync(GeneralDebate.Document, GeneralDebate.Chunks, "sig-1", Ct);
        await store.UpsertDocumentAsync(Undated.Document, Undated.Chunks, "sig-1", Ct);

        var yearOnly = FakeQdrant.Json(q.Requests("/test_chunks/points").First(r => r.Method == "PUT"))["points"]![0]!["payload"]!.AsObject();
        Assert.Equal(("2018-01-01T00:00:00Z", "2018-12-31T00:00:00Z", 2018), (yearOnly["date_from"]!.GetValue<string>(), yearOnly["date_to"]!.GetValue<string>(), yearOnly["year"]!.GetValue<int>()));
        Assert.False(yearOnly.ContainsKey("date"));
        var undated = FakeQdrant.Json(q.Requests("/test_chunks/points").Last(r => r.Method == "PUT"))["points"]![0]!["payload"]!.AsObject();
        Assert.False(undated.ContainsKey("date_from") || undated.ContainsKey("date_to") || undated.ContainsKey("year"));
        q.AssertNoViolations();
    }

    [Fact]
    public async Task A_chunk_without_a_vector_is_written_with_its_sparse_vector_only()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        await store.UpsertDocumentAsync(NoVectors.Document, NoVectors.Chunks, "sig-1", Ct);
        var points = FakeQdrant.Json(q.Requests("/test_chunks/points").Single(r => r.Method == "PUT"))["points"]!.AsArray();
        Assert.All(points, p => Assert.Equal(["bm25"], p!["vector"]!.AsObject().Select(kv => kv.Key)));
        q.AssertNoViolations();
    }

    [Fact]
    public async Task A_failure_part_way_leaves_the_old_version_searchable_and_a_rerun_heals()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        await store.UpsertDocumentAsync(DaNang.Document, DaNang.Chunks, "sig-1", Ct);

        q.Server.Fail(400, """{"status": {"error": "Wrong input: simulated failure"}, "time": 0.0}""", when: r => r.Path.EndsWith("/points/delete", StringComparison.Ordinal));
        var e = await Assert.ThrowsAsync<QdrantException>(() => store.UpsertDocumentAsync(DaNangV2.Document, DaNangV2.Chunks, "sig-1", Ct));
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("Wrong input: simulated failure", e.ServerError);
        Assert.Contains("delete earlier chunks of document doc-danang from test_chunks", e.Message, StringComparison.Ordinal);
        Assert.Contains("simulated failure", e.Message, StringComparison.Ordinal);

        Assert.Contains(await store.SearchAsync(new ChunkSearchRequest { Text = "fisheries" }, Ct), h => h.Chunk.Id == DaNang[3].Id);
        Assert.Equal("v1-danang", (await store.GetDocumentStateAsync(DaNang.Id, Ct))!.Version);

        await store.UpsertDocumentAsync(DaNangV2.Document, DaNangV2.Chunks, "sig-1", Ct);
        Assert.Empty(await store.SearchAsync(new ChunkSearchRequest { Text = "fisheries" }, Ct));
        Assert.Equal("v2-danang", (await store.GetDocumentStateAsync(DaNang.Id, Ct))!.Version);
        Assert.Equal(DaNangV2.Chunks.Count, (await store.GetStatisticsAsync(Ct)).Chunks);
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Hybrid_search_is_one_query_with_a_filtered_dense_and_sparse_prefetch_fused_by_rrf()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        await store.UpsertDocumentAsync(DaNang.Document, DaNang.Chunks, "sig-1", Ct);
        q.Server.ClearRequests();

        var hits = await store.SearchAsync(new ChunkSearchRequest
        {
            Text = "Sanctions, the bank",
            Vector = Axis(0),
            Filter = new ChunkFilter { Roles = [SpeakerRole.Principal], Speakers = [Lavrov, Lavrov], From = new DateOnly(2017, 1, 1), To = new DateOnly(2018, 12, 31) },
            Limit = 7,
            CandidatesPerRanking = 30,
        }, Ct);

        var request = Assert.Single(q.Requests());
        Assert.Equal("POST /collections/test_chunks/points/query", request.ToString());
        var body = FakeQdrant.Json(request);
        var filter = """{"must":[{"key":"role","match":{"any":["principal"]}},{"key":"speaker","match":{"any":["Sergey Lavrov"]}},{"key":"date_to","range":{"gte":"2017-01-01T00:00:00Z"}},{"key":"date_from","range":{"lte":"2018-12-31T00:00:00Z"}}]}""";
        var legs = body["prefetch"]!.AsArray();
        Assert.Equal(2, legs.Count);
        Assert.Equal(("dense", 30, filter, 8), (legs[0]!["using"]!.GetValue<string>(), legs[0]!["limit"]!.GetValue<int>(), legs[0]!["filter"]!.ToJsonString(), legs[0]!["query"]!.AsArray().Count));
        Assert.Equal(("bm25", 30, filter), (legs[1]!["using"]!.GetValue<string>(), legs[1]!["limit"]!.GetValue<int>(), legs[1]!["filter"]!.ToJsonString()));
        var sparse = legs[1]!["query"]!.AsObject();
        Assert.Equal(
            new[] { "sanctions", "bank" }.Select(SparseEncoder.Index).Order(),
            sparse["indices"]!.AsArray().Select(i => i!.GetValue<uint>()));
        Assert.All(sparse["values"]!.AsArray(), v => Assert.Equal(1f, v!.GetValue<float>()));
        Assert.Equal("""{"fusion":"rrf"}""", body["query"]!.ToJsonString());
        Assert.Equal(7, body["limit"]!.GetValue<int>());
        Assert.True(body["with_payload"]!.GetValue<bool>());
        Assert.False(body.ContainsKey("filter"));

        Assert.Equal(DaNang[2].Id, hits[0].Chunk.Id);
        Assert.All(hits, h => Assert.True(h.LexicalRank is null && h.DenseRank is null));
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Text_alone_or_a_vector_alone_is_a_single_leg_query()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        q.Server.ClearRequests();

        await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Limit = 50, CandidatesPerRanking = 20 }, Ct);
        await store.SearchAsync(new ChunkSearchRequest { Vector = Axis(2), Limit = 5, CandidatesPerRanking = 20 }, Ct);

        var keyword = FakeQdrant.Json(q.Requests()[0]);
        Assert.False(keyword.ContainsKey("prefetch"));
        Assert.Equal(("bm25", 20), (keyword["using"]!.GetValue<string>(), keyword["limit"]!.GetValue<int>()));
        Assert.Equal($$"""{"indices":[{{SparseEncoder.Index("sanctions")}}],"values":[1]}""", keyword["query"]!.ToJsonString());
        Assert.False(keyword.ContainsKey("filter"));

        var vector = FakeQdrant.Json(q.Requests()[1]);
        Assert.False(vector.ContainsKey("prefetch"));
        Assert.Equal(("dense", 5), (vector["using"]!.GetValue<string>(), vector["limit"]!.GetValue<int>()));
        Assert.Equal(Axis(2), vector["query"]!.AsArray().Select(x => x!.GetValue<float>()));
        q.AssertNoViolations();
    }

    [Fact]
    public async Task An_exact_vector_search_asks_the_dense_leg_for_exact_search_and_nothing_else_does()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        q.Server.ClearRequests();

        await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Vector = Axis(0), ExactVectorSearch = true }, Ct);
        await store.SearchAsync(new ChunkSearchRequest { Vector = Axis(0), ExactVectorSearch = true }, Ct);
        await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Vector = Axis(0) }, Ct);

        var requests = q.Requests("/points/query").Select(FakeQdrant.Json).ToList();
        var legs = requests[0]["prefetch"]!.AsArray();
        Assert.Equal("""{"exact":true}""", legs[0]!["params"]!.ToJsonString());
        Assert.False(legs[1]!.AsObject().ContainsKey("params"));
        Assert.Equal("""{"exact":true}""", requests[1]["params"]!.ToJsonString());
        Assert.All(requests[2]["prefetch"]!.AsArray(), leg => Assert.False(leg!.AsObject().ContainsKey("params")));
        q.AssertNoViolations();
    }

    [Fact]
    public async Task A_configured_rrf_k_is_sent_as_a_parameterised_rrf_query()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore(o => o.RrfK = 60);
        await store.InitializeAsync(Ct);
        await store.UpsertDocumentAsync(DaNang.Document, DaNang.Chunks, "sig-1", Ct);
        var hits = await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Vector = Axis(0) }, Ct);
        Assert.Equal("""{"rrf":{"k":60}}""", FakeQdrant.Json(q.Requests("/points/query").Single())["query"]!.ToJsonString());
        Assert.InRange(hits[0].Score, 1.0 / 60 + 1.0 / 62, 2.0 / 60 + 1e-9);
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Nothing_is_sent_when_there_is_nothing_to_search()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        q.Server.ClearRequests();

        Assert.Empty(await store.SearchAsync(new ChunkSearchRequest { Text = "the and of" }, Ct));
        Assert.Empty(await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Filter = new ChunkFilter { Speakers = [] } }, Ct));
        Assert.Empty(await store.SearchAsync(new ChunkSearchRequest { Vector = Axis(0), Limit = 0 }, Ct));
        Assert.Empty(q.Requests());
    }

    [Fact]
    public async Task A_query_vector_of_the_wrong_size_is_refused_before_sending()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        var e = await Assert.ThrowsAsync<StoreException>(() => store.SearchAsync(new ChunkSearchRequest { Vector = new float[3] }, Ct));
        Assert.Contains("3 dimensions", e.Message, StringComparison.Ordinal);
        Assert.Empty(q.Requests());
    }

    [Fact]
    public async Task Chunk_vectors_of_the_wrong_size_are_refused_before_anything_is_written()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore(o => o.VectorSize = 16);
        await store.InitializeAsync(Ct);
        q.Server.ClearRequests();
        var e = await Assert.ThrowsAsync<StoreException>(() => store.UpsertDocumentAsync(DaNang.Document, DaNang.Chunks, "sig-1", Ct));
        Assert.Contains("16-dimensional", e.Message, StringComparison.Ordinal);
        Assert.Contains("gives 8", e.Message, StringComparison.Ordinal);
        Assert.Empty(q.Requests());
    }

    [Fact]
    public async Task Delete_removes_chunks_by_filter_and_the_record_by_id()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        await store.UpsertDocumentAsync(Briefing.Document, Briefing.Chunks, "sig-1", Ct);
        q.Server.ClearRequests();

        Assert.True(await store.DeleteDocumentAsync(Briefing.Id, Ct));
        var requests = q.Requests();
        Assert.Equal(
            ["POST /collections/test_documents/points", "POST /collections/test_chunks/points/delete?wait=true", "POST /collections/test_documents/points/delete?wait=true"],
            requests.Select(r => r.ToString()));
        Assert.Equal($$$"""{"filter":{"must":[{"key":"document_id","match":{"value":"{{{Briefing.Id}}}"}}]}}""", requests[1].Body);
        Assert.Equal($$"""{"points":["{{CollectionLayout.DocumentPointId(Briefing.Id)}}"]}""", requests[2].Body);
        Assert.Empty(q.Server.Engine.Find("test_chunks")!.Points);
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Listing_pages_through_document_records_without_their_text()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        // 300 records written straight into the fake (faster than 300 upserts): more than one scroll page.
        var records = Enumerable.Range(0, 300).Select(i =>
        {
            var doc = new Conformance.TestDocument($"doc-{i:000}", $"Document {i}", new DateOnly(2000 + i % 20, 1, 1), null, null, "mid-ru", "v1",
                [new Conformance.TurnSpec("Speaker " + (i % 7), null, SpeakerRole.Principal, "Words number " + i, null)]);
            return new PointStruct<DocumentPayload>(CollectionLayout.DocumentPointId(doc.Id), new PointVectors(), PayloadMapper.ToPayload(doc.Document, doc.Chunks, "sig", "w", DateTimeOffset.UtcNow));
        }).ToList();
        q.Server.Engine.Upsert("test_documents", JsonNode.Parse(JsonSerializer.Serialize(new PointsListBody<DocumentPayload>(records), QdrantJsonContext.Default.PointsListBodyDocumentPayload))!.AsObject());
        q.Server.ClearRequests();

        var listed = await store.ListDocumentsAsync(Ct);
        Assert.Equal(300, listed.Count);
        var scrolls = q.Requests("/points/scroll");
        Assert.Equal(2, scrolls.Count);
        Assert.DoesNotContain("\"text\"", scrolls[0].Body, StringComparison.Ordinal);
        Assert.True(FakeQdrant.Json(scrolls[1]).ContainsKey("offset"));

        var speakers = await store.ListSpeakersAsync(Ct);
        Assert.Equal(7, speakers.Count);
        Assert.Equal(300, speakers.Sum(s => s.Chunks));
        q.AssertNoViolations();
    }

    [Fact]
    public async Task Reading_before_initialising_says_to_initialise()
    {
        await using var q = await FakeQdrant.StartAsync();
        var e = await Assert.ThrowsAsync<StoreException>(() => q.CreateStore().SearchAsync(new ChunkSearchRequest { Text = "sanctions" }, Ct));
        Assert.Contains("test_chunks", e.Message, StringComparison.Ordinal);
        Assert.Contains("Initialize", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_point_this_store_did_not_write_is_reported_not_guessed()
    {
        await using var q = await FakeQdrant.StartAsync();
        var store = q.CreateStore();
        await store.InitializeAsync(Ct);
        q.Server.Engine.Upsert("test_chunks", JsonNode.Parse($$$"""{"points": [{"id": 42, "vector": {"bm25": {"indices": [{{{SparseEncoder.Index("alpha")}}}], "values": [1.0]}}, "payload": {"text": "alpha"}}]}""")!.AsObject());
        q.Server.Engine.Upsert("test_chunks", JsonNode.Parse($$$"""{"points": [{"id": "{{{Guid.NewGuid()}}}", "vector": {"bm25": {"indices": [{{{SparseEncoder.Index("beta")}}}], "values": [1.0]}}, "payload": {"text": "beta"}}]}""")!.AsObject());

        var foreignId = await Assert.ThrowsAsync<StoreException>(() => store.SearchAsync(new ChunkSearchRequest { Text = "alpha" }, Ct));
        Assert.Contains("UUID", foreignId.Message, StringComparison.Ordinal);
        var foreignPayload = await Assert.ThrowsAsync<StoreException>(() => store.SearchAsync(new ChunkSearchRequest { Text = "beta" }, Ct));
        Assert.Contains("has no 'document_id' in its payload", foreignPayload.Message, StringComparison.Ordinal);
    }
}
