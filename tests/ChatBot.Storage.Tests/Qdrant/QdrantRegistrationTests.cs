using ChatBot.Storage.Qdrant;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Qdrant;

/// <summary>The DI registration: one store, validated options, an <see cref="IHttpClientFactory"/> client, and no key in the logs.</summary>
public sealed class QdrantRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_store_is_registered_once_as_itself_and_as_the_store_seam()
    {
        await using var q = await FakeQdrant.StartAsync();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddQdrantTranscriptStore(o => { o.Url = q.Server.Url; o.VectorSize = 8; o.Collection = "registered"; })
            .BuildServiceProvider(validateScopes: true);

        var store = provider.GetRequiredService<ITranscriptStore>();
        Assert.Same(provider.GetRequiredService<QdrantTranscriptStore>(), store);
        Assert.Equal($"qdrant: {q.Server.Url} (collections registered_chunks, registered_documents)", store.Description);
        await store.InitializeAsync(Ct);
        Assert.NotNull(q.Server.Engine.Find("registered_chunks"));
    }

    [Fact]
    public void Invalid_options_are_reported_with_what_is_wrong()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddQdrantTranscriptStore(o => { o.Url = "localhost:6333"; o.VectorSize = 0; })
            .BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<QdrantOptions>>().Value);
        Assert.Contains(e.Failures, f => f.Contains("Url must be an absolute http or https address", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("VectorSize must be between 1 and 65536 (got 0)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_key_never_reaches_a_log()
    {
        const string key = "secret-key-9d41b7";
        await using var q = await FakeQdrant.StartAsync(requiredApiKey: key);
        var logs = new ListLoggerProvider();
        await using var provider = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddQdrantTranscriptStore(o => { o.Url = q.Server.Url; o.ApiKey = key; o.VectorSize = 8; o.RetryDelay = TimeSpan.FromMilliseconds(1); })
            .BuildServiceProvider();
        var store = provider.GetRequiredService<ITranscriptStore>();

        q.Server.Fail(503, """{"status": {"error": "busy"}, "time": 0.0}""", when: r => r.Path.EndsWith("/exists", StringComparison.Ordinal));
        q.Server.Fail(400, """{"status": {"error": "Wrong input: simulated"}, "time": 0.0}""", when: r => r.Path.EndsWith("/query", StringComparison.Ordinal));
        await store.InitializeAsync(Ct);
        await store.UpsertDocumentAsync(Conformance.ConformanceCorpus.Briefing.Document, Conformance.ConformanceCorpus.Briefing.Chunks, "sig", Ct);
        await Assert.ThrowsAsync<QdrantException>(() => store.SearchAsync(new ChunkSearchRequest { Text = "bank" }, Ct));
        await store.SearchAsync(new ChunkSearchRequest { Text = "bank" }, Ct);

        Assert.All(q.Requests(), r => Assert.Equal(key, r.ApiKey));
        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Contains("retry 1 of 3", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("api-key", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.Contains(key, StringComparison.Ordinal));
        Assert.DoesNotContain(key, provider.GetRequiredService<IOptions<QdrantOptions>>().Value.ToString(), StringComparison.Ordinal);
    }
}
