using System.Numerics.Tensors;
using ChatBot.Model;
using ChatBot.Text;
using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.Sqlite;

/// <summary>
/// An in-memory copy of the store's vectors with the columns filters need, scanned exactly: every vector that
/// passes the filter is scored by dot product (vectors are unit length, so this is cosine similarity).
/// Immutable once loaded; a new generation of the file loads a new index.
/// </summary>
internal sealed class DenseIndex
{
    private const int ParallelThreshold = 20_000;

    private readonly long[] _rowIds;
    private readonly float[] _vectors;
    private readonly byte[] _roles;
    private readonly int[] _speakers;
    private readonly int[] _documents;
    private readonly int[] _dateFrom;
    private readonly int[] _dateTo;
    private readonly Dictionary<string, int> _speakerIds;
    private readonly Dictionary<string, int> _documentIds;

    private DenseIndex(long generation, int dimensions, List<long> rowIds, List<float> vectors, List<byte> roles, List<int> speakers,
        List<int> documents, List<int> dateFrom, List<int> dateTo, Dictionary<string, int> speakerIds, Dictionary<string, int> documentIds)
    {
        Generation = generation;
        Dimensions = dimensions;
        _rowIds = rowIds.ToArray();
        _vectors = vectors.ToArray();
        _roles = roles.ToArray();
        _speakers = speakers.ToArray();
        _documents = documents.ToArray();
        _dateFrom = dateFrom.ToArray();
        _dateTo = dateTo.ToArray();
        _speakerIds = speakerIds;
        _documentIds = documentIds;
    }

    public long Generation { get; }

    public int Dimensions { get; }

    public int Count => _rowIds.Length;

    public static async Task<DenseIndex> LoadAsync(SqliteConnection connection, long generation, CancellationToken ct)
    {
        var rowIds = new List<long>();
        var vectors = new List<float>();
        var roles = new List<byte>();
        var speakers = new List<int>();
        var documents = new List<int>();
        var dateFrom = new List<int>();
        var dateTo = new List<int>();
        var speakerIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentIds = new Dictionary<string, int>(StringComparer.Ordinal);
        int dimensions = 0;
        float[] buffer = [];

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT rowid, role, speaker, document_id, date_from, date_to, vector FROM chunks WHERE vector IS NOT NULL";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var blob = (byte[])reader.GetValue(6);
            if (dimensions == 0)
            {
                dimensions = blob.Length / sizeof(float);
                buffer = new float[dimensions];
            }

            if (blob.Length != dimensions * sizeof(float)) continue;
            VectorMath.FromBytes(blob, buffer);
            vectors.AddRange(buffer);
            rowIds.Add(reader.GetInt64(0));
            roles.Add((byte)SqliteTranscriptStore.ParseRole(reader.GetString(1)));
            speakers.Add(Intern(speakerIds, reader.GetString(2)));
            documents.Add(Intern(documentIds, reader.GetString(3)));
            dateFrom.Add(reader.IsDBNull(4) ? int.MaxValue : reader.GetInt32(4)); // undated: never inside a date range
            dateTo.Add(reader.IsDBNull(5) ? int.MinValue : reader.GetInt32(5));
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
        var q = query.ToArray();
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

    private List<(int Index, float Score)> TopK(float[] query, Func<int, bool>? predicate, int from, int to, int limit)
    {
        var heap = new PriorityQueue<int, float>(limit + 1);
        int d = Dimensions;
        for (int i = from; i < to; i++)
        {
            if (predicate is not null && !predicate(i)) continue;
            float score = TensorPrimitives.Dot(new ReadOnlySpan<float>(_vectors, i * d, d), query);
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
