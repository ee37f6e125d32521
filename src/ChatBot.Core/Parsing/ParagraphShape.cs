using ChatBot.Text;

namespace ChatBot.Parsing;

/// <summary>Cheap judgements about a paragraph's shape: running prose, or page furniture (menus, times, markers).</summary>
internal static class ParagraphShape
{
    /// <summary>Number of white-space separated words.</summary>
    public static int WordCount(ReadOnlySpan<char> s)
    {
        int count = 0;
        bool inWord = false;
        foreach (var c in s)
        {
            bool ws = char.IsWhiteSpace(c);
            if (!ws && !inWord) count++;
            inWord = !ws;
        }

        return count;
    }

    /// <summary>Whether the paragraph ends like a sentence: '.', '!', '?', '…' or ':' possibly followed by closing quotes or brackets.</summary>
    public static bool EndsLikeSentence(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd();
        while (s.Length > 0 && "\"'”’)]»*".Contains(s[^1])) s = s[..^1];
        return s.Length > 0 && ".!?…:;".Contains(s[^1]);
    }

    /// <summary>Running prose: a real sentence or more.</summary>
    public static bool IsProse(string text, TextSpan p)
    {
        var s = p.In(text);
        int words = WordCount(s);
        return words >= 20 || (words >= 6 && EndsLikeSentence(s));
    }

    /// <summary>
    /// Web-page or transcript furniture: a short line that does not end like a sentence
    /// ("Advanced settings", "NATO (North Atlantic Treaty Organization)", "7:37 P.M. EST", "###").
    /// </summary>
    public static bool IsFurniture(string text, TextSpan p)
    {
        var s = p.In(text);
        return WordCount(s) <= 12 && !EndsLikeSentence(s);
    }
}
