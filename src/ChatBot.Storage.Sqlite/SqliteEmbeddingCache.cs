using System.Security.Cryptography;
using System.Text;
using ChatBot.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace ChatBot.Storage.Sqlite;

/// <summary>
/// A persistent embedding cache in its own SQLite file: vectors (as 16-bit floats, precise to about 1e-3) keyed on a
/// hash of the model id, its dimensions and the exact text, so re-ingesting a changed transcript only embeds the passages that changed. A batch is
/// looked up at once, only the misses go to the inner generator (in one call), and results come back in input
/// order. Only finished vectors are stored: a failure or cancellation caches nothing. Thread-safe.
/// </summary>
public sealed class SqliteEmbeddingCache : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private const int LookupBatch = 400;
    private readonly string _connectionString;
    private readonly string _modelKey;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _initialized;

    /// <summary>Wraps <paramref name="inner"/> with a cache stored at <paramref name="databasePath"/>.</summary>
    public SqliteEmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> inner, string databasePath) : base(inner)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
        var meta = inner.GetService<EmbeddingGeneratorMetadata>();
        _modelKey = $"{meta?.ProviderName}/{meta?.DefaultModelId ?? inner.GetType().FullName}/{meta?.DefaultModelDimensions}";
    }

    /// <summary>Lookups answered from the cache since creation.</summary>
    public int Hits => _hits;

    /// <summary>Texts sent to the inner generator since creation.</summary>
    public int Misses => _misses;

    private int _hits;
    private int _misses;

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        if (options is not null && (options.Dimensions is not null || options.ModelId is not null || options.AdditionalProperties is { Count: > 0 }))
            return await base.GenerateAsync(texts, options, cancellationToken); // a different model, size or input type (a query): not ours to cache

        await EnsureSchemaAsync(cancellationToken);
        var keys = texts.Select(Key).ToArray();
        var found = await LookupAsync(keys, cancellationToken);
        var missing = Enumerable.Range(0, texts.Count).Where(i => !found.ContainsKey(keys[i])).ToList();
        Interlocked.Add(ref _hits, texts.Count - missing.Count);
        Interlocked.Add(ref _misses, missing.Count);

        var fresh = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            var distinct = missing.Select(i => (Key: keys[i], Text: texts[i])).DistinctBy(x => x.Key).ToList();
            var generated = await base.GenerateAsync(distinct.Select(x => x.Text).ToList(), options, cancellationToken);
            for (int i = 0; i < distinct.Count; i++) fresh[distinct[i].Key] = generated[i].Vector.ToArray();
            await StoreAsync(fresh, cancellationToken);
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var key in keys) result.Add(new Embedding<float>(found.TryGetValue(key, out var v) ? v : fresh[key]) { ModelId = _modelKey });
        return result;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _writeLock.Dispose();
        base.Dispose(disposing);
    }

    private string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_modelKey + "\n" + text)).AsSpan(0, 16));

    private async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _initialized) == 1) return;
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS embeddings_f16(key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID;";
        await cmd.ExecuteNonQueryAsync(ct);
        Volatile.Write(ref _initialized, 1);
    }

    private async Task<Dictionary<string, float[]>> LookupAsync(string[] keys, CancellationToken ct)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(ct);
        foreach (var batch in keys.Distinct().Chunk(LookupBatch))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT key, vector FROM embeddings_f16 WHERE key IN ({string.Join(',', batch.Select((_, i) => "$k" + i))})";
            for (int i = 0; i < batch.Length; i++) cmd.Parameters.AddWithValue("$k" + i, batch[i]);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>((byte[])reader.GetValue(1));
                var vector = new float[halves.Length];
                for (int i = 0; i < halves.Length; i++) vector[i] = (float)halves[i];
                found[reader.GetString(0)] = vector;
            }
        }

        return found;
    }

    private async Task StoreAsync(Dictionary<string, float[]> vectors, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR REPLACE INTO embeddings_f16(key, vector) VALUES ($key, $vector)";
            var key = cmd.Parameters.Add("$key", SqliteType.Text);
            var vector = cmd.Parameters.Add("$vector", SqliteType.Blob);
            foreach (var (k, v) in vectors)
            {
                key.Value = k;
                var halves = new Half[v.Length];
                for (int i = 0; i < v.Length; i++) halves[i] = (Half)v[i];
                vector.Value = System.Runtime.InteropServices.MemoryMarshal.AsBytes(halves.AsSpan()).ToArray();
                await cmd.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
