using ChatBot.Model;
using ChatBot.Storage.Sqlite;
using ChatBot.Tests.Shared;
using Microsoft.Data.Sqlite;
using static ChatBot.Storage.Tests.Conformance.ConformanceCorpus;

namespace ChatBot.Storage.Tests.Sqlite;

/// <summary>
/// Store corruption as a hostile tester makes it: the vector file's ids or vectors rewritten under an intact header,
/// the database emptied or removed under a filled store, pages of the database overwritten. Each ends in a correct
/// answer (the damaged cache rebuilt) or a clear error naming the file, never in wrong results or a silent restart.
/// </summary>
public sealed class StoreDamageTests : IDisposable
{
    private static readonly DenseIndexOptions s_options = new() { ApproximateFrom = 1, Lists = 2 };
    private readonly TempDirectory _folder = new();
    private readonly List<SqliteTranscriptStore> _stores = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => _folder.File("chatbot.db");

    [Theory]
    [InlineData("negative row ids")]
    [InlineData("swapped row ids")]
    [InlineData("flipped vector bytes")]
    public async Task Rewritten_contents_of_the_vector_file_are_caught_by_its_checksum_and_the_index_rebuilt(string damage)
    {
        var writer = await SeededAsync();
        await writer.PrepareSearchAsync(Ct);
        var expected = await HitsAsync(writer, Axis(4));
        var index = writer.LoadedIndex!;
        int count = index.Count, dims = index.Rows.Dimensions;
        var bytes = await File.ReadAllBytesAsync(writer.IndexPath, Ct);
        int vectors = bytes.Length - 4 - 32 - count * dims;
        int rowIds = vectors - 4 * count * 4 - count - 8 * count;
        switch (damage)
        {
            case "negative row ids":
                for (int i = 0; i < count; i++) BitConverter.TryWriteBytes(bytes.AsSpan(rowIds + 8 * i), -1L - i);
                break;
            case "swapped row ids":
                var first = bytes[rowIds..(rowIds + 8)];
                bytes.AsSpan(rowIds + 8, 8).CopyTo(bytes.AsSpan(rowIds));
                first.CopyTo(bytes.AsSpan(rowIds + 8));
                break;
            default:
                for (int i = 0; i < dims; i++) bytes[vectors + i] ^= 0x5A;
                break;
        }

        await File.WriteAllBytesAsync(writer.IndexPath, bytes, Ct);
        var reader = await OpenAsync();
        Assert.Equal(expected, await HitsAsync(reader, Axis(4)));
        Assert.Equal("database", reader.IndexSource);
        // The rebuilt file is good again: the next process reads it.
        var next = await OpenAsync();
        Assert.Equal(expected, await HitsAsync(next, Axis(4)));
        Assert.Equal("file", next.IndexSource);
    }

    [Theory]
    [InlineData("emptied")]
    [InlineData("deleted")]
    public async Task A_database_emptied_or_deleted_under_a_filled_store_is_an_error_not_a_new_store(string how)
    {
        var writer = await SeededAsync();
        await writer.PrepareSearchAsync(Ct);
        Dispose(writer);
        if (how == "emptied") await File.WriteAllBytesAsync(DatabasePath, [], Ct);
        else File.Delete(DatabasePath);

        var reader = Track(new SqliteTranscriptStore(DatabasePath, null, s_options));
        var error = await Assert.ThrowsAsync<StoreException>(() => reader.InitializeAsync(Ct));
        Assert.Contains(DatabasePath, error.Message);
        Assert.Contains(how == "emptied" ? "empty (0 bytes)" : "missing", error.Message);
        // Nothing was created in its place, and the vector file is untouched.
        Assert.Equal(how == "emptied" ? 0 : -1, File.Exists(DatabasePath) ? new FileInfo(DatabasePath).Length : -1);
        Assert.True(File.Exists(reader.IndexPath));
    }

    [Fact]
    public async Task A_fresh_folder_still_makes_a_new_store()
    {
        var store = await OpenAsync();
        Assert.Equal(0, (await store.GetStatisticsAsync(Ct)).Documents);
        Assert.True(File.Exists(store.MarkerPath));
    }

    [Fact]
    public async Task Page_damage_is_reported_with_the_file_and_quick_check_in_one_line()
    {
        var writer = await SeededAsync();
        Dispose(writer);
        // Overwrite every page but the first (the header) in the middle with noise, as a bad disk or a stray write would.
        var bytes = await File.ReadAllBytesAsync(DatabasePath, Ct);
        int pageSize = (bytes[16] << 8) | bytes[17];
        var random = new Random(13);
        for (int page = 1; page < bytes.Length / pageSize; page++)
            for (int i = 100; i < 600 && page * pageSize + i < bytes.Length; i++) bytes[page * pageSize + i] = (byte)random.Next(256);
        await File.WriteAllBytesAsync(DatabasePath, bytes, Ct);

        var reader = Track(new SqliteTranscriptStore(DatabasePath, null, s_options));
        var error = await Assert.ThrowsAsync<StoreException>(async () =>
        {
            await reader.InitializeAsync(Ct);
            await reader.ListDocumentsAsync(Ct);
            foreach (var d in All) await reader.GetDocumentAsync(d.Document.Id, Ct);
            await reader.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Vector = Axis(1), Limit = 5 }, Ct);
        });
        Assert.Contains(DatabasePath, error.Message);
        Assert.Contains("PRAGMA quick_check", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
        _folder.Dispose();
    }

    private static void Dispose(SqliteTranscriptStore store)
    {
        store.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private async Task<SqliteTranscriptStore> SeededAsync()
    {
        var store = await OpenAsync();
        foreach (var d in All) await store.UpsertDocumentAsync(d.Document, d.Chunks, "sig", Ct);
        return store;
    }

    private async Task<SqliteTranscriptStore> OpenAsync()
    {
        var store = Track(new SqliteTranscriptStore(DatabasePath, null, s_options));
        await store.InitializeAsync(Ct);
        return store;
    }

    private SqliteTranscriptStore Track(SqliteTranscriptStore store)
    {
        _stores.Add(store);
        return store;
    }

    private static async Task<List<(Guid Id, double? Similarity)>> HitsAsync(ITranscriptStore store, float[] vector) =>
        (await store.SearchAsync(new ChunkSearchRequest { Vector = vector, Filter = new ChunkFilter { Roles = [SpeakerRole.Principal] }, Limit = 5 }, Ct))
        .Select(h => (h.Chunk.Id, h.VectorSimilarity)).ToList();
}
