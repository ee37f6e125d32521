using ChatBot.Storage.Qdrant;
using ChatBot.Storage.Tests.Fake;

namespace ChatBot.Storage.Tests.Conformance;

/// <summary>
/// The conformance suite on the Qdrant store talking to the loopback <see cref="FakeQdrantServer"/>. This exercises the
/// store's own logic (payloads, filters, version replacement, paging, mapping) with every request validated against
/// the Qdrant API description; the ranking comes from the fake's emulation of Qdrant, not from Qdrant, so it is no
/// evidence about the real server's ranking (<see cref="QdrantTranscriptStoreConformanceTests"/> is).
/// </summary>
public sealed class QdrantOnFakeServerConformanceTests : TranscriptStoreConformanceTests
{
    private readonly List<QdrantTranscriptStore> _stores = [];
    private readonly List<HttpClient> _clients = [];
    private FakeQdrantServer? _server;

    protected override async Task<ITranscriptStore> CreateStoreAsync()
    {
        _server ??= await FakeQdrantServer.StartAsync();
        var client = new HttpClient();
        _clients.Add(client);
        var store = new QdrantTranscriptStore(client, new QdrantOptions
        {
            Url = _server.Url,
            Collection = "conformance" + _stores.Count,
            VectorSize = ConformanceCorpus.Dimensions,
            BatchSize = 3,
            MaxRetries = 0,
        });
        _stores.Add(store);
        await store.InitializeAsync(Ct);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) store.Dispose();
        foreach (var client in _clients) client.Dispose();
        if (_server is not null)
        {
            var violations = _server.Violations;
            await _server.DisposeAsync();
            Assert.True(violations.Count == 0, "Requests or answers violated the Qdrant API description:\n" + string.Join("\n", violations));
        }

        await base.DisposeAsync();
    }
}
