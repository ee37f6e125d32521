using ChatBot.Storage.Sqlite;
using ChatBot.Tests.Shared;

namespace ChatBot.Storage.Tests.Conformance;

/// <summary>The conformance suite on the embedded store: a real SQLite file in a temporary folder per test.</summary>
public class SqliteTranscriptStoreConformanceTests : TranscriptStoreConformanceTests
{
    private readonly TempDirectory _folder = new();
    private readonly List<SqliteTranscriptStore> _stores = [];

    /// <summary>How the store's vector index searches (null: the defaults, an exact scan at these sizes).</summary>
    private protected virtual DenseIndexOptions? IndexOptions => null;

    protected override async Task<ITranscriptStore> CreateStoreAsync()
    {
        var store = new SqliteTranscriptStore(_folder.File($"store-{_stores.Count}.db"), null, IndexOptions);
        _stores.Add(store);
        await store.InitializeAsync(Ct);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) store.Dispose();
        _folder.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// The conformance suite on the embedded store with its vector index clustered from the first vector (two clusters,
/// one probed first): the filters, the replacement of documents and the fusion hold on the approximate path too.
/// </summary>
public sealed class ClusteredSqliteTranscriptStoreConformanceTests : SqliteTranscriptStoreConformanceTests
{
    private protected override DenseIndexOptions IndexOptions => new() { ApproximateFrom = 1, Lists = 2, Probes = 1, ExactSubsetUpTo = 0 };
}
