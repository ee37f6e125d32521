using ChatBot.Answering;
using ChatBot.Chunking;
using ChatBot.Ingestion;
using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Retrieval;

namespace ChatBot.Storage.Tests.Qdrant;

/// <summary>
/// Ingest, search and ask unchanged on the Qdrant store (against the loopback fake, every request checked
/// against the API description): the same pipeline classes the embedded store uses.
/// </summary>
public sealed class QdrantPipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Samples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln"))) return Path.Combine(dir.FullName, "samples");
        }

        throw new InvalidOperationException("no ChatBot.sln above the test folder");
    }

    [Fact]
    public async Task SamplesIngestSearchAndAnswerOnQdrantAsOnTheEmbeddedStore()
    {
        await using var qdrant = await FakeQdrant.StartAsync();
        var store = qdrant.CreateStore(o => o.VectorSize = 512);
        var pipeline = new IngestionPipeline(TranscriptReader.CreateDefault(), new TurnChunker(new ChunkingOptions()), store);

        var first = await pipeline.IngestAsync([Samples()], cancellationToken: Ct);
        var again = await pipeline.IngestAsync([Samples()], cancellationToken: Ct);
        Assert.Equal(2, first.DocumentsWritten);
        Assert.Equal(2, again.DocumentsUnchanged);

        var search = new SearchService(store);
        int before = qdrant.Server.Requests.Count;
        var response = await search.SearchAsync(new SearchQuery { Query = "What did Lavrov say about North Korea?" }, Ct);
        // Without an embedder a search is its keyword ranking: one query on the sparse vector, nothing else sent
        // (the speaker and document directory was read before and is cached).
        var sent = qdrant.Server.Requests.Skip(before).Where(r => r.Method.StartsWith("/qdrant.Points/Query", StringComparison.Ordinal)).ToList();
        Assert.Equal([FakeQdrant.Query], sent.Select(r => r.Method));
        Assert.Equal("bm25", sent[0].As<global::Qdrant.Client.Grpc.QueryPoints>().Using);
        Assert.NotEmpty(response.Results);
        Assert.Contains("North Korea", response.Results[0].Text);
        foreach (var r in response.Results)
        {
            Assert.Equal(SpeakerRole.Principal, r.Role);
            var document = await store.GetDocumentAsync(r.Document.Id, Ct);
            Assert.Equal(document!.Text[r.Start..r.End], r.Text);
        }

        var answers = new AnswerService(search);
        var answer = await answers.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        Assert.False(answer.Refused);
        Assert.Contains(answer.Quotes, q => q.Text.Contains("war with North Korea", StringComparison.Ordinal));
        var refused = await answers.AskAsync("What did Lavrov say about Taylor Swift?", cancellationToken: Ct);
        Assert.True(refused.Refused);
        Assert.Contains("2 documents were searched", refused.Text);
        qdrant.AssertNoViolations();
    }

    [Fact]
    public async Task AHybridSearchIsOneCallThatTheServerFuses()
    {
        await using var qdrant = await FakeQdrant.StartAsync();
        var store = qdrant.CreateStore(o => o.VectorSize = HashingEmbedder.Dimensions);
        var embedder = new HashingEmbedder();
        var pipeline = new IngestionPipeline(TranscriptReader.CreateDefault(), new TurnChunker(new ChunkingOptions()), store, embedder);
        await pipeline.IngestAsync([Samples()], cancellationToken: Ct);
        var search = new SearchService(store, embedder);

        int before = qdrant.Server.Requests.Count;
        var response = await search.SearchAsync(new SearchQuery { Query = "What did Lavrov say about North Korea?" }, Ct);

        var sent = qdrant.Server.Requests.Skip(before).Where(r => r.Method.StartsWith("/qdrant.Points/Query", StringComparison.Ordinal)).ToList();
        var batch = Assert.Single(sent);
        var hybrid = batch.As<global::Qdrant.Client.Grpc.QueryBatchPoints>().QueryPoints[0];
        Assert.Equal(global::Qdrant.Client.Grpc.Fusion.Rrf, hybrid.Query.Fusion);
        Assert.Equal(2, hybrid.Prefetch.Count);
        Assert.NotEmpty(response.Results);
        Assert.All(response.Results, r => Assert.NotNull(r.Relevance));
        qdrant.AssertNoViolations();
    }

    /// <summary>A deterministic bag-of-words embedder: enough to give the store vectors to rank; no model needed to check the requests.</summary>
    private sealed class HashingEmbedder : Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>
    {
        public const int Dimensions = 64;

        public Task<Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>> GenerateAsync(IEnumerable<string> values,
            Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var result = new Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>();
            foreach (var text in values)
            {
                var v = new float[Dimensions];
                foreach (var term in ChatBot.Text.LexicalAnalyzer.Terms(text)) v[(int)((uint)term.GetHashCode() % Dimensions)] += 1;
                float norm = MathF.Sqrt(v.Sum(x => x * x));
                if (norm == 0) v[0] = norm = 1;
                result.Add(new Microsoft.Extensions.AI.Embedding<float>(v.Select(x => x / norm).ToArray()));
            }

            return Task.FromResult(result);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
