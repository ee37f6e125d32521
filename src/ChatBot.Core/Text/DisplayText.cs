namespace ChatBot.Text;

/// <summary>
/// Stored text laid out for reading. Source files break lines in three ways: a blank line between paragraphs (mid.ru,
/// briefings), an indented first line (UN speeches taken from the printed record, about 55 characters a line), or
/// one line per paragraph (other UN speeches). Within a paragraph the line breaks of a hard-wrapped file are the
/// printer's, not the speaker's: <see cref="Paragraphs"/> finds the paragraphs and <see cref="Unwrap"/> joins their
/// lines, so a quote reads as prose on a phone. Display only: stored text, quotes and offsets are never changed.
/// Heading and rule lines (<see cref="MarkupText.Blocks"/>) end a paragraph and belong to none. Thread-safe.
/// </summary>
public static class DisplayText
{
    /// <summary>A text whose typical line is longer than this is not hard-wrapped: each of its lines is a paragraph.</summary>
    private const int MaxWrappedLineLength = 120;

    /// <summary>
    /// In hard-wrapped text, a line ending a sentence and shorter than this share of the text's longest line ends its
    /// paragraph (the printer fills every other line).
    /// </summary>
    private const double ParagraphEndLineShare = 0.6;

    /// <summary>
    /// In hard-wrapped text, a line ending a sentence also ends its paragraph when the next line's first word would
    /// have fitted after it within this share of the longest line: the printer would have put it there. (On the UN
    /// speeches whose paragraphs are marked by indentation, these two rules find 79% of the paragraph ends, and 96% of
    /// what they find are paragraph ends.)
    /// </summary>
    private const double NextWordFitShare = 0.85;

    /// <summary>Indented lines start paragraphs only while at most this share of the lines is indented.</summary>
    private const double MaxIndentedLineShare = 0.5;

    /// <summary>
    /// The paragraphs of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/> as a
    /// reader sees them, trimmed, in order: spans of the text itself, so a caller can mark a quote inside them.
    /// </summary>
    public static List<TextSpan> Paragraphs(string text, int start = 0, int end = -1)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (end < 0) end = text.Length;
        var result = new List<TextSpan>();
        foreach (var block in MarkupText.Blocks(text, start, end))
        {
            foreach (var paragraph in Text.Paragraphs.Split(text, block.Start, block.End))
                SplitLines(text, paragraph, result);
        }

        return result;
    }

    /// <summary>
    /// The text for display: each paragraph on one line, white space collapsed, paragraphs separated by a blank line.
    /// Words and punctuation are untouched.
    /// </summary>
    public static string Unwrap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join("\n\n", Paragraphs(text).Select(p => Whitespace.Collapse(p.Of(text))));
    }

    /// <summary>
    /// A verbatim quote as people should read it: <see cref="Unwrap"/>ped, with Markdown emphasis markers removed
    /// (<see cref="MarkupText.StripEmphasis"/>). Words and punctuation are untouched.
    /// </summary>
    public static string ForReading(string text) => MarkupText.StripEmphasis(Unwrap(text));

    /// <summary>Splits one blank-line paragraph at the line breaks that start a new paragraph.</summary>
    private static void SplitLines(string text, TextSpan paragraph, List<TextSpan> result)
    {
        var lines = Lines(text, paragraph);
        if (lines.Count == 1)
        {
            result.Add(paragraph);
            return;
        }

        var lengths = lines.Select(l => TrimmedLength(text, l)).ToList();
        var sorted = lengths.Order().ToList();
        bool wrapped = sorted[sorted.Count / 2] <= MaxWrappedLineLength;
        int longest = sorted[^1];
        int indented = lines.Skip(1).Count(l => char.IsWhiteSpace(text[l.Start]));
        bool indentMarksParagraphs = indented > 0 && indented <= MaxIndentedLineShare * (lines.Count - 1);

        int paragraphStart = paragraph.Start;
        for (int i = 1; i < lines.Count; i++)
        {
            var previous = lines[i - 1];
            bool breaks = (indentMarksParagraphs && char.IsWhiteSpace(text[lines[i].Start]))
                || !wrapped
                || (EndsSentence(text, previous)
                    && (lengths[i - 1] < ParagraphEndLineShare * longest || lengths[i - 1] + 1 + FirstWordLength(text, lines[i]) <= NextWordFitShare * longest));
            if (!breaks) continue;
            Add(text, paragraphStart, previous.End, result);
            paragraphStart = lines[i].Start;
        }

        Add(text, paragraphStart, paragraph.End, result);
    }

    /// <summary>The lines of a span, without their line breaks.</summary>
    private static List<TextSpan> Lines(string text, TextSpan span)
    {
        var lines = new List<TextSpan>();
        int pos = span.Start;
        while (pos < span.End)
        {
            int newline = text.AsSpan(pos, span.End - pos).IndexOfAny('\r', '\n');
            int lineEnd = newline < 0 ? span.End : pos + newline;
            if (!text.AsSpan(pos, lineEnd - pos).IsWhiteSpace()) lines.Add(new TextSpan(pos, lineEnd));
            if (newline < 0) break;
            pos = lineEnd + 1;
            if (text[lineEnd] == '\r' && pos < span.End && text[pos] == '\n') pos++;
        }

        return lines;
    }

    private static int TrimmedLength(string text, TextSpan line) => Text.Paragraphs.Trim(text, line.Start, line.End).Length;

    private static int FirstWordLength(string text, TextSpan line)
    {
        int i = line.Start;
        while (i < line.End && char.IsWhiteSpace(text[i])) i++;
        int start = i;
        while (i < line.End && !char.IsWhiteSpace(text[i])) i++;
        return i - start;
    }

    /// <summary>Whether the line's last visible character ends a sentence (closing quotes and brackets skipped).</summary>
    private static bool EndsSentence(string text, TextSpan line)
    {
        int i = line.End - 1;
        while (i >= line.Start && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '\'' or '’' or '”' or ')' or ']')) i--;
        return i >= line.Start && text[i] is '.' or '?' or '!' or ':' or ';' or '…';
    }

    private static void Add(string text, int start, int end, List<TextSpan> result)
    {
        var span = Text.Paragraphs.Trim(text, start, end);
        if (span.Length > 0) result.Add(span);
    }
}
