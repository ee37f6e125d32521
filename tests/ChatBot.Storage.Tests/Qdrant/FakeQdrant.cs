using ChatBot.Storage.Qdrant;
using ChatBot.Storage.Tests.Fake;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Tests.Qdrant;

/// <summary>A started <see cref="FakeQdrantServer"/> and stores pointed at it (collection prefix "test").</summary>
internal sealed class FakeQdrant : IAsyncDisposable
{
    public const string Query = "/qdrant.Points/Query";
    public const string QueryBatch = "/qdrant.Points/QueryBatch";
    public const string Upsert = "/qdrant.Points/Upsert";
    public const string Delete = "/qdrant.Points/Delete";
    public const string Exists = "/qdrant.Collections/CollectionExists";

    private readonly List<QdrantTranscriptStore> _stores = [];

    private FakeQdrant(FakeQdrantServer server) => Server = server;

    public FakeQdrantServer Server { get; }

    public static async Task<FakeQdrant> StartAsync(string? requiredApiKey = null) => new(await FakeQdrantServer.StartAsync(requiredApiKey));

    /// <summary>A store with small, fast settings: the conformance vector size, tiny retry delays.</summary>
    public QdrantTranscriptStore CreateStore(Action<QdrantOptions>? configure = null, ILoggerFactory? loggerFactory = null)
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
        var store = new QdrantTranscriptStore(options, loggerFactory);
        _stores.Add(store);
        return store;
    }

    /// <summary>The calls of one gRPC method, decoded.</summary>
    public List<T> Requests<T>(string method) where T : IMessage =>
        Server.Requests.Where(r => r.Method == method).Select(r => r.As<T>()).ToList();

    public int Count(string method) => Server.Requests.Count(r => r.Method == method);

    public void AssertNoViolations() =>
        Assert.True(Server.Violations.Count == 0, "Requests the fake Qdrant refused:\n" + string.Join("\n", Server.Violations));

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) store.Dispose();
        await Server.DisposeAsync();
    }
}
