using System.Globalization;
using System.Text;
using ChatBot.Answering;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Text;

namespace ChatBot.Telegram.Formatting;

/// <summary>
/// Renders answers, quote cards and quote sources as Telegram HTML for phones: each quote a
/// <c>&lt;blockquote&gt;</c> of its verbatim words (for display only: the source file's line breaks within a paragraph
/// joined, Markdown emphasis markers and heading or rule lines dropped, see <see cref="DisplayText.ForReading"/>),
/// numbered [1], [2] as the answer text cites them, followed by its <see cref="ChatBot.Model.Citation"/>:
/// "— Speaker, Post · Event · Place, Date", the event linked to the published transcript, or a link to the UN's page
/// of a General Debate speech after it.
/// </summary>
internal static class AnswerFormatter
{
    private const string Omission = " […]";
    private const string EmptyAnswer = "<i>The answer came back empty. Please try rephrasing the question.</i>";
    private const int MaxEventLength = 300;
    private const int MaxWhoLength = 200;
    private const int MaxPlaceLength = 120;

    /// <summary>An answer as one or more messages.</summary>
    public static List<string> FormatAnswer(Answer answer, int maxLength = MessageComposer.MaxLength)
    {
        var blocks = new List<MessageBlock>();
        if (answer.Refused)
        {
            blocks.AddRange(ProseParagraphs(answer.Text));
            // A refusal with a reason is the answer service's own, which says how many documents were searched.
            if (answer.RefusalReason is null)
                blocks.Add(new HtmlBlock($"<i>The transcripts hold no answer to this: {Count(answer.DocumentsSearched, "document")} searched.</i>"));
        }
        else
        {
            if (answer.Mode == AnswerMode.Llm || string.IsNullOrWhiteSpace(answer.Lead))
                blocks.AddRange(ProseParagraphs(answer.Text));
            else
                blocks.Add(new ProseBlock(answer.Lead, ProseStyle.Bold));

            for (int i = 0; i < answer.Quotes.Count; i++)
                blocks.Add(QuoteWithCitation(i + 1, answer.Quotes[i]));
        }

        if (!string.IsNullOrWhiteSpace(answer.Notice))
            blocks.Add(new ProseBlock(answer.Notice, ProseStyle.Italic));
        var messages = MessageComposer.Compose(blocks, maxLength);
        return messages.Count > 0 ? messages : [EmptyAnswer];
    }

    /// <summary>Quote <paramref name="number"/> of an answer: heading [n], the quote, the citation.</summary>
    public static QuoteBlock QuoteWithCitation(int number, QuoteResult quote) =>
        new(quote.Text, $"<b>[{number}]</b>", RelayedNote.For(quote) is { } relayed ? $"{Citation(quote)}\n<i>{TelegramHtml.Escape(relayed)}</i>" : Citation(quote));

    /// <summary>
    /// The message of an inline quote card: the quote and its citation. A quote too long for one message keeps its
    /// opening words up to a sentence boundary, and the cut is marked "[…]".
    /// </summary>
    public static string FormatQuoteCard(QuoteResult quote, int maxLength = MessageComposer.MaxLength)
    {
        string Card(string text, bool cut) =>
            $"<blockquote>{TelegramHtml.Escape(text)}{(cut ? Omission : "")}</blockquote>\n{Citation(quote)}";

        var text = DisplayText.ForReading(quote.Text);
        var whole = Card(text, cut: false);
        if (MessageComposer.Fits(whole, maxLength)) return whole;
        var first = MessageComposer.SplitToFit(text, piece => MessageComposer.Fits(Card(piece, cut: true), maxLength)).FirstOrDefault() ?? "";
        return Card(first, cut: true);
    }

    /// <summary>The title of an inline quote card: who and when.</summary>
    public static string CardTitle(QuoteResult quote)
    {
        var date = CitationBuilder.For(quote).DateText;
        return Truncate(date is null ? quote.Speaker : $"{quote.Speaker}, {date}", 100);
    }

    /// <summary>The description of an inline quote card: the opening of the quote.</summary>
    public static string CardDescription(QuoteResult quote) =>
        Truncate(MarkupText.ForDisplay(quote.Text), 160);

    /// <summary>
    /// The context of quote <paramref name="number"/>: the journalist's question it answers (labelled as the question),
    /// then the paragraphs of the official's turn around the quote, <paramref name="contextParagraphs"/> on each side,
    /// with the quoted words in bold, the citation, and where to read the whole transcript. Without the document, the
    /// quoted passage itself.
    /// </summary>
    public static List<string> FormatSource(
        int number, QuoteResult quote, TranscriptDocument? document, int contextParagraphs = TelegramOptions.DefaultSourceContextParagraphs, int maxLength = MessageComposer.MaxLength)
    {
        var citation = CitationBuilder.For(quote);
        var blocks = new List<MessageBlock> { new HtmlBlock($"<b>Source of [{number}]</b>") };
        var turn = document is null ? null : FindTurn(document, quote);
        string? question = (document is not null && turn is not null ? QuestionBefore(document, turn) : null) ?? quote.Question;
        if (!string.IsNullOrWhiteSpace(question))
            blocks.Add(new ProseBlock(DisplayText.ForReading(MarkupText.Strip(question)), ProseStyle.Italic, "<b>Question asked (by a journalist, not the speaker's words):</b>\n"));

        string speaker = TelegramHtml.Escape(quote.Speaker);
        string verb = string.IsNullOrWhiteSpace(question) ? "said" : "answered";
        // The link goes once, on its own line at the end.
        var footer = Citation(citation with { Link = null, LinkKind = null, LinkTitle = null });
        var window = document is not null && turn is not null ? SourceWindow.Around(document, turn, quote, contextParagraphs) : null;
        if (window is not null)
        {
            // Bold marks the quote only when the passage holds more than the quote.
            bool more = window.Quote.Length < window.Text.Length;
            var header = more ? $"<b>{speaker} {verb}</b> (quote [{number}] in bold):" : $"<b>{speaker} {verb}:</b>";
            blocks.Add(new PassageBlock(window.Text, more ? window.Quote : default, header, footer));
        }
        else
        {
            blocks.Add(new QuoteBlock(quote.Text, $"<b>{speaker} {verb}:</b>", footer));
            if (document is null) blocks.Add(new HtmlBlock("<i>The full transcript is not available; this is the quoted passage.</i>"));
        }

        blocks.Add(new HtmlBlock(FullTranscript(citation, quote.Document)));
        return MessageComposer.Compose(blocks, maxLength);
    }

    /// <summary>"— Speaker, Post · Event · Place, Date", the event linked to the published transcript (or the UN's page linked after it).</summary>
    public static string Citation(QuoteResult quote) => Citation(CitationBuilder.For(quote));

    /// <summary>"— Speaker, Post · Event · Place, Date" (absurdly long fields shortened), with the citation's link.</summary>
    public static string Citation(Citation citation)
    {
        var sb = new StringBuilder("— ");
        sb.Append(TelegramHtml.Escape(Truncate(citation.Who, MaxWhoLength))).Append(Model.Citation.Separator);
        var eventName = TelegramHtml.Escape(Truncate(citation.Event, MaxEventLength));
        var link = TelegramHtml.SafeUrl(citation.Link);
        if (link is not null && citation.LinkKind == CitationLinkKind.Source)
            sb.Append("<a href=\"").Append(TelegramHtml.EscapeAttribute(link)).Append("\">").Append(eventName).Append("</a>");
        else
            sb.Append(eventName);
        if (citation.Where is { } where) sb.Append(Model.Citation.Separator).Append(TelegramHtml.Escape(Truncate(where, MaxPlaceLength)));
        if (link is not null && citation.LinkKind != CitationLinkKind.Source)
            sb.Append(Model.Citation.Separator).Append("<a href=\"").Append(TelegramHtml.EscapeAttribute(link)).Append("\">").Append(TelegramHtml.Escape(citation.LinkTitle ?? "Link")).Append("</a>");
        return sb.ToString();
    }

    /// <summary>Where to read the whole transcript: the published one, the UN's page of the speech, or the file's name when no address is known.</summary>
    private static string FullTranscript(Citation citation, DocumentInfo document)
    {
        if (TelegramHtml.SafeUrl(citation.Link) is not { } link)
            return $"<i>No address of the full transcript is known; it is the file {TelegramHtml.Escape(Path.GetFileName(document.Source))}.</i>";
        var anchor = $"<a href=\"{TelegramHtml.EscapeAttribute(link)}\">";
        return citation.LinkKind == CitationLinkKind.Source
            ? $"Full transcript: {anchor}{TelegramHtml.Escape(new Uri(link).Host)}</a>"
            : $"Full speech: {anchor}{TelegramHtml.Escape(citation.LinkTitle ?? "Link")}</a> (video and statement)";
    }

    /// <summary>"1 document", "3 documents".</summary>
    public static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    private static IEnumerable<MessageBlock> ProseParagraphs(string text) =>
        Paragraphs.Split(text).Select(span => new ProseBlock(MarkupText.StripEmphasis(span.Of(text))));

    private static Turn? FindTurn(TranscriptDocument document, QuoteResult quote)
    {
        var turn = document.Turns.FirstOrDefault(t => t.Index == quote.TurnIndex);
        if (turn is not null && turn.Start <= quote.Start && quote.End <= turn.End) return turn;
        return document.Turns.FirstOrDefault(t => t.Start <= quote.Start && quote.End <= t.End) ?? turn;
    }

    /// <summary>The question the turn answers: the nearest earlier question turn with only procedural voices between.</summary>
    private static string? QuestionBefore(TranscriptDocument document, Turn turn)
    {
        int position = -1;
        for (int i = 0; i < document.Turns.Count; i++)
        {
            if (ReferenceEquals(document.Turns[i], turn)) { position = i; break; }
        }

        for (int i = position - 1; i >= 0; i--)
        {
            var previous = document.Turns[i];
            if (previous.Role == SpeakerRole.Question) return document.TextOf(previous);
            if (previous.Role == SpeakerRole.Principal) return null;
        }

        return null;
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        int cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + "…";
    }
}
