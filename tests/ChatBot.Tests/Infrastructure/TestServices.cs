using ChatBot.Chunking;
using ChatBot.Ingestion;
using ChatBot.Parsing;
using ChatBot.Retrieval;
using ChatBot.Storage.Sqlite;
using ChatBot.Tests.Shared;

namespace ChatBot.Tests.Infrastructure;

/// <summary>Real components over a real SQLite file in a temp folder (keyword ranking; the encoder has its own tests).</summary>
public sealed class TestServices : IDisposable
{
    private readonly TempDirectory _temp = new();

    public TestServices()
    {
        Store = new SqliteTranscriptStore(Path.Combine(_temp.Path, "data", "chatbot.db"));
        Pipeline = new IngestionPipeline(TranscriptReader.CreateDefault(), new TurnChunker(new ChunkingOptions()), Store);
        Search = new SearchService(Store);
    }

    public string Folder => _temp.Path;

    public SqliteTranscriptStore Store { get; }

    public IngestionPipeline Pipeline { get; }

    public SearchService Search { get; }

    public TempDirectory Temp => _temp;

    public async Task<IngestionSummary> IngestAsync(params string[] paths)
    {
        var summary = await Pipeline.IngestAsync(paths, cancellationToken: TestContext.Current.CancellationToken);
        Search.InvalidateCaches();
        return summary;
    }

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }

    /// <summary>Lavrov's UN General Debate speeches (the speaker table says who spoke).</summary>
    public static List<string> LavrovUnSpeeches()
    {
        var table = ChatBot.Text.Csv.Read(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "ungdc", "speakers.csv")));
        return table.Skip(1).Select(r => r.Fields)
            .Where(f => f[2] == "RUS" && f[4].Contains("Lavrov", StringComparison.Ordinal))
            .Select(f => Path.Combine(RepoPaths.Corpus, "ungdc", f[0], $"RUS_{f[1]}_{f[0]}.txt"))
            .ToList();
    }
}

/// <summary>The Lavrov corpus (samples plus his UN speeches) ingested once for a test class.</summary>
public sealed class LavrovCorpusFixture : IAsyncLifetime
{
    public TestServices Services { get; } = new();

    public async ValueTask InitializeAsync() => await Services.IngestAsync([RepoPaths.Samples, .. TestServices.LavrovUnSpeeches()]);

    public ValueTask DisposeAsync()
    {
        Services.Dispose();
        return ValueTask.CompletedTask;
    }
}
