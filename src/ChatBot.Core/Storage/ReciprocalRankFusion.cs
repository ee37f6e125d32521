namespace ChatBot.Storage;

/// <summary>Reciprocal rank fusion: score = sum over rankings of 1 / (k + rank). Stores without server-side fusion use it.</summary>
public static class ReciprocalRankFusion
{
    /// <summary>The usual constant k = 60 (Cormack et al.). Qdrant's server-side fusion uses its own default (k = 2).</summary>
    public const int DefaultK = 60;

    /// <summary>Fuses rankings of keys (best first) into one ranking with scores and per-ranking ranks.</summary>
    public static List<(TKey Key, double Score, int?[] Ranks)> Fuse<TKey>(IReadOnlyList<IReadOnlyList<TKey>> rankings, int k = DefaultK)
        where TKey : notnull
    {
        var scores = new Dictionary<TKey, (double Score, int?[] Ranks)>();
        for (int r = 0; r < rankings.Count; r++)
        {
            var ranking = rankings[r];
            for (int i = 0; i < ranking.Count; i++)
            {
                if (!scores.TryGetValue(ranking[i], out var entry)) entry = (0, new int?[rankings.Count]);
                if (entry.Ranks[r] is not null) continue;
                entry.Ranks[r] = i + 1;
                entry.Score += 1.0 / (k + i + 1);
                scores[ranking[i]] = entry;
            }
        }

        return scores
            .Select(kv => (kv.Key, kv.Value.Score, kv.Value.Ranks))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Ranks.Min(r => r ?? int.MaxValue))
            .ToList();
    }
}
