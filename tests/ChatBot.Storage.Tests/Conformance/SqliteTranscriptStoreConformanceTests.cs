using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Tests.Conformance;

/// <summary>The conformance suite on the embedded store: a real SQLite file in a temporary folder per test.</summary>
public sealed class SqliteTranscriptStoreConformanceTests : TranscriptStoreConformanceTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatbot-conformance-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteTranscriptStore> _stores = [];

    protected override async Task<ITranscriptStore> CreateStoreAsync()
    {
        var store = new SqliteTranscriptStore(Path.Combine(_folder, $"store-{_stores.Count}.db"));
        _stores.Add(store);
        await store.InitializeAsync(Ct);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) store.Dispose();
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open somewhere: leave the temp folder behind
        }

        await base.DisposeAsync();
    }
}
