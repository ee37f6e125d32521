using System.Text;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Text;

namespace ChatBot.Telegram.Formatting;

/// <summary>
/// The context of a quote within its speaker's turn, for <c>/source</c>: the paragraphs holding the quote and up to
/// N paragraphs on each side (<see cref="TelegramOptions.SourceContextParagraphs"/>), as prose for display
/// (<see cref="DisplayText"/>: the file's line breaks within a paragraph joined, Markdown emphasis dropped), with the
/// quoted words located in it. Paragraphs left out at either end are marked "[…]". A turn as long as a UN speech
/// thus gives a few paragraphs, not the whole speech.
/// </summary>
/// <param name="Text">The passage, paragraphs separated by blank lines.</param>
/// <param name="Quote">Where the quoted words are in <paramref name="Text"/>.</param>
/// <param name="Whole">Whether the passage is the whole turn.</param>
internal sealed record SourceWindow(string Text, TextSpan Quote, bool Whole)
{
    /// <summary>The mark of paragraphs left out.</summary>
    public const string Omission = "[…]";

    /// <summary>
    /// The window around <paramref name="quote"/> in <paramref name="turn"/> of <paramref name="document"/>, or null
    /// when the quote's offsets do not fall in the turn's paragraphs.
    /// </summary>
    public static SourceWindow? Around(TranscriptDocument document, Turn turn, QuoteResult quote, int contextParagraphs)
    {
        var text = document.Text;
        if (quote.Start < turn.Start || quote.End > turn.End || quote.End > text.Length) return null;
        var paragraphs = DisplayText.Paragraphs(text, turn.Start, turn.End);
        int first = paragraphs.FindIndex(p => p.End > quote.Start);
        int last = paragraphs.FindLastIndex(p => p.Start < quote.End);
        if (first < 0 || last < first) return null;
        int from = Math.Max(0, first - contextParagraphs), to = Math.Min(paragraphs.Count - 1, last + contextParagraphs);

        var sb = new StringBuilder();
        if (from > 0) sb.Append(Omission).Append("\n\n");
        int highlightStart = -1, highlightEnd = -1;
        for (int i = from; i <= to; i++)
        {
            if (i > from) sb.Append("\n\n");
            var p = paragraphs[i];
            int paragraphStart = sb.Length;
            Append(sb, text, p.Start, Math.Min(p.End, Math.Max(p.Start, quote.Start)));
            int quoteStart = Math.Max(p.Start, quote.Start), quoteEnd = Math.Min(p.End, quote.End);
            if (quoteStart < quoteEnd)
            {
                int start = sb.Length;
                Append(sb, text, quoteStart, quoteEnd);
                if (highlightStart < 0) highlightStart = start;
                highlightEnd = sb.Length;
            }

            Append(sb, text, Math.Max(p.Start, Math.Min(p.End, quote.End)), p.End);
            Trim(sb, paragraphStart, ref highlightStart, ref highlightEnd);
        }

        if (to < paragraphs.Count - 1) sb.Append("\n\n").Append(Omission);
        if (highlightStart < 0) return null;
        return new SourceWindow(sb.ToString(), new TextSpan(highlightStart, highlightEnd), from == 0 && to == paragraphs.Count - 1);
    }

    /// <summary>Appends text[start..end] with its white space runs folded to one space and emphasis markers dropped.</summary>
    private static void Append(StringBuilder sb, string text, int start, int end)
    {
        if (end <= start) return;
        var piece = MarkupText.StripEmphasis(text[start..end]);
        bool space = sb.Length > 0 && sb[^1] == ' ';
        foreach (char c in piece)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space && sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
    }

    /// <summary>Removes a space left at the end of the paragraph that began at <paramref name="paragraphStart"/>, keeping the highlight inside the text.</summary>
    private static void Trim(StringBuilder sb, int paragraphStart, ref int highlightStart, ref int highlightEnd)
    {
        while (sb.Length > paragraphStart && sb[^1] == ' ') sb.Length--;
        if (highlightEnd > sb.Length) highlightEnd = sb.Length;
        if (highlightStart > highlightEnd) highlightStart = highlightEnd;
        // A highlight that starts on a folded space starts at the next word.
        while (highlightStart >= 0 && highlightStart < highlightEnd && sb[highlightStart] == ' ') highlightStart++;
        while (highlightEnd > highlightStart && highlightStart >= 0 && sb[highlightEnd - 1] == ' ') highlightEnd--;
    }
}
