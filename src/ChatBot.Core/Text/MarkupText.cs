using System.Buffers;
using System.Text;

namespace ChatBot.Text;

/// <summary>
/// Markdown left in transcripts. Heading lines (<c>#</c> to <c>######</c>) and horizontal rules (<c>---</c>,
/// <c>***</c>, <c>___</c> alone on a line) are layout, not speech: <see cref="Blocks"/> gives the text between them,
/// so no sentence or chunk crosses or holds one. Emphasis (<c>**bold**</c>, <c>__bold__</c>, <c>*italic*</c>) sits
/// inside sentences and so inside verbatim quotes; <see cref="ForDisplay"/> and <see cref="Strip"/> remove its
/// markers for showing a quote to people, while the stored text and offsets stay as they are. Thread-safe.
/// </summary>
public static class MarkupText
{
    private static readonly SearchValues<char> s_lineMarks = SearchValues.Create("#-*_");

    /// <summary>
    /// Whether <paramref name="line"/> (one line, without its line break) is an ATX heading: up to three spaces,
    /// one to six '#', then a space, a tab or the end of the line ("### Page 4:", "### II. Armed Conflicts").
    /// </summary>
    public static bool IsHeadingLine(ReadOnlySpan<char> line)
    {
        int i = LeadingSpaces(line);
        if (i < 0) return false;
        int hashes = 0;
        while (i < line.Length && line[i] == '#') { i++; hashes++; }
        return hashes is >= 1 and <= 6 && (i == line.Length || line[i] is ' ' or '\t');
    }

    /// <summary>
    /// Whether <paramref name="line"/> is a horizontal rule: up to three spaces, then three or more of one of '-',
    /// '*', '_' (spaces between allowed) and nothing else but white space.
    /// </summary>
    public static bool IsRuleLine(ReadOnlySpan<char> line)
    {
        int i = LeadingSpaces(line);
        if (i < 0 || i >= line.Length || line[i] is not ('-' or '*' or '_')) return false;
        char mark = line[i];
        int count = 0;
        for (; i < line.Length; i++)
        {
            if (line[i] == mark) count++;
            else if (!char.IsWhiteSpace(line[i])) return false;
        }

        return count >= 3;
    }

    /// <summary>Whether <paramref name="line"/> is a heading or a rule: a hard boundary that belongs to no sentence.</summary>
    public static bool IsBoundaryLine(ReadOnlySpan<char> line) => IsHeadingLine(line) || IsRuleLine(line);

    /// <summary>
    /// The parts of <paramref name="text"/> within [<paramref name="start"/>, <paramref name="end"/>) between
    /// heading and rule lines, trimmed, in order; parts holding only white space are left out. Without such lines
    /// this is the whole range, trimmed. Only a line that starts at a line start of the text can be a boundary.
    /// </summary>
    public static List<TextSpan> Blocks(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var result = new List<TextSpan>();
        if (text.AsSpan(start, end - start).IndexOfAny(s_lineMarks) < 0)
        {
            Add(text, start, end, result);
            return result;
        }

        int blockStart = start;
        int pos = start;
        while (pos < end)
        {
            int newline = text.AsSpan(pos, end - pos).IndexOfAny('\r', '\n');
            int lineEnd = newline < 0 ? end : pos + newline;
            int next = newline < 0 ? end : lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < end && text[lineEnd + 1] == '\n' ? 2 : 1);
            bool atLineStart = pos == 0 || text[pos - 1] is '\n' or '\r';
            if (atLineStart && IsBoundaryLine(text.AsSpan(pos, lineEnd - pos)))
            {
                Add(text, blockStart, pos, result);
                blockStart = next;
            }

            pos = next;
        }

        Add(text, blockStart, end, result);
        return result;
    }

    /// <summary>
    /// The text as a reader should see it on one line: emphasis markers and heading and rule lines removed
    /// (<see cref="Strip"/>), white space collapsed (<see cref="Whitespace.Collapse"/>). For display only: a quote's
    /// verbatim text and offsets are what is stored and returned by the API.
    /// </summary>
    public static string ForDisplay(string text) => Whitespace.Collapse(Strip(text));

    /// <summary>
    /// The text without Markdown, trimmed: heading and rule lines removed (the parts around one joined by a blank
    /// line, so they stay separate paragraphs) and paired emphasis markers removed (<see cref="StripEmphasis"/>).
    /// Other white space is left as it is.
    /// </summary>
    public static string Strip(string text)
    {
        var blocks = Blocks(text);
        if (blocks.Count == 1 && blocks[0].Start == 0 && blocks[0].End == text.Length) return StripEmphasis(text);
        var sb = new StringBuilder(text.Length);
        foreach (var block in blocks)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append(text, block.Start, block.Length);
        }

        return StripEmphasis(sb.ToString());
    }

    /// <summary>
    /// The text with paired emphasis markers removed and everything else untouched: <c>**a**</c>, <c>__a__</c>,
    /// <c>*a*</c> and <c>***a***</c> give <c>a</c>. A marker opens only before a non-space and closes only after one,
    /// an underscore marker never sits inside a word, pairs do not cross a blank line, and unpaired or long runs of
    /// asterisks ("5 * 3", "***************") stay.
    /// </summary>
    public static string StripEmphasis(string text)
    {
        if (text.AsSpan().IndexOfAny('*', '_') < 0) return text;
        var remove = new List<(int Start, int Length)>();
        foreach (var paragraph in Paragraphs.Split(text)) PairMarkers(text, paragraph, remove);
        if (remove.Count == 0) return text;

        remove.Sort();
        var sb = new StringBuilder(text.Length);
        int pos = 0;
        foreach (var (start, length) in remove)
        {
            sb.Append(text, pos, start - pos);
            pos = start + length;
        }

        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }

    /// <summary>Finds the emphasis marker pairs of one paragraph, innermost first, and records them for removal.</summary>
    private static void PairMarkers(string text, TextSpan paragraph, List<(int Start, int Length)> remove)
    {
        var openers = new List<(int Start, int Length, char Mark)>();
        int i = paragraph.Start;
        while (i < paragraph.End)
        {
            char c = text[i];
            if (c is not ('*' or '_'))
            {
                i++;
                continue;
            }

            int runStart = i;
            while (i < paragraph.End && text[i] == c) i++;
            int length = i - runStart;
            if (length > 3 || (c == '_' && length != 2)) continue;

            char before = runStart > paragraph.Start ? text[runStart - 1] : ' ';
            char after = i < paragraph.End ? text[i] : ' ';
            bool canOpen = !char.IsWhiteSpace(after);
            bool canClose = !char.IsWhiteSpace(before);
            if (c == '_')
            {
                canOpen &= !char.IsLetterOrDigit(before);
                canClose &= !char.IsLetterOrDigit(after);
            }

            int match = canClose ? openers.FindLastIndex(o => o.Mark == c && o.Length == length) : -1;
            if (match >= 0)
            {
                remove.Add((openers[match].Start, length));
                remove.Add((runStart, length));
                openers.RemoveRange(match, openers.Count - match);
            }
            else if (canOpen)
            {
                openers.Add((runStart, length, c));
            }
        }
    }

    /// <summary>Index after up to three leading spaces, or -1 when the line is indented further (code, not markup).</summary>
    private static int LeadingSpaces(ReadOnlySpan<char> line)
    {
        int i = 0;
        while (i < line.Length && line[i] == ' ') i++;
        return i <= 3 ? i : -1;
    }

    private static void Add(string text, int start, int end, List<TextSpan> result)
    {
        var span = Paragraphs.Trim(text, start, end);
        if (span.Length > 0) result.Add(span);
    }
}
