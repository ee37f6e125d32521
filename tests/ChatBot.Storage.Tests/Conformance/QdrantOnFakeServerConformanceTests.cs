using ChatBot.Storage.Qdrant;
using ChatBot.Storage.Tests.Fake;

namespace ChatBot.Storage.Tests.Conformance;

/// <summary>
/// The conformance suite on the Qdrant store talking gRPC to the loopback <see cref="FakeQdrantServer"/>, whose
/// services are generated from Qdrant's own protos. This exercises the store's own logic (payloads, filters, version
/// replacement, paging, mapping) with every request decoded by Qdrant's message definitions and checked for what they
/// cannot express; the ranking comes from the fake's exact scan, not from Qdrant, so it is no evidence about the real
/// server's ranking (<see cref="QdrantTranscriptStoreConformanceTests"/> is).
/// </summary>
public sealed class QdrantOnFakeServerConformanceTests : TranscriptStoreConformanceTests
{
    private readonly List<QdrantTranscriptStore> _stores = [];
    private FakeQdrantServer? _server;

    protected override async Task<ITranscriptStore> CreateStoreAsync()
    {
        _server ??= await FakeQdrantServer.StartAsync();
        var store = new QdrantTranscriptStore(new QdrantOptions
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
        if (_server is not null)
        {
            var violations = _server.Violations;
            await _server.DisposeAsync();
            Assert.True(violations.Count == 0, "Requests the fake Qdrant refused:\n" + string.Join("\n", violations));
        }

        await base.DisposeAsync();
    }
}
