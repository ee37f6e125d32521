using ChatBot.Text;

namespace ChatBot.Web;

/// <summary>
/// Verbatim text on a page laid out as its reader's paragraphs (<see cref="DisplayText.Paragraphs"/>): every character
/// of the stored text is written, encoded, so a page's text stays exactly the stored slice (a quote's
/// <c>textContent</c> equals <c>text[start..end]</c>); line breaks inside a paragraph fold into spaces under the
/// page's normal white-space rule, and a <c>&lt;br&gt;&lt;br&gt;</c> (no text of its own) ends each paragraph.
/// </summary>
internal static class VerbatimHtml
{
    private const string ParagraphBreak = "<br><br>";

    /// <summary>
    /// Writes <c>text[start..end]</c>, breaking lines where the paragraphs of the enclosing passage
    /// <paramref name="paragraphs"/> end (so a passage can be written in pieces, e.g. around a highlight).
    /// </summary>
    public static void Add(Html html, string text, int start, int end, IReadOnlyList<TextSpan> paragraphs)
    {
        int pos = start;
        for (int i = 0; i + 1 < paragraphs.Count; i++)
        {
            var (current, next) = (paragraphs[i], paragraphs[i + 1]);
            pos = BreakAt(html, text, pos, end, current.End);
            // Text between two paragraphs that is not white space (a heading line) stands on a line of its own.
            if (!text.AsSpan(current.End, next.Start - current.End).IsWhiteSpace()) pos = BreakAt(html, text, pos, end, next.Start);
        }

        if (pos < end) html.Text(text[pos..end]);
    }

    /// <summary>Writes up to <paramref name="at"/> and a paragraph break there, when <paramref name="at"/> falls in (pos, end].</summary>
    private static int BreakAt(Html html, string text, int pos, int end, int at)
    {
        if (at <= pos || at > end) return pos;
        html.Text(text[pos..at]);
        html.Add(new Markup(ParagraphBreak));
        return at;
    }
}
