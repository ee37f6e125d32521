using System.Text.Json.Nodes;
using ChatBot.Storage.Qdrant;
using ChatBot.Storage.Tests.Fake;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Tests.Qdrant;

/// <summary>A started <see cref="FakeQdrantServer"/> with an HTTP client and stores pointed at it (collection prefix "test").</summary>
internal sealed class FakeQdrant : IAsyncDisposable
{
    private readonly List<QdrantTranscriptStore> _stores = [];

    private FakeQdrant(FakeQdrantServer server) => Server = server;

    public FakeQdrantServer Server { get; }

    public HttpClient Http { get; } = new();

    public static async Task<FakeQdrant> StartAsync(string? requiredApiKey = null) => new(await FakeQdrantServer.StartAsync(requiredApiKey));

    /// <summary>A store with small, fast settings: vector size 8, tiny retry delays.</summary>
    public QdrantTranscriptStore CreateStore(Action<QdrantOptions>? configure = null, ILogger<QdrantTranscriptStore>? logger = null)
    {
        var options = new QdrantOptions
        {
            Url = Server.Url,
            Collection = "test",
            VectorSize = Conformance.ConformanceCorpus.Dimensions,
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        var store = new QdrantTranscriptStore(Http, options, logger);
        _stores.Add(store);
        return store;
    }

    public IReadOnlyList<RecordedRequest> Requests(string? pathContains = null) =>
        Server.Requests.Where(r => pathContains is null || r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();

    public static JsonObject Json(RecordedRequest request) => JsonNode.Parse(request.Body)!.AsObject();

    public void AssertNoViolations() =>
        Assert.True(Server.Violations.Count == 0, "Violations of the Qdrant API description:\n" + string.Join("\n", Server.Violations));

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) store.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
