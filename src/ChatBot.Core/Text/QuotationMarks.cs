namespace ChatBot.Text;

/// <summary>
/// Pairs quotation marks within one paragraph: curly double (“…”), low-high („…“), guillemets («…», nested ones
/// counted), straight double ("…", an opener after white space or a bracket, a closer before anything but a letter)
/// and curly single (‘…’, whose closer is not an apostrophe inside a word). Unclosed and stray marks are left out.
/// Straight single quotes are too often apostrophes to pair. Thread-safe.
/// </summary>
internal static class QuotationMarks
{
    /// <summary>The pairs in [<paramref name="start"/>, <paramref name="end"/>) as (opening, closing) offsets, in order of opening.</summary>
    public static List<(int Open, int Close)> Pairs(string text, int start, int end)
    {
        var pairs = new List<(int Open, int Close)>();
        int curly = -1, low = -1, straight = -1, single = -1, guillemet = -1, guillemetDepth = 0;
        for (int i = start; i < end; i++)
        {
            switch (text[i])
            {
                case '“':
                    if (low >= 0)
                    {
                        pairs.Add((low, i));
                        low = -1;
                    }
                    else
                    {
                        curly = i; // a second opener means the first was never closed
                    }

                    break;
                case '”':
                    if (curly >= 0)
                    {
                        pairs.Add((curly, i));
                        curly = -1;
                    }

                    break;
                case '„':
                    low = i;
                    break;
                case '«':
                    if (guillemetDepth++ == 0) guillemet = i;
                    break;
                case '»':
                    if (guillemetDepth > 0 && --guillemetDepth == 0) pairs.Add((guillemet, i));
                    break;
                case '"':
                    if (straight < 0)
                    {
                        if (OpensAt(text, start, i, end)) straight = i;
                    }
                    else if (i + 1 >= end || !char.IsLetterOrDigit(text[i + 1]))
                    {
                        pairs.Add((straight, i));
                        straight = -1;
                    }

                    break;
                case '‘':
                    if (single < 0 && OpensAt(text, start, i, end)) single = i;
                    break;
                case '’':
                    if (single >= 0 && (i + 1 >= end || !char.IsLetterOrDigit(text[i + 1])) && !(i > start && text[i - 1] == 's' && i + 1 < end && text[i + 1] == ' ' && IsPluralPossessive(text, i, end)))
                    {
                        pairs.Add((single, i));
                        single = -1;
                    }

                    break;
            }
        }

        pairs.Sort((a, b) => a.Open.CompareTo(b.Open));
        return pairs;
    }

    /// <summary>Opening curly, low or guillemet marks in [<paramref name="start"/>, <paramref name="end"/>) that no mark closes.</summary>
    public static List<int> Unclosed(string text, int start, int end)
    {
        var closed = new HashSet<int>(Pairs(text, start, end).Select(p => p.Open));
        var unclosed = new List<int>();
        for (int i = start; i < end; i++)
        {
            if (text[i] is '“' or '„' or '«' && !closed.Contains(i) && i + 1 < end && !char.IsWhiteSpace(text[i + 1]) && !IsClosingOfLow(text, start, i)) unclosed.Add(i);
        }

        // Only the last one can run to the paragraph end; an earlier unclosed mark is a stray.
        return unclosed.Count == 0 ? unclosed : [unclosed[^1]];
    }

    /// <summary>Whether the “ at <paramref name="i"/> closes an earlier „.</summary>
    private static bool IsClosingOfLow(string text, int start, int i) => text[i] == '“' && text.AsSpan(start, i - start).LastIndexOf('„') > text.AsSpan(start, i - start).LastIndexOf('“');

    /// <summary>An opening mark follows the start, white space, an opening bracket, a dash or another quotation mark, and precedes a non-space.</summary>
    private static bool OpensAt(string text, int start, int i, int end)
    {
        if (i + 1 >= end || char.IsWhiteSpace(text[i + 1])) return false;
        if (i == start) return true;
        char before = text[i - 1];
        return char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' or '“' or '"' or '/' or ':';
    }

    /// <summary>"the States’ rights": a plural possessive followed by a lower-case word is an apostrophe, not a closing quote.</summary>
    private static bool IsPluralPossessive(string text, int i, int end) => i + 2 < end && char.IsLower(text[i + 2]);
}
