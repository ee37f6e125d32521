using ChatBot.Model;
using ChatBot.Storage.Sqlite;
using ChatBot.Tests.Shared;
using static ChatBot.Storage.Tests.Conformance.ConformanceCorpus;

namespace ChatBot.Storage.Tests.Sqlite;

/// <summary>
/// The vector index file beside the database (<c>chatbot.vectors</c>): written when the store prepares for search,
/// read by the next process instead of rebuilding, and never trusted when it is stale, damaged or another store's.
/// Real SQLite files in a temporary folder; the index clusters from the first vector so the file holds clusters.
/// </summary>
public sealed class VectorIndexFileTests : IDisposable
{
    private static readonly DenseIndexOptions s_options = new() { ApproximateFrom = 1, Lists = 2 };
    private readonly TempDirectory _folder = new();
    private readonly List<SqliteTranscriptStore> _stores = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => _folder.File("chatbot.db");

    [Fact]
    public async Task A_new_process_reads_the_index_file_written_after_ingest_and_ranks_the_same()
    {
        var writer = await SeededAsync();
        await writer.PrepareSearchAsync(Ct);
        Assert.True(File.Exists(writer.IndexPath));
        Assert.Equal(_folder.File("chatbot.vectors"), writer.IndexPath);
        var before = await VectorIdsAsync(writer, Axis(1));

        var reader = await OpenAsync();
        var after = await VectorIdsAsync(reader, Axis(1));
        Assert.Equal("file", reader.IndexSource);
        Assert.Equal(before, after);
        Assert.Equal(DaNang[3].Id, after[0]);
        Assert.Equal(2, reader.LoadedIndex!.ListStarts.Length - 1);
    }

    [Fact]
    public async Task A_write_after_the_file_makes_it_stale_and_the_new_chunks_are_found()
    {
        var writer = await SeededAsync();
        await writer.PrepareSearchAsync(Ct);
        await writer.UpsertDocumentAsync(DaNangV2.Document, DaNangV2.Chunks, "sig", Ct); // Vietnam now answered by v2's chunk

        var reader = await OpenAsync();
        var found = await VectorIdsAsync(reader, Axis(1));
        Assert.Equal("database", reader.IndexSource);
        Assert.Equal(DaNangV2[1].Id, found[0]);
        Assert.DoesNotContain(DaNang[3].Id, found);

        // The rebuilt index was written back: the next process reads it.
        var next = await OpenAsync();
        Assert.Equal(found, await VectorIdsAsync(next, Axis(1)));
        Assert.Equal("file", next.IndexSource);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public async Task A_damaged_file_is_ignored_rebuilt_and_replaced(string damage)
    {
        var writer = await SeededAsync();
        await writer.PrepareSearchAsync(Ct);
        var expected = await VectorIdsAsync(writer, Axis(4));
        var bytes = await File.ReadAllBytesAsync(writer.IndexPath, Ct);
        await File.WriteAllBytesAsync(writer.IndexPath, damage switch
        {
            "truncated" => bytes[..(bytes.Length - 100)],
            "garbage" => [.. bytes[..8], .. Enumerable.Repeat((byte)0xFF, bytes.Length - 8)],
            _ => [],
        }, Ct);

        var reader = await OpenAsync();
        Assert.Equal(expected, await VectorIdsAsync(reader, Axis(4)));
        Assert.Equal("database", reader.IndexSource);
        Assert.Equal(bytes.Length, new FileInfo(writer.IndexPath).Length);
    }

    [Theory]
    [InlineData("cluster lists out of order")]
    [InlineData("unknown role")]
    public async Task A_well_formed_file_with_inconsistent_contents_is_ignored_and_rebuilt(string damage)
    {
        var writer = await SeededAsync();
        await writer.PrepareSearchAsync(Ct);
        var expected = await VectorIdsAsync(writer, Axis(4));
        var index = writer.LoadedIndex!;
        int count = index.Count, dims = index.Rows.Dimensions, lists = index.ListStarts.Length;
        var bytes = await File.ReadAllBytesAsync(writer.IndexPath, Ct);

        // From the end: trailer, checksum, vectors, dates to and from, documents, speakers, roles, row ids, then the list starts.
        int roles = bytes.Length - 4 - 32 - count * dims - 4 * count * 4 - count;
        int listStarts = roles - 8 * count - 4 * lists;
        if (damage == "unknown role") bytes[roles] = 7;
        else BitConverter.TryWriteBytes(bytes.AsSpan(listStarts + 4), count + 1); // the first cluster ends past the last row
        await File.WriteAllBytesAsync(writer.IndexPath, bytes, Ct);

        var reader = await OpenAsync();
        Assert.Equal(expected, await VectorIdsAsync(reader, Axis(4)));
        Assert.Equal("database", reader.IndexSource);
    }

    [Fact]
    public async Task Another_stores_index_file_is_never_used()
    {
        // Another store, same documents, same generation count, but one document differs: its file must not be read as ours.
        var otherFolder = _folder.File("other");
        var other = Track(new SqliteTranscriptStore(Path.Combine(otherFolder, "chatbot.db"), null, s_options));
        await other.InitializeAsync(Ct);
        foreach (var d in All.Where(d => d != DaNang).Append(DaNangV2)) await other.UpsertDocumentAsync(d.Document, d.Chunks, "sig", Ct);
        await other.PrepareSearchAsync(Ct);

        var ours = await SeededAsync();
        File.Copy(other.IndexPath, ours.IndexPath, overwrite: true);
        var reader = await OpenAsync();
        var found = await VectorIdsAsync(reader, Axis(1));
        Assert.Equal("database", reader.IndexSource);
        Assert.Equal(DaNang[3].Id, found[0]);
    }

    [Fact]
    public async Task The_index_file_counts_in_the_store_size()
    {
        var store = await SeededAsync();
        long before = (await store.GetStatisticsAsync(Ct)).SizeBytes!.Value;
        await store.PrepareSearchAsync(Ct);
        Assert.Equal(before + new FileInfo(store.IndexPath).Length, (await store.GetStatisticsAsync(Ct)).SizeBytes);
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
        _folder.Dispose();
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

    private static async Task<List<Guid>> VectorIdsAsync(ITranscriptStore store, float[] vector) =>
        (await store.SearchAsync(new ChunkSearchRequest { Vector = vector, Filter = new ChunkFilter { Roles = [SpeakerRole.Principal] }, Limit = 5 }, Ct))
        .Select(h => h.Chunk.Id).ToList();
}
