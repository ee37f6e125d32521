using System.Text;
using ChatBot.Text;

namespace ChatBot.Telegram.Formatting;

/// <summary>
/// Packs blocks into Telegram messages of at most <see cref="MaxLength"/> characters, counted both on the raw HTML and
/// on the visible text. Every message is valid HTML on its own: blocks are rendered whole, and a block too long for
/// one message is cut between paragraphs, sentences or words of its plain text, each part escaped and tagged anew,
/// so no cut falls inside a tag or an entity.
/// </summary>
internal static class MessageComposer
{
    /// <summary>Telegram's limit for a message text (after entity parsing); also kept for the raw HTML.</summary>
    public const int MaxLength = 4096;

    private const string BlockSeparator = "\n\n";
    private const string ContinuedHtml = "<i>(continued)</i>";

    /// <summary>The raw length of the tags that mark a highlight ("&lt;b&gt;&lt;/b&gt;").</summary>
    private const int HighlightTagsLength = 7;

    /// <summary>The blocks as messages, in order.</summary>
    public static List<string> Compose(IEnumerable<MessageBlock> blocks, int maxLength = MaxLength)
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        foreach (var block in blocks)
        {
            var parts = Render(block, maxLength);
            if (parts.Count > 1) Flush(messages, current);
            foreach (var part in parts.Where(p => p.Length > 0))
            {
                if (current.Length > 0 && current.Length + BlockSeparator.Length + part.Length > maxLength)
                    Flush(messages, current);
                if (current.Length > 0) current.Append(BlockSeparator);
                current.Append(part);
            }
        }

        Flush(messages, current);
        return messages;
    }

    /// <summary>Whether <paramref name="html"/> fits one message: raw length and visible length both within the limit.</summary>
    public static bool Fits(string html, int maxLength = MaxLength) =>
        html.Length <= maxLength && TelegramHtml.VisibleLength(html) <= maxLength;

    /// <summary>
    /// Cuts <paramref name="text"/> into consecutive pieces each accepted by <paramref name="fits"/>, preferring
    /// paragraph boundaries, then sentence boundaries, then spaces; a single over-long word is cut between characters
    /// (never inside a surrogate pair). The pieces, joined with white space, give back every word of the text.
    /// </summary>
    public static List<string> SplitToFit(string text, Func<string, bool> fits)
    {
        var result = new List<string>();
        SplitInto(text.Trim(), fits, result);
        return result;
    }

    private static void SplitInto(string text, Func<string, bool> fits, List<string> result)
    {
        if (text.Length == 0) return;
        if (fits(text))
        {
            result.Add(text);
            return;
        }

        var units = Units(text);
        if (units.Count <= 1)
        {
            SplitCharacters(text, fits, result);
            return;
        }

        int groupStart = -1, groupEnd = -1;
        foreach (var unit in units)
        {
            if (groupStart >= 0 && fits(text[groupStart..unit.End]))
            {
                groupEnd = unit.End;
                continue;
            }

            if (groupStart >= 0) result.Add(text[groupStart..groupEnd]);
            groupStart = -1;
            var unitText = unit.Of(text);
            if (fits(unitText))
            {
                groupStart = unit.Start;
                groupEnd = unit.End;
            }
            else
            {
                SplitInto(unitText, fits, result);
            }
        }

        if (groupStart >= 0) result.Add(text[groupStart..groupEnd]);
    }

    /// <summary>The largest boundary units of the text: paragraphs, else sentences, else words.</summary>
    private static List<TextSpan> Units(string text)
    {
        var paragraphs = Paragraphs.Split(text);
        if (paragraphs.Count > 1) return paragraphs;
        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count > 1) return sentences;

        var words = new List<TextSpan>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) words.Add(new TextSpan(start, i));
        }

        return words;
    }

    private static void SplitCharacters(string text, Func<string, bool> fits, List<string> result)
    {
        int pos = 0;
        while (pos < text.Length)
        {
            int lo = 1, hi = text.Length - pos, best = 0;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                if (fits(text.Substring(pos, mid))) { best = mid; lo = mid + 1; }
                else hi = mid - 1;
            }

            if (best > 1 && char.IsHighSurrogate(text[pos + best - 1])) best--;
            if (best == 0) throw new InvalidOperationException("The message limit is too small for a single character.");
            result.Add(text.Substring(pos, best));
            pos += best;
        }
    }

    private static List<string> Render(MessageBlock block, int maxLength) => block switch
    {
        HtmlBlock html => Fits(html.Html, maxLength)
            ? [html.Html]
            : throw new InvalidOperationException("A fixed HTML block is longer than one message."),
        ProseBlock prose => RenderProse(prose, maxLength),
        QuoteBlock quote => RenderQuote(quote, maxLength),
        PassageBlock passage => RenderBlockquote(passage.Text, passage.Highlight, passage.HeaderHtml, passage.FooterHtml, maxLength),
        _ => throw new ArgumentOutOfRangeException(nameof(block)),
    };

    private static List<string> RenderProse(ProseBlock prose, int maxLength)
    {
        string Part(string text, bool first) =>
            (first ? prose.LabelHtml ?? "" : "") + prose.Style switch
            {
                ProseStyle.Bold => $"<b>{TelegramHtml.Escape(text)}</b>",
                ProseStyle.Italic => $"<i>{TelegramHtml.Escape(text)}</i>",
                _ => TelegramHtml.Escape(text),
            };

        if (string.IsNullOrWhiteSpace(prose.Text)) return prose.LabelHtml is null ? [] : [prose.LabelHtml];
        var whole = Part(prose.Text.Trim(), first: true);
        if (Fits(whole, maxLength)) return [whole];
        var pieces = SplitToFit(prose.Text, piece => Fits(Part(piece, first: true), maxLength));
        return [.. pieces.Select((piece, i) => Part(piece, i == 0))];
    }

    /// <summary>A quote: Markdown in the source (emphasis, heading and rule lines) is not the speaker's words, and is
    /// dropped before any cut, so that a marker pair never ends up split between two messages.</summary>
    private static List<string> RenderQuote(QuoteBlock quote, int maxLength) =>
        RenderBlockquote(DisplayText.ForReading(quote.Quote), null, quote.HeaderHtml, quote.FooterHtml, maxLength);

    private static List<string> RenderBlockquote(string text, TextSpan? highlight, string? headerHtml, string? footerHtml, int maxLength)
    {
        // offset: where the piece starts in the text, so that it marks its share of the highlight; -1 for none.
        string Part(string piece, int offset, string? header, string? footer)
        {
            var sb = new StringBuilder();
            if (header is not null) sb.Append(header).Append('\n');
            sb.Append("<blockquote>");
            if (offset >= 0 && highlight is { } h && h.Start < offset + piece.Length && offset < h.End)
            {
                int start = Math.Max(h.Start - offset, 0), end = Math.Min(h.End - offset, piece.Length);
                sb.Append(TelegramHtml.Escape(piece[..start])).Append("<b>").Append(TelegramHtml.Escape(piece[start..end])).Append("</b>")
                    .Append(TelegramHtml.Escape(piece[end..]));
            }
            else
            {
                sb.Append(TelegramHtml.Escape(piece));
            }

            sb.Append("</blockquote>");
            if (footer is not null) sb.Append('\n').Append(footer);
            return sb.ToString();
        }

        var whole = Part(text, 0, headerHtml, footerHtml);
        if (Fits(whole, maxLength)) return [whole];

        // Longer than a message: cut between paragraphs or sentences, sizing every part as if it carried both the
        // longer heading, the footer and the highlight's tags, so that each one fits whatever it carries.
        var header = (headerHtml?.Length ?? 0) >= ContinuedHtml.Length ? headerHtml : ContinuedHtml;
        int reserve = highlight is null ? 0 : HighlightTagsLength;
        var pieces = SplitToFit(text, piece => Fits(Part(piece, -1, header, footerHtml), maxLength - reserve));
        var parts = new List<string>(pieces.Count);
        int cursor = 0;
        for (int i = 0; i < pieces.Count; i++)
        {
            // The pieces are the text's own slices, in order.
            int offset = text.IndexOf(pieces[i], cursor, StringComparison.Ordinal);
            cursor = offset + pieces[i].Length;
            parts.Add(Part(pieces[i], offset, i == 0 ? headerHtml : ContinuedHtml, i == pieces.Count - 1 ? footerHtml : null));
        }

        return parts;
    }

    private static void Flush(List<string> messages, StringBuilder current)
    {
        if (current.Length == 0) return;
        messages.Add(current.ToString());
        current.Clear();
    }
}
