using ChatBot.Model;
using ChatBot.Storage;
using ChatBot.Storage.Sqlite;
using ChatBot.Tests.Infrastructure;
using ChatBot.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ChatBot.Tests;

public sealed class IngestionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedsAndLavrovSpeechesAreStoredWithTheirChunks()
    {
        using var services = new TestServices();
        var summary = await services.IngestAsync([RepoPaths.Samples, .. TestServices.LavrovUnSpeeches()]);
        Assert.Equal(19, summary.DocumentsWritten);
        Assert.Empty(summary.Skipped);
        var stats = await services.Store.GetStatisticsAsync(Ct);
        Assert.Equal(19, stats.Documents);
        Assert.Equal(summary.ChunksWritten, stats.Chunks);
        Assert.Equal(new DateOnly(2004, 1, 1), stats.From);
        Assert.Equal(new DateOnly(2024, 12, 31), stats.To);
        var speakers = await services.Store.ListSpeakersAsync(Ct);
        Assert.Contains(speakers, s => s.Name == "Sergey Lavrov" && s.Role == SpeakerRole.Principal);
        Assert.Contains(speakers, s => s.Name == "Question" && s.Role == SpeakerRole.Question);

        // The ingest left the search index ready: the next process reads it instead of rebuilding it.
        Assert.True(File.Exists(services.Store.IndexPath));
    }

    [Fact]
    public async Task ReingestingUnchangedFilesWritesNothing()
    {
        using var services = new TestServices();
        var first = await services.IngestAsync(RepoPaths.Samples);
        var before = await services.Store.GetStatisticsAsync(Ct);
        var second = await services.IngestAsync(RepoPaths.Samples);
        Assert.Equal(2, first.DocumentsWritten);
        Assert.Equal(0, second.DocumentsWritten);
        Assert.Equal(2, second.DocumentsUnchanged);
        Assert.Equal(before, await services.Store.GetStatisticsAsync(Ct) with { SizeBytes = before.SizeBytes });
    }

    [Fact]
    public async Task ChangedFileReplacesItsDocumentAndLeavesNoOldChunk()
    {
        using var services = new TestServices();
        var path = services.Temp.Write("lima.txt", File.ReadAllText(Path.Combine(RepoPaths.Samples, "002_dd31507d0c29c18a.txt")));
        await services.IngestAsync(path);
        var original = await services.Search.SearchAsync(new() { Query = "inventing new terms and sticking labels" }, Ct);
        Assert.NotEmpty(original.Results);

        File.WriteAllText(path, File.ReadAllText(path).Replace("sticking labels", "pinning tags", StringComparison.Ordinal));
        var summary = await services.IngestAsync(path);
        Assert.Equal(1, summary.DocumentsWritten);
        var stats = await services.Store.GetStatisticsAsync(Ct);
        Assert.Equal(1, stats.Documents);
        Assert.Equal(summary.ChunksWritten, stats.Chunks);
        var after = await services.Search.SearchAsync(new() { Query = "pinning tags" }, Ct);
        Assert.Contains("pinning tags", after.Results[0].Text);
        var old = await services.Search.SearchAsync(new() { Query = "sticking labels" }, Ct);
        Assert.DoesNotContain(old.Results, r => r.Text.Contains("sticking labels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadFilesAreReportedWithTheirReasonAndTheRestIsIngested()
    {
        using var services = new TestServices();
        var folder = Path.Combine(services.Folder, "mixed");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepoPaths.Samples, "000_d38afe4695054730.txt"), Path.Combine(folder, "good.txt"));
        File.WriteAllText(Path.Combine(folder, "empty.txt"), "");
        File.WriteAllBytes(Path.Combine(folder, "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]);
        File.WriteAllText(Path.Combine(folder, "notes.md"), "# Notes\n\nNothing to see.\n");
        File.WriteAllText(Path.Combine(folder, "broken.md"), "---\ntitle: \"x\"\n\nMS. PSAKI:  Hello.\n");

        var summary = await services.IngestAsync(folder, Path.Combine(folder, "missing.txt"));

        Assert.Equal(1, summary.DocumentsWritten);
        var reasons = summary.Skipped.ToDictionary(s => Path.GetFileName(s.Path), s => s.ToString());
        Assert.Equal(5, reasons.Count);
        Assert.Contains("empty", reasons["empty.txt"]);
        Assert.Contains("binary", reasons["binary.txt"]);
        Assert.Contains("not a recognised transcript", reasons["notes.md"]);
        Assert.Contains("broken.md:1: the front matter opened at line 1 is never closed", reasons["broken.md"]);
        Assert.Contains("no such file or folder", reasons["missing.txt"]);
    }

    [Fact]
    public async Task MissingDataDirectoryIsCreated()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "does", "not", "exist", "chatbot.db");
        using var store = new SqliteTranscriptStore(path);
        await store.InitializeAsync(Ct);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task CorruptStoreFileIsAClearErrorNotAStackTrace()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("chatbot.db", "this is not a database, just text that happens to sit where the store should be " + new string('x', 5000));
        using var store = new SqliteTranscriptStore(path);
        var e = await Assert.ThrowsAsync<StoreException>(() => store.InitializeAsync(Ct));
        Assert.Contains(path, e.Message);
        Assert.Contains("not a usable ChatBot database", e.Message);
        Assert.Contains("delete it", e.Message);
    }

    [Fact]
    public async Task FailureWhileEmbeddingABatchLosesNoStoredDocumentAndARerunCompletes()
    {
        using var services = new TestServices();
        var files = TestServices.LavrovUnSpeeches();
        await services.IngestAsync(files.Take(3).ToArray());
        var failing = new ChatBot.Ingestion.IngestionPipeline(ChatBot.Parsing.TranscriptReader.CreateDefault(), new ChatBot.Chunking.TurnChunker(new()), services.Store,
            new FailingEmbedder());
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.IngestAsync(files, cancellationToken: Ct));
        Assert.Equal(3, (await services.Store.GetStatisticsAsync(Ct)).Documents);

        var summary = await services.IngestAsync([.. files]);
        var stats = await services.Store.GetStatisticsAsync(Ct);
        Assert.Equal(files.Count, stats.Documents);
        Assert.Equal(3, summary.DocumentsUnchanged);
        await AssertNoDuplicateChunksAsync(services.Store.DatabasePath, stats.Chunks);
    }

    internal static async Task AssertNoDuplicateChunksAsync(string databasePath, int expectedChunks)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT COUNT(*) FROM chunks),
                   (SELECT COUNT(*) FROM (SELECT DISTINCT document_id, ordinal FROM chunks)),
                   (SELECT SUM(chunk_count) FROM documents),
                   (SELECT COUNT(*) FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.document_id AND d.version = c.version)),
                   (SELECT COUNT(*) FROM chunks_fts)
            """;
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        Assert.Equal(expectedChunks, reader.GetInt32(0));
        Assert.Equal(expectedChunks, reader.GetInt32(1));
        Assert.Equal(expectedChunks, reader.GetInt32(2));
        Assert.Equal(0, reader.GetInt32(3));
        Assert.Equal(expectedChunks, reader.GetInt32(4));
    }

    /// <summary>An embedder that fails like a provider outage.</summary>
    private sealed class FailingEmbedder : Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>
    {
        public Task<Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("embedding service unavailable");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
