using ChatBot.Answering;

namespace ChatBot.Evaluation;

/// <summary>Whether two passages overlap, comparing text with white space and quote marks normalised.</summary>
public static class TextOverlap
{
    /// <summary>Characters two passages must share in one run to overlap (or the whole of the shorter one).</summary>
    public const int MinSharedRun = 40;

    /// <summary>True when one contains the other, or they share a run of <see cref="MinSharedRun"/> characters.</summary>
    public static bool Overlaps(string a, string b)
    {
        var x = QuoteVerifier.Normalize(a);
        var y = QuoteVerifier.Normalize(b);
        if (x.Length == 0 || y.Length == 0) return false;
        if (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)) return true;
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        int run = Math.Min(MinSharedRun, shorter.Length);
        for (int i = 0; i + run <= shorter.Length; i++)
        {
            if (longer.Contains(shorter.AsSpan(i, run), StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>Whether a result's source path ends with the gold file's relative path.</summary>
    public static bool SameFile(string source, string relative) =>
        source.Replace('\\', '/').EndsWith("/" + relative.Replace('\\', '/').TrimStart('/'), StringComparison.Ordinal);
}
