namespace ChatBot.Text;

/// <summary>
/// A crude English stemmer for matching, not for display: common inflections and demonyms removed, then trailing
/// vowels ("sanctions"/"sanction", "Ukrainian"/"Ukraine", "Syrian"/"Syria", "negotiating"/"negotiations").
/// Words of four letters or fewer are left alone. Thread-safe.
/// </summary>
public static class Stemmer
{
    private static readonly string[] s_suffixes = ["ations", "ating", "ation", "ated", "ates", "ings", "ians", "eans", "ing", "ian", "ean", "ate", "ies", "ied", "ed", "es", "s", "ly"];

    /// <summary>The stem of a lower-case term.</summary>
    public static string Stem(string term)
    {
        if (term.Length <= 4) return term;
        var stem = term;
        foreach (var suffix in s_suffixes)
        {
            if (stem.Length - suffix.Length >= 3 && stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                stem = stem[..^suffix.Length];
                break;
            }
        }

        int end = stem.Length;
        while (end > 3 && "aeiouy".Contains(stem[end - 1])) end--;
        return stem[..end];
    }

    /// <summary>The distinct stems of a text's terms (stop words removed).</summary>
    public static HashSet<string> Stems(string text) => LexicalAnalyzer.Terms(text).Select(Stem).ToHashSet();
}
