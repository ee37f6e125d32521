using System.Diagnostics;
using System.Text.Json;
using ChatBot.Tests.Infrastructure;
using ChatBot.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ChatBot.Tests;

/// <summary>The command line as a user runs it: the built executable in a child process.</summary>
public sealed class CliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IngestPrintsASummaryAndSearchJsonHasTheApiShape()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var ingest = await CliRunner.RunAsync(temp.Path, "ingest", RepoPaths.Samples, "--data", data);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("written: 2 documents", ingest.Stdout);

        var search = await CliRunner.RunAsync(temp.Path, "search", "What did Lavrov say about North Korea?", "--json", "--limit", "2", "--data", data);
        Assert.Equal(0, search.ExitCode);
        var json = JsonDocument.Parse(search.Stdout).RootElement;
        Assert.Equal("What did Lavrov say about North Korea?", json.GetProperty("query").GetString());
        var first = json.GetProperty("results")[0];
        Assert.Contains("North Korea", first.GetProperty("quote").GetString());
        Assert.Equal("Sergey Lavrov", first.GetProperty("speaker").GetString());
        Assert.EndsWith("000_d38afe4695054730.txt", first.GetProperty("document").GetProperty("source").GetString());
    }

    [Fact]
    public async Task FirstSearchOnAnEmptyStoreIngestsTheSamples()
    {
        using var temp = new TempDirectory();
        var search = await CliRunner.RunAsync(temp.Path, "search", "fair trade", "--data", Path.Combine(temp.Path, "fresh"));
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("fair trade", search.Stdout);
        Assert.Contains("Sergey Lavrov", search.Stdout);
    }

    [Fact]
    public async Task CorruptStoreFileGivesAClearErrorAndNoStackTrace()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "chatbot.db"), new string('#', 8192));
        var search = await CliRunner.RunAsync(temp.Path, "search", "North Korea", "--data", data);
        Assert.Equal(3, search.ExitCode);
        Assert.Contains("not a usable ChatBot database", search.Stderr);
        Assert.DoesNotContain("   at ", search.Stderr);
    }

    [Fact]
    public async Task EmptyQueryIsRefusedWithAReason()
    {
        using var temp = new TempDirectory();
        var search = await CliRunner.RunAsync(temp.Path, "search", " ", "--data", Path.Combine(temp.Path, "data"));
        Assert.Equal(2, search.ExitCode);
        Assert.Contains("The query is empty", search.Stderr);
    }

    [Fact]
    public async Task IngestKilledMidwayResumesWithoutLossOrDuplicates()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(RepoPaths.Corpus, "ungdc", "2017");
        var data = Path.Combine(temp.Path, "data");
        var database = Path.Combine(data, "chatbot.db");

        // Start an ingest of a whole year (196 speeches) and kill it, hard, once some documents are committed.
        using (var process = Process.Start(CliRunner.StartInfo(temp.Path, null, "ingest", corpus, "--data", data))!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!process.HasExited && DateTime.UtcNow < deadline && await CountDocumentsAsync(database) < 10) await Task.Delay(20, Ct);
            Assert.False(process.HasExited, "the ingest finished before it could be interrupted");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }

        int afterCrash = await CountDocumentsAsync(database);
        Assert.InRange(afterCrash, 10, 195);

        var resumed = await CliRunner.RunAsync(temp.Path, "ingest", corpus, "--data", data);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"unchanged: {afterCrash}", resumed.Stdout);

        // The same corpus ingested in one go gives the same documents and chunks.
        var clean = Path.Combine(temp.Path, "clean");
        Assert.Equal(0, (await CliRunner.RunAsync(temp.Path, "ingest", corpus, "--data", clean)).ExitCode);
        var (cleanDocuments, cleanChunks) = await CountsAsync(Path.Combine(clean, "chatbot.db"));
        var (documents, chunks) = await CountsAsync(database);
        Assert.Equal(cleanDocuments, documents);
        Assert.Equal(cleanChunks, chunks);
        await IngestionTests.AssertNoDuplicateChunksAsync(database, chunks);
    }

    private static async Task<int> CountDocumentsAsync(string database)
    {
        if (!File.Exists(database)) return 0;
        try
        {
            return (await CountsAsync(database)).Documents;
        }
        catch (SqliteException)
        {
            return 0; // schema not created yet
        }
    }

    private static async Task<(int Documents, int Chunks)> CountsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM chunks)";
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }
}
