namespace ChatBot.Text;

/// <summary>Splits text into paragraphs: runs of non-blank lines, trimmed, with their offsets.</summary>
public static class Paragraphs
{
    /// <summary>
    /// The paragraphs of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.
    /// A blank line is one holding only white space (non-breaking spaces included).
    /// </summary>
    public static List<TextSpan> Split(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var result = new List<TextSpan>();
        int paragraphStart = -1, paragraphEnd = -1;
        int pos = start;
        while (pos < end)
        {
            int newline = text.AsSpan(pos, end - pos).IndexOfAny('\r', '\n');
            int lineEnd = newline < 0 ? end : pos + newline;
            var line = text.AsSpan(pos, lineEnd - pos);
            if (line.IsWhiteSpace())
            {
                if (paragraphStart >= 0)
                {
                    result.Add(Trim(text, paragraphStart, paragraphEnd));
                    paragraphStart = -1;
                }
            }
            else
            {
                if (paragraphStart < 0) paragraphStart = pos;
                paragraphEnd = lineEnd;
            }

            if (newline < 0) break;
            pos = lineEnd + 1;
            if (text[lineEnd] == '\r' && pos < end && text[pos] == '\n') pos++;
        }

        if (paragraphStart >= 0) result.Add(Trim(text, paragraphStart, paragraphEnd));
        return result;
    }

    /// <summary>The span with white space removed from both ends.</summary>
    public static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }
}
