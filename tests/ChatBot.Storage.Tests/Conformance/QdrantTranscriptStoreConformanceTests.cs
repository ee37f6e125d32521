extern alias QdrantClientLib;
using ChatBot.Storage.Qdrant;

namespace ChatBot.Storage.Tests.Conformance;

/// <summary>
/// The conformance suite on a real Qdrant server, when the environment variable <c>QDRANT_URL</c> names its gRPC
/// address (e.g. <c>http://localhost:6334</c>; <c>QDRANT_API_KEY</c> optional). Each store gets collections with a
/// unique prefix, deleted afterwards. Without <c>QDRANT_URL</c> every test is skipped with the reason.
/// </summary>
public sealed class QdrantTranscriptStoreConformanceTests : TranscriptStoreConformanceTests
{
    private readonly string _prefix = "chatbot_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<QdrantTranscriptStore> _stores = [];

    protected override async Task<ITranscriptStore> CreateStoreAsync()
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(url), "QDRANT_URL not set: set it to a Qdrant gRPC address such as http://localhost:6334 (and QDRANT_API_KEY if the server needs one) to run the conformance suite against a real Qdrant server.");
        var apiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY");
        var store = new QdrantTranscriptStore(new QdrantOptions
        {
            Url = url!,
            ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey,
            Collection = $"{_prefix}_{_stores.Count}",
            VectorSize = ConformanceCorpus.Dimensions,
            BatchSize = 4,
        });
        _stores.Add(store);
        await store.InitializeAsync(Ct);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            foreach (var collection in new[] { store.Options.ChunksCollection, store.Options.DocumentsCollection })
            {
                try
                {
                    await store.Connection.CallAsync($"delete collection {collection}", (client, ct) => client.DeleteCollectionAsync(collection, cancellationToken: ct), CancellationToken.None);
                }
                catch (StoreException e)
                {
                    TestContext.Current.SendDiagnosticMessage($"Could not delete test collection {collection}: {e.Message}");
                }
            }

            store.Dispose();
        }

        await base.DisposeAsync();
    }
}
