using System.Buffers;
using System.Collections.Frozen;

namespace ChatBot.Text;

/// <summary>
/// Rule-based English sentence segmentation that keeps offsets. A sentence ends at '.', '!', '?' or '…'
/// (with any closing quotes or brackets) followed by white space and a capital, digit or opening quote;
/// a blank line always ends one. A Markdown heading or horizontal-rule line (<see cref="MarkupText.Blocks"/>) is a
/// hard boundary: it ends the sentence before it and belongs to no sentence. Titles, initials and common abbreviations ("Mr.", "V.", "U.S.", "e.g.") do not.
/// Thread-safe: the class holds no mutable state.
/// </summary>
public static class SentenceSplitter
{
    private static readonly SearchValues<char> s_terminators = SearchValues.Create(".!?…");
    private const string ClosingChars = "\"'”’)]»";
    private const string OpeningChars = "\"'“‘([«—–-";

    private static readonly FrozenSet<string> s_abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "adm",
        "amb", "hon", "rev", "jr", "sr", "no", "nos", "art", "vol", "pp", "vs", "e.g", "i.e", "cf", "al", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co",
        "corp", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c", "mt", "ft", "fig", "est", "dept", "univ",
        "p", "para", "paras", "ibid", "cit",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The sentences of <paramref name="text"/> within [<paramref name="start"/>, <paramref name="end"/>), trimmed.</summary>
    public static List<TextSpan> Split(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var result = new List<TextSpan>();
        foreach (var block in MarkupText.Blocks(text, start, end))
        {
            foreach (var paragraph in Paragraphs.Split(text, block.Start, block.End))
                SplitParagraph(text, paragraph, result);
        }

        return result;
    }

    private static void SplitParagraph(string text, TextSpan paragraph, List<TextSpan> result)
    {
        int sentenceStart = paragraph.Start;
        int pos = paragraph.Start;
        while (pos < paragraph.End)
        {
            int found = text.AsSpan(pos, paragraph.End - pos).IndexOfAny(s_terminators);
            if (found < 0) break;
            int term = pos + found;
            int after = term + 1;
            while (after < paragraph.End && (s_terminators.Contains(text[after]) || ClosingChars.Contains(text[after]))) after++;
            pos = after;

            if (after >= paragraph.End) break;
            if (!char.IsWhiteSpace(text[after])) continue;
            int next = after;
            while (next < paragraph.End && char.IsWhiteSpace(text[next])) next++;
            if (next >= paragraph.End) break;
            char c = text[next];
            if (!(char.IsUpper(c) || char.IsDigit(c) || OpeningChars.Contains(c))) continue;
            if (text[term] == '.' && IsAbbreviation(text, sentenceStart, term)) continue;

            result.Add(Paragraphs.Trim(text, sentenceStart, after));
            sentenceStart = next;
        }

        var last = Paragraphs.Trim(text, sentenceStart, paragraph.End);
        if (last.Length > 0) result.Add(last);
    }

    /// <summary>Whether the word ending at the '.' at <paramref name="dot"/> is an abbreviation or an initial.</summary>
    private static bool IsAbbreviation(string text, int lowerBound, int dot)
    {
        int wordStart = dot;
        while (wordStart > lowerBound && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0]) && word[0] != 'I') return true; // an initial: "Sergey V. Lavrov"
        var lookup = s_abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(word);
    }
}
