using ChatBot.Model;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Tests.Sqlite;

/// <summary>
/// The embedded store's vector index on synthetic data shaped like text embeddings (unit vectors scattered around
/// topics): the clustered search against an exact scan, filters on the clustered path, and the byte dot product.
/// </summary>
public sealed class DenseIndexTests
{
    private const int Dimensions = 64;
    private const int Topics = 150;
    private const int Rows = 20_000;

    private static readonly DenseIndexOptions s_clustered = new() { ApproximateFrom = 1_000 };

    [Fact]
    public void A_large_index_is_clustered_and_a_small_one_is_not()
    {
        var (rows, _) = Synthetic(Rows, seed: 1);
        var large = DenseIndex.Build("store", 1, rows, s_clustered);
        Assert.NotNull(large.Centroids);
        Assert.Equal((int)Math.Round(Math.Sqrt(Rows)) + 1, large.ListStarts.Length);
        Assert.Equal(Rows, large.ListStarts[^1]);
        Assert.Equal(rows.RowIds.Order(), large.Rows.RowIds.Order()); // every row kept, once

        var small = DenseIndex.Build("store", 1, rows, new DenseIndexOptions { ApproximateFrom = Rows + 1 });
        Assert.Null(small.Centroids);
    }

    [Fact]
    public void Clustered_search_returns_nearly_what_an_exact_scan_returns()
    {
        var (rows, centers) = Synthetic(Rows, seed: 2);
        var index = DenseIndex.Build("store", 1, rows, s_clustered);
        var random = new Random(3);
        double overlap = 0;
        const int queries = 100;
        for (int q = 0; q < queries; q++)
        {
            var query = Noisy(centers[random.Next(Topics)], random, 0.6f);
            var exact = index.Search(query, new ChunkFilter(), 10, exact: true).Select(x => x.RowId).ToList();
            var approximate = index.Search(query, new ChunkFilter(), 10).Select(x => x.RowId).ToList();
            Assert.Equal(10, approximate.Count);
            overlap += approximate.Intersect(exact).Count() / 10.0;
        }

        Assert.True(overlap / queries >= 0.95, $"recall@10 against the exact scan was {overlap / queries:F3}");
    }

    [Fact]
    public void Exact_search_of_a_clustered_index_equals_a_plain_scan()
    {
        // Each index takes its rows over (a clustered build reorders them in place): two copies of the same rows.
        var (rows, centers) = Synthetic(5_000, seed: 4);
        var clustered = DenseIndex.Build("store", 1, rows, new DenseIndexOptions { ApproximateFrom = 1 });
        var plain = DenseIndex.Build("store", 1, Synthetic(5_000, seed: 4).Rows, new DenseIndexOptions { ApproximateFrom = int.MaxValue });
        var query = Noisy(centers[7], new Random(5), 0.5f);
        Assert.Equal(plain.Search(query, new ChunkFilter(), 25), clustered.Search(query, new ChunkFilter(), 25, exact: true));
    }

    [Fact]
    public void Clustering_keeps_every_row_with_its_own_vector_and_columns()
    {
        var original = Synthetic(3_000, seed: 9).Rows;
        var index = DenseIndex.Build("store", 1, Synthetic(3_000, seed: 9).Rows, new DenseIndexOptions { ApproximateFrom = 1 });
        var clustered = index.Rows;
        Assert.NotEqual(original.RowIds, clustered.RowIds); // reordered
        var at = Enumerable.Range(0, original.RowIds.Length).ToDictionary(i => original.RowIds[i]);
        int d = original.Dimensions;
        for (int i = 0; i < clustered.RowIds.Length; i++)
        {
            int j = at[clustered.RowIds[i]];
            Assert.True(clustered.Vectors.AsSpan(i * d, d).SequenceEqual(original.Vectors.AsSpan(j * d, d)), $"row {clustered.RowIds[i]} lost its vector");
            Assert.Equal((original.Speakers[j], original.Roles[j], original.DateFrom[j]), (clustered.Speakers[i], clustered.Roles[i], clustered.DateFrom[i]));
        }
    }

    [Fact]
    public void Filters_hold_on_the_clustered_path_and_a_rare_speaker_is_searched_exactly()
    {
        var (rows, centers) = Synthetic(Rows, seed: 6);
        var index = DenseIndex.Build("store", 1, rows, s_clustered with { Probes = 2 });
        var byRow = Enumerable.Range(0, rows.RowIds.Length).ToDictionary(i => rows.RowIds[i]);
        var query = Noisy(centers[11], new Random(7), 0.5f);

        // A speaker holding 1% of the rows, mostly far from the query: every one of its nearest rows, exactly.
        var rare = new ChunkFilter { Speakers = ["speaker-rare"] };
        var found = index.Search(query, rare, 20).Select(x => x.RowId).ToList();
        Assert.Equal(index.Search(query, rare, 20, exact: true).Select(x => x.RowId).ToList(), found);
        Assert.All(found, id => Assert.Equal("speaker-rare", rows.SpeakerNames[rows.Speakers[byRow[id]]]));

        // A date range and a role that most clusters hold few of: the probe goes on until enough rows pass.
        var dated = new ChunkFilter { Roles = [SpeakerRole.Question], From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 12, 31) };
        var passing = Enumerable.Range(0, rows.RowIds.Length).Count(i => rows.Roles[i] == (byte)SpeakerRole.Question && rows.DateFrom[i] <= 20201231 && rows.DateTo[i] >= 20200101);
        var datedHits = index.Search(query, dated, 50).Select(x => x.RowId).ToList();
        Assert.Equal(Math.Min(50, passing), datedHits.Count);
        Assert.All(datedHits, id =>
        {
            int i = byRow[id];
            Assert.Equal((byte)SpeakerRole.Question, rows.Roles[i]);
            Assert.InRange(rows.DateFrom[i], 20200101, 20201231);
        });
    }

    [Fact]
    public void The_byte_dot_product_equals_the_plain_sum_at_every_length()
    {
        var random = new Random(8);
        foreach (int length in new[] { 1, 15, 16, 17, 31, 32, 33, 63, 100, 512, 513 })
        {
            var row = new sbyte[length];
            var query = new short[length];
            for (int i = 0; i < length; i++)
            {
                row[i] = (sbyte)random.Next(-127, 128);
                query[i] = (short)random.Next(-127, 128);
            }

            int expected = 0;
            for (int i = 0; i < length; i++) expected += row[i] * query[i];
            Assert.Equal(expected, Int8Vectors.Dot(row, query));
        }
    }

    /// <summary>
    /// Rows scattered around random topic centres, as text embeddings are; speakers: ten common ones and one rare
    /// (1%); a tenth of the rows are questions; dates over 2015-2024.
    /// </summary>
    internal static (DenseRows Rows, float[][] Centers) Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        var centers = Enumerable.Range(0, Topics).Select(_ => Unit(Enumerable.Range(0, Dimensions).Select(_ => Gaussian(random)).ToArray())).ToArray();
        var vectors = new sbyte[count * Dimensions];
        var roles = new byte[count];
        var speakers = new int[count];
        var dateFrom = new int[count];
        var dateTo = new int[count];
        for (int i = 0; i < count; i++)
        {
            var v = Noisy(centers[random.Next(Topics)], random, 0.7f);
            Int8Vectors.Quantize(v, vectors.AsSpan(i * Dimensions, Dimensions));
            roles[i] = (byte)(random.Next(10) == 0 ? SpeakerRole.Question : SpeakerRole.Principal);
            speakers[i] = random.Next(100) == 0 ? 10 : random.Next(10);
            int year = 2015 + random.Next(10);
            dateFrom[i] = dateTo[i] = year * 10000 + 101 + random.Next(11) * 100;
        }

        var names = Enumerable.Range(0, 10).Select(s => $"speaker-{s}").Append("speaker-rare").ToArray();
        var rows = new DenseRows(Dimensions, Enumerable.Range(1, count).Select(i => (long)i * 3).ToArray(), vectors, roles, speakers,
            new int[count], dateFrom, dateTo, names, ["document"]);
        return (rows, centers);
    }

    private static float[] Noisy(float[] center, Random random, float noise) =>
        Unit(center.Select(c => c + noise * Gaussian(random) / MathF.Sqrt(Dimensions) * 2).ToArray());

    private static float[] Unit(float[] v)
    {
        float norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
