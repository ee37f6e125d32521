using System.Numerics.Tensors;
using ChatBot.Model;
using ChatBot.Text;
using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.Sqlite;

/// <summary>
/// An in-memory copy of the store's vectors (as signed bytes, see <see cref="Int8Vectors"/>) with the columns filters
/// need, scanned in full: every vector that passes the filter is scored by dot product (vectors are unit length, so
/// this ranks by cosine similarity). Immutable once loaded; a new generation of the file loads a new index.
/// </summary>
internal sealed class DenseIndex
{
    private const int ParallelThreshold = 20_000;

    private readonly long[] _rowIds;
    private readonly sbyte[] _vectors;
    private readonly byte[] _roles;
    private readonly int[] _speakers;
    private readonly int[] _documents;
    private readonly int[] _dateFrom;
    private readonly int[] _dateTo;
    private readonly Dictionary<string, int> _speakerIds;
    private readonly Dictionary<string, int> _documentIds;

    private DenseIndex(long generation, int dimensions, long[] rowIds, sbyte[] vectors, byte[] roles, int[] speakers,
        int[] documents, int[] dateFrom, int[] dateTo, Dictionary<string, int> speakerIds, Dictionary<string, int> documentIds)
    {
        Generation = generation;
        Dimensions = dimensions;
        _rowIds = rowIds;
        _vectors = vectors;
        _roles = roles;
        _speakers = speakers;
        _documents = documents;
        _dateFrom = dateFrom;
        _dateTo = dateTo;
        _speakerIds = speakerIds;
        _documentIds = documentIds;
    }

    public long Generation { get; }

    public int Dimensions { get; }

    public int Count => _rowIds.Length;

    /// <summary>
    /// Reads every stored vector into one contiguous array sized up front (no list growth, no second copy), with
    /// the columns the filters need.
    /// </summary>
    public static async Task<DenseIndex> LoadAsync(SqliteConnection connection, long generation, CancellationToken ct)
    {
        int capacity, dimensions;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*), MAX(length(vector)) FROM chunks WHERE vector IS NOT NULL";
            await using var r = await count.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            capacity = r.GetInt32(0);
            dimensions = r.IsDBNull(1) ? 0 : r.GetInt32(1);
        }

        var rowIds = new long[capacity];
        var vectors = new sbyte[(long)capacity * dimensions];
        var roles = new byte[capacity];
        var speakers = new int[capacity];
        var documents = new int[capacity];
        var dateFrom = new int[capacity];
        var dateTo = new int[capacity];
        var speakerIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentIds = new Dictionary<string, int>(StringComparer.Ordinal);
        int n = 0;

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT rowid, role, speaker, document_id, date_from, date_to, vector FROM chunks WHERE vector IS NOT NULL";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (n < capacity && await reader.ReadAsync(ct))
        {
            var blob = (byte[])reader.GetValue(6);
            if (blob.Length != dimensions) continue;
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(blob.AsSpan()).CopyTo(vectors.AsSpan(n * dimensions, dimensions));
            rowIds[n] = reader.GetInt64(0);
            roles[n] = (byte)SqliteTranscriptStore.ParseRole(reader.GetString(1));
            speakers[n] = Intern(speakerIds, reader.GetString(2));
            documents[n] = Intern(documentIds, reader.GetString(3));
            dateFrom[n] = reader.IsDBNull(4) ? int.MaxValue : reader.GetInt32(4); // undated: never inside a date range
            dateTo[n] = reader.IsDBNull(5) ? int.MinValue : reader.GetInt32(5);
            n++;
        }

        if (n < capacity)
        {
            Array.Resize(ref rowIds, n);
            Array.Resize(ref vectors, n * dimensions);
            Array.Resize(ref roles, n);
            Array.Resize(ref speakers, n);
            Array.Resize(ref documents, n);
            Array.Resize(ref dateFrom, n);
            Array.Resize(ref dateTo, n);
        }

        return new DenseIndex(generation, dimensions, rowIds, vectors, roles, speakers, documents, dateFrom, dateTo, speakerIds, documentIds);
    }

    /// <summary>Row ids of the best <paramref name="limit"/> vectors passing <paramref name="filter"/>, best first.</summary>
    public List<long> Search(ReadOnlySpan<float> query, ChunkFilter filter, int limit)
    {
        if (Count == 0 || limit <= 0) return [];
        if (query.Length != Dimensions)
            throw new StoreException($"The query vector has {query.Length} dimensions; the store holds {Dimensions}-dimensional vectors.");
        var predicate = Compile(filter);
        var q = Int8Vectors.Widen(query);
        if (Count < ParallelThreshold) return TopK(q, predicate, 0, Count, limit).OrderByDescending(x => x.Score).Select(x => _rowIds[x.Index]).ToList();

        int parts = Math.Min(Environment.ProcessorCount, 8);
        var partials = new List<(int Index, float Score)>[parts];
        Parallel.For(0, parts, p =>
        {
            int from = (int)((long)Count * p / parts), to = (int)((long)Count * (p + 1) / parts);
            partials[p] = TopK(q, predicate, from, to, limit);
        });
        return partials.SelectMany(x => x).OrderByDescending(x => x.Score).Take(limit).Select(x => _rowIds[x.Index]).ToList();
    }

    private List<(int Index, float Score)> TopK(short[] query, Func<int, bool>? predicate, int from, int to, int limit)
    {
        var heap = new PriorityQueue<int, float>(limit + 1);
        int d = Dimensions;
        for (int i = from; i < to; i++)
        {
            if (predicate is not null && !predicate(i)) continue;
            float score = Int8Vectors.Dot(new ReadOnlySpan<sbyte>(_vectors, i * d, d), query);
            if (heap.Count < limit) heap.Enqueue(i, score);
            else if (heap.TryPeek(out _, out var worst) && score > worst) heap.DequeueEnqueue(i, score);
        }

        var result = new List<(int, float)>(heap.Count);
        while (heap.TryDequeue(out var index, out var score)) result.Add((index, score));
        return result;
    }

    private Func<int, bool>? Compile(ChunkFilter filter)
    {
        var checks = new List<Func<int, bool>>();
        if (filter.Roles is { } roles)
        {
            var allowed = new bool[3];
            foreach (var r in roles) allowed[(int)r] = true;
            checks.Add(i => allowed[_roles[i]]);
        }

        if (filter.Speakers is { } speakers)
        {
            var ids = speakers.Select(s => _speakerIds.GetValueOrDefault(s, -1)).Where(x => x >= 0).ToHashSet();
            checks.Add(i => ids.Contains(_speakers[i]));
        }

        if (filter.DocumentIds is { } documents)
        {
            var ids = documents.Select(s => _documentIds.GetValueOrDefault(s, -1)).Where(x => x >= 0).ToHashSet();
            checks.Add(i => ids.Contains(_documents[i]));
        }

        if (SqliteTranscriptStore.DateKey(filter.From) is int from) checks.Add(i => _dateTo[i] >= from);
        if (SqliteTranscriptStore.DateKey(filter.To) is int to) checks.Add(i => _dateFrom[i] <= to);
        return checks.Count switch
        {
            0 => null,
            1 => checks[0],
            _ => i => checks.TrueForAll(c => c(i)),
        };
    }

    private static int Intern(Dictionary<string, int> ids, string value)
    {
        if (!ids.TryGetValue(value, out int id)) ids[value] = id = ids.Count;
        return id;
    }
}
