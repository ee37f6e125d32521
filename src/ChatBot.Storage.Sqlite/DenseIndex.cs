using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using ChatBot.Model;

namespace ChatBot.Storage.Sqlite;

/// <summary>How the in-memory vector index searches; the defaults suit stores from a few to a million chunks.</summary>
internal sealed record DenseIndexOptions
{
    /// <summary>Below this many vectors every search is an exact scan; from it, vectors are clustered (IVF).</summary>
    public int ApproximateFrom { get; init; } = 50_000;

    /// <summary>Clusters; by default the square root of the vector count.</summary>
    public int? Lists { get; init; }

    /// <summary>Clusters scanned at least, nearest centroid first (more are scanned while too few rows pass the filter).</summary>
    public int Probes { get; init; } = 40;

    /// <summary>A filter naming speakers or documents with at most this many rows is answered by an exact scan of those rows.</summary>
    public int ExactSubsetUpTo { get; init; } = 25_000;
}

/// <summary>The rows of a dense index in store order, as read from SQLite (before clustering).</summary>
internal sealed record DenseRows(int Dimensions, long[] RowIds, sbyte[] Vectors, byte[] Roles, int[] Speakers, int[] Documents,
    int[] DateFrom, int[] DateTo, string[] SpeakerNames, string[] DocumentNames);

/// <summary>
/// An in-memory copy of the store's vectors (as signed bytes, see <see cref="Int8Vectors"/>) with the columns filters
/// need. Small indexes are scanned in full: every vector that passes the filter is scored by dot product (vectors
/// are unit length, so this ranks by cosine similarity). From <see cref="DenseIndexOptions.ApproximateFrom"/>
/// vectors the rows are grouped into clusters around k-means centroids (an inverted file, IVF) and a search scans
/// only the clusters nearest the query. A filter on speakers or documents that leaves few rows is answered exactly
/// from per-speaker and per-document row lists. Immutable once built; a new generation of the file builds a new one.
/// </summary>
internal sealed class DenseIndex
{
    private const int ParallelThreshold = 20_000;
    private const int TrainingRowsPerList = 64;
    private const int TrainingIterations = 10;

    private readonly DenseRows _rows;
    private readonly DenseIndexOptions _options;
    private readonly Dictionary<string, int> _speakerIds;
    private readonly Dictionary<string, int> _documentIds;
    private readonly int[][] _bySpeaker;
    private readonly int[][] _byDocument;

    /// <summary>Wraps rows already in final order (clustered by <paramref name="listStarts"/> when centroids are given).</summary>
    internal DenseIndex(string storeId, long generation, DenseRows rows, float[]? centroids, int[] listStarts, int trainedCount, DenseIndexOptions options)
    {
        StoreId = storeId;
        Generation = generation;
        _rows = rows;
        Centroids = centroids;
        ListStarts = listStarts;
        TrainedCount = trainedCount;
        _options = options;
        _speakerIds = Ids(rows.SpeakerNames);
        _documentIds = Ids(rows.DocumentNames);
        _bySpeaker = Postings(rows.Speakers, rows.SpeakerNames.Length);
        _byDocument = Postings(rows.Documents, rows.DocumentNames.Length);
    }

    public string StoreId { get; }

    public long Generation { get; }

    public int Dimensions => _rows.Dimensions;

    public int Count => _rows.RowIds.Length;

    /// <summary>The rows (in cluster order when clustered).</summary>
    internal DenseRows Rows => _rows;

    /// <summary>Unit centroids, one per cluster, or null for an exact index.</summary>
    internal float[]? Centroids { get; }

    /// <summary>Where each cluster's rows start, plus the end (empty for an exact index).</summary>
    internal int[] ListStarts { get; }

    /// <summary>How many vectors the centroids were trained on (reused until the store doubles or halves).</summary>
    internal int TrainedCount { get; }

    /// <summary>
    /// Builds the index over rows in store order: exact below the threshold; otherwise clustered, reusing
    /// <paramref name="previousCentroids"/> while the store has neither doubled nor halved since they were trained.
    /// The index takes <paramref name="rows"/> over: a clustered build reorders its vectors in place.
    /// </summary>
    public static DenseIndex Build(string storeId, long generation, DenseRows rows, DenseIndexOptions options, (float[] Centroids, int TrainedCount)? previousCentroids = null)
    {
        int n = rows.RowIds.Length, d = rows.Dimensions;
        if (n < Math.Max(1, options.ApproximateFrom) || d == 0) return new DenseIndex(storeId, generation, rows, null, [], 0, options);

        float[] centroids;
        int trained;
        if (previousCentroids is { } p && p.Centroids.Length % d == 0 && p.Centroids.Length > 0 && n < 2L * p.TrainedCount && 2L * n > p.TrainedCount)
            (centroids, trained) = (p.Centroids, p.TrainedCount);
        else
            (centroids, trained) = (Train(rows.Vectors, n, d, options.Lists ?? (int)Math.Clamp(Math.Round(Math.Sqrt(n)), 16, 4096)), n);

        int lists = centroids.Length / d;
        var assignment = Assign(rows.Vectors, n, d, Widen(centroids, d));
        var starts = new int[lists + 1];
        foreach (var a in assignment) starts[a + 1]++;
        for (int l = 0; l < lists; l++) starts[l + 1] += starts[l];
        var next = starts[..lists];
        var order = new int[n];
        for (int i = 0; i < n; i++) order[next[assignment[i]]++] = i;

        // The vectors are the bulk (400,000 x 896 bytes in the scale corpus): reordered in place rather than copied.
        PermuteRows(rows.Vectors, d, order);
        var clustered = rows with
        {
            RowIds = Gather(rows.RowIds, order),
            Roles = Gather(rows.Roles, order),
            Speakers = Gather(rows.Speakers, order),
            Documents = Gather(rows.Documents, order),
            DateFrom = Gather(rows.DateFrom, order),
            DateTo = Gather(rows.DateTo, order),
        };
        return new DenseIndex(storeId, generation, clustered, centroids, starts, trained, options);
    }

    /// <summary>
    /// Row ids of the best <paramref name="limit"/> vectors passing <paramref name="filter"/>, best first, with their
    /// cosine similarity to the query (from the byte vectors); with <paramref name="exact"/>, every passing vector is
    /// scored even in a clustered index.
    /// </summary>
    public List<(long RowId, float Similarity)> Search(ReadOnlySpan<float> query, ChunkFilter filter, int limit, bool exact = false)
    {
        if (Count == 0 || limit <= 0) return [];
        if (query.Length != Dimensions)
            throw new StoreException($"The query vector has {query.Length} dimensions; the store holds {Dimensions}-dimensional vectors.");
        var predicate = Compile(filter);
        var q = Int8Vectors.Widen(query);

        // A filter naming few speakers or documents: score exactly the rows it names.
        if (Subset(filter) is { } subset && (subset.Length <= _options.ExactSubsetUpTo || subset.Length * 4L <= Count))
            return Ranked(ScanRows(q, predicate, subset, limit), limit);

        if (Centroids is null || exact)
        {
            if (Count < ParallelThreshold) return Ranked(ScanRange(q, predicate, 0, Count, limit, null), limit);
            int parts = Math.Min(Environment.ProcessorCount, 8);
            var partials = new List<(int Index, float Score)>[parts];
            Parallel.For(0, parts, p =>
            {
                int from = (int)((long)Count * p / parts), to = (int)((long)Count * (p + 1) / parts);
                partials[p] = ScanRange(q, predicate, from, to, limit, null);
            });
            return Ranked(partials.SelectMany(x => x), limit);
        }

        return Ranked(Probe(query, q, predicate, limit), limit);
    }

    /// <summary>Scans clusters nearest the query first: at least the configured number, and on while fewer than <paramref name="limit"/> rows passed the filter.</summary>
    private List<(int Index, float Score)> Probe(ReadOnlySpan<float> query, short[] q, Func<int, bool>? predicate, int limit)
    {
        int d = Dimensions, lists = ListStarts.Length - 1;
        var scores = new float[lists];
        var order = new int[lists];
        for (int l = 0; l < lists; l++)
        {
            scores[l] = -TensorPrimitives.Dot(new ReadOnlySpan<float>(Centroids, l * d, d), query);
            order[l] = l;
        }

        Array.Sort(scores, order);
        var heap = new PriorityQueue<int, float>(limit + 1);
        int[] passed = [0];
        for (int k = 0; k < lists; k++)
        {
            if (k >= _options.Probes && passed[0] >= limit) break;
            int l = order[k];
            ScanInto(heap, q, predicate, ListStarts[l], ListStarts[l + 1], limit, passed);
        }

        return Drain(heap);
    }

    private List<(int Index, float Score)> ScanRange(short[] q, Func<int, bool>? predicate, int from, int to, int limit, int[]? passed)
    {
        var heap = new PriorityQueue<int, float>(limit + 1);
        ScanInto(heap, q, predicate, from, to, limit, passed ?? [0]);
        return Drain(heap);
    }

    private void ScanInto(PriorityQueue<int, float> heap, short[] q, Func<int, bool>? predicate, int from, int to, int limit, int[] passed)
    {
        int d = Dimensions;
        var vectors = _rows.Vectors;
        for (int i = from; i < to; i++)
        {
            if (predicate is not null && !predicate(i)) continue;
            passed[0]++;
            Offer(heap, i, Int8Vectors.Dot(new ReadOnlySpan<sbyte>(vectors, i * d, d), q), limit);
        }
    }

    private List<(int Index, float Score)> ScanRows(short[] q, Func<int, bool>? predicate, int[] rows, int limit)
    {
        int d = Dimensions;
        var heap = new PriorityQueue<int, float>(limit + 1);
        foreach (int i in rows)
        {
            if (predicate is not null && !predicate(i)) continue;
            Offer(heap, i, Int8Vectors.Dot(new ReadOnlySpan<sbyte>(_rows.Vectors, i * d, d), q), limit);
        }

        return Drain(heap);
    }

    private static void Offer(PriorityQueue<int, float> heap, int index, float score, int limit)
    {
        if (heap.Count < limit) heap.Enqueue(index, score);
        else if (heap.TryPeek(out _, out var worst) && score > worst) heap.DequeueEnqueue(index, score);
    }

    private static List<(int Index, float Score)> Drain(PriorityQueue<int, float> heap)
    {
        var result = new List<(int, float)>(heap.Count);
        while (heap.TryDequeue(out var index, out var score)) result.Add((index, score));
        return result;
    }

    private List<(long RowId, float Similarity)> Ranked(IEnumerable<(int Index, float Score)> scored, int limit) =>
        scored.OrderByDescending(x => x.Score).ThenBy(x => _rows.RowIds[x.Index]).Take(limit)
            .Select(x => (_rows.RowIds[x.Index], x.Score / (Int8Vectors.Scale * Int8Vectors.Scale))).ToList();

    /// <summary>The rows of the named speakers or documents (the smaller set when both are named), or null when neither is.</summary>
    private int[]? Subset(ChunkFilter filter)
    {
        int[]? Union(IReadOnlyCollection<string>? names, Dictionary<string, int> ids, int[][] postings) =>
            names is null ? null : names.Select(n => ids.GetValueOrDefault(n, -1)).Where(x => x >= 0).Distinct().SelectMany(x => postings[x]).ToArray();

        var bySpeaker = Union(filter.Speakers, _speakerIds, _bySpeaker);
        var byDocument = Union(filter.DocumentIds, _documentIds, _byDocument);
        if (bySpeaker is null) return byDocument;
        if (byDocument is null) return bySpeaker;
        return bySpeaker.Length <= byDocument.Length ? bySpeaker : byDocument;
    }

    private Func<int, bool>? Compile(ChunkFilter filter)
    {
        var checks = new List<Func<int, bool>>();
        if (filter.Roles is { } roles)
        {
            var allowed = new bool[3];
            foreach (var r in roles) allowed[(int)r] = true;
            var rowRoles = _rows.Roles;
            checks.Add(i => allowed[rowRoles[i]]);
        }

        if (filter.Speakers is { } speakers)
        {
            var ids = speakers.Select(s => _speakerIds.GetValueOrDefault(s, -1)).Where(x => x >= 0).ToHashSet();
            var rowSpeakers = _rows.Speakers;
            checks.Add(i => ids.Contains(rowSpeakers[i]));
        }

        if (filter.DocumentIds is { } documents)
        {
            var ids = documents.Select(s => _documentIds.GetValueOrDefault(s, -1)).Where(x => x >= 0).ToHashSet();
            var rowDocuments = _rows.Documents;
            checks.Add(i => ids.Contains(rowDocuments[i]));
        }

        var dateTo = _rows.DateTo;
        var dateFrom = _rows.DateFrom;
        if (SqliteTranscriptStore.DateKey(filter.From) is int from) checks.Add(i => dateTo[i] >= from);
        if (SqliteTranscriptStore.DateKey(filter.To) is int to) checks.Add(i => dateFrom[i] <= to);
        return checks.Count switch
        {
            0 => null,
            1 => checks[0],
            _ => i => checks.TrueForAll(c => c(i)),
        };
    }

    /// <summary>
    /// Spherical k-means on a fixed-seed sample of 64 rows per cluster: centroids start at sampled rows, each round
    /// assigns every sampled row to its nearest centroid and moves each centroid to the normalised mean of its rows;
    /// an emptied cluster restarts at a sampled row.
    /// </summary>
    /// <summary>Moves row <c>order[i]</c> of <paramref name="vectors"/> to row <c>i</c>, following the permutation's cycles with one spare row.</summary>
    private static void PermuteRows(sbyte[] vectors, int d, int[] order)
    {
        var placed = new bool[order.Length];
        var spare = new sbyte[d];
        for (int start = 0; start < order.Length; start++)
        {
            if (placed[start] || order[start] == start) continue;
            vectors.AsSpan(start * d, d).CopyTo(spare);
            int to = start;
            while (true)
            {
                int from = order[to];
                placed[to] = true;
                if (from == start)
                {
                    spare.CopyTo(vectors.AsSpan(to * d, d));
                    break;
                }

                vectors.AsSpan(from * d, d).CopyTo(vectors.AsSpan(to * d, d));
                to = from;
            }
        }
    }

    internal static float[] Train(sbyte[] vectors, int n, int d, int lists)
    {
        lists = Math.Clamp(lists, 1, n);
        var random = new Random(20_261_123);
        var pool = Enumerable.Range(0, n).ToArray();
        int sampleSize = (int)Math.Min(n, (long)lists * TrainingRowsPerList);
        for (int i = 0; i < sampleSize; i++)
        {
            int j = random.Next(i, n);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var sample = new sbyte[(long)sampleSize * d];
        for (int s = 0; s < sampleSize; s++) vectors.AsSpan(pool[s] * d, d).CopyTo(sample.AsSpan(s * d, d));

        var centroids = new float[lists * d];
        for (int l = 0; l < lists; l++) SetFromRow(centroids.AsSpan(l * d, d), sample.AsSpan(l * d, d));

        var sums = new float[lists * d];
        var counts = new int[lists];
        for (int iteration = 0; iteration < TrainingIterations; iteration++)
        {
            var assignment = Assign(sample, sampleSize, d, Widen(centroids, d));
            Array.Clear(sums);
            Array.Clear(counts);
            for (int s = 0; s < sampleSize; s++)
            {
                var sum = sums.AsSpan(assignment[s] * d, d);
                var row = sample.AsSpan(s * d, d);
                for (int k = 0; k < d; k++) sum[k] += row[k];
                counts[assignment[s]]++;
            }

            for (int l = 0; l < lists; l++)
            {
                if (counts[l] == 0) SetFromRow(centroids.AsSpan(l * d, d), sample.AsSpan(random.Next(sampleSize) * d, d));
                else Normalize(sums.AsSpan(l * d, d), centroids.AsSpan(l * d, d));
            }
        }

        return centroids;
    }

    /// <summary>The nearest centroid of every row, both cores sharing the work.</summary>
    private static int[] Assign(sbyte[] vectors, int n, int d, short[] centroids)
    {
        int lists = centroids.Length / d;
        var assignment = new int[n];
        Parallel.For(0, (n + 1023) / 1024, block =>
        {
            for (int i = block * 1024, end = Math.Min(n, i + 1024); i < end; i++)
            {
                var row = new ReadOnlySpan<sbyte>(vectors, i * d, d);
                int best = 0, bestScore = int.MinValue;
                for (int l = 0; l < lists; l++)
                {
                    int score = Int8Vectors.Dot(row, new ReadOnlySpan<short>(centroids, l * d, d));
                    if (score > bestScore) (best, bestScore) = (l, score);
                }

                assignment[i] = best;
            }
        });
        return assignment;
    }

    private static short[] Widen(float[] centroids, int d)
    {
        var widened = new short[centroids.Length];
        for (int l = 0; l < centroids.Length / d; l++)
            Int8Vectors.Widen(centroids.AsSpan(l * d, d)).CopyTo(widened.AsSpan(l * d, d));
        return widened;
    }

    private static void SetFromRow(Span<float> centroid, ReadOnlySpan<sbyte> row)
    {
        Span<float> values = stackalloc float[row.Length];
        for (int k = 0; k < row.Length; k++) values[k] = row[k];
        Normalize(values, centroid);
    }

    private static void Normalize(ReadOnlySpan<float> values, Span<float> destination)
    {
        float norm = TensorPrimitives.Norm(values);
        if (norm == 0) values.CopyTo(destination);
        else TensorPrimitives.Divide(values, norm, destination);
    }

    private static T[] Gather<T>(T[] values, int[] order)
    {
        var result = new T[order.Length];
        for (int i = 0; i < order.Length; i++) result[i] = values[order[i]];
        return result;
    }

    private static Dictionary<string, int> Ids(string[] names)
    {
        var ids = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) ids[names[i]] = i;
        return ids;
    }

    /// <summary>For each value, the rows holding it, ascending.</summary>
    private static int[][] Postings(int[] values, int distinct)
    {
        var counts = new int[distinct];
        foreach (var v in values) counts[v]++;
        var postings = new int[distinct][];
        for (int v = 0; v < distinct; v++) postings[v] = new int[counts[v]];
        Array.Clear(counts);
        for (int i = 0; i < values.Length; i++) postings[values[i]][counts[values[i]]++] = i;
        return postings;
    }
}
