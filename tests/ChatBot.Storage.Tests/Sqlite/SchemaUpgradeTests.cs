using ChatBot.Model;
using ChatBot.Storage.Sqlite;
using ChatBot.Tests.Shared;
using Microsoft.Data.Sqlite;
using static ChatBot.Storage.Tests.Conformance.ConformanceCorpus;

namespace ChatBot.Storage.Tests.Sqlite;

/// <summary>A store written by an earlier build of the same schema version is brought up to date when opened.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_store_with_the_old_speaker_index_gets_the_covering_one_and_lists_the_same_speakers()
    {
        var path = _folder.File("chatbot.db");
        IReadOnlyList<SpeakerSummary> before;
        using (var store = new SqliteTranscriptStore(path))
        {
            await store.InitializeAsync(Ct);
            foreach (var d in All) await store.UpsertDocumentAsync(d.Document, d.Chunks, "sig", Ct);
            before = await store.ListSpeakersAsync(Ct);
        }

        // As an earlier build left it: a plain speaker index and no posts index.
        Execute(path, "DROP INDEX chunks_speaker_role; DROP INDEX chunks_speaker_post; CREATE INDEX chunks_speaker ON chunks(speaker)");
        Assert.Equal(["chunks_document", "chunks_speaker"], Indexes(path));

        using (var store = new SqliteTranscriptStore(path))
        {
            await store.InitializeAsync(Ct);
            Assert.Equal(before, await store.ListSpeakersAsync(Ct));
        }

        Assert.Equal(["chunks_document", "chunks_speaker_post", "chunks_speaker_role"], Indexes(path));
        Assert.Contains("COVERING INDEX chunks_speaker_role", Plan(path, "SELECT speaker, role, COUNT(*), COUNT(DISTINCT document_id) FROM chunks GROUP BY speaker, role"));
        Assert.Contains("COVERING INDEX chunks_speaker_post", Plan(path, "SELECT speaker, role, post, MIN(document_id) FROM chunks WHERE post IS NOT NULL AND post <> '' GROUP BY speaker, role, post"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static List<string> Indexes(string path) => Query(path, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'chunks' AND sql IS NOT NULL ORDER BY name", 0);

    private static string Plan(string path, string sql) => string.Join('\n', Query(path, "EXPLAIN QUERY PLAN " + sql, 3));

    private static List<string> Query(string path, string sql, int column)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(column));
        return rows;
    }
}
