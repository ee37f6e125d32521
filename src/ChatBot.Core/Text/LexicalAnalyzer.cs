using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ChatBot.Text;

/// <summary>
/// Splits text into lower-case word terms for keyword search: letters and digits, diacritics removed,
/// possessive "'s" dropped, English stop words removed. The same terms serve the FTS5 query, Qdrant's sparse
/// vectors and quote selection, so every backend ranks on the same words. Thread-safe.
/// </summary>
public static class LexicalAnalyzer
{
    /// <summary>Common English function words that carry no topic.</summary>
    public static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
        "yourself", "yourselves", "also", "may", "might", "must", "shall", "us", "let", "s", "t", "d", "ll", "re", "ve", "m",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Terms of <paramref name="text"/> in order, stop words removed.</summary>
    public static List<string> Terms(string text) => Terms(text, keepStopWords: false);

    /// <summary>Terms of <paramref name="text"/> in order; stop words kept if asked.</summary>
    public static List<string> Terms(string text, bool keepStopWords)
    {
        var terms = new List<string>();
        foreach (var (start, length) in WordSpans(text))
        {
            var term = Fold(text.AsSpan(start, length));
            if (term.Length == 0) continue;
            if (!keepStopWords && StopWords.Contains(term)) continue;
            terms.Add(term);
        }

        return terms;
    }

    /// <summary>Start and length of each word (letters or digits, with inner apostrophes and hyphens).</summary>
    public static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            if (i >= text.Length) yield break;
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark
                   || ((text[i] is '\'' or '’') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                i++;
            yield return (start, i - start);
            // Hyphenated words ("Putin-Trump") yield their parts separately: the loop continues after the hyphen.
        }
    }

    /// <summary>Lower-case, diacritics removed, possessive dropped: "Lavrov’s" gives "lavrov".</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var s = word.ToString();
        foreach (var suffix in new[] { "'s", "’s" })
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) s = s[..^2];
        s = s.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
