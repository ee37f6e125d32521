using System.Globalization;
using System.Text;
using ChatBot.Answering;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Text;

namespace ChatBot.Telegram.Formatting;

/// <summary>
/// Renders answers, quote cards and quote sources as Telegram HTML for phones: each quote a
/// <c>&lt;blockquote&gt;</c> of its verbatim words (for display only: white space folded, Markdown emphasis markers
/// and heading or rule lines dropped, see <see cref="MarkupText.Strip"/>), numbered [1], [2] as the answer text
/// cites them, followed by "— Speaker, Post · Title, Place, Date" linking to the transcript.
/// </summary>
internal static class AnswerFormatter
{
    private const string Omission = " […]";
    private const string EmptyAnswer = "<i>The answer came back empty. Please try rephrasing the question.</i>";
    private const int MaxTitleLength = 300;
    private const int MaxPlaceLength = 120;

    /// <summary>An answer as one or more messages.</summary>
    public static List<string> FormatAnswer(Answer answer, int maxLength = MessageComposer.MaxLength)
    {
        var blocks = new List<MessageBlock>();
        if (answer.Refused)
        {
            blocks.AddRange(ProseParagraphs(answer.Text));
            if (!StatesCount(answer.Text, answer.DocumentsSearched))
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
        new(quote.Text, $"<b>[{number}]</b>", Citation(quote));

    /// <summary>
    /// The message of an inline quote card: the quote and its citation. A quote too long for one message keeps its
    /// opening words up to a sentence boundary, and the cut is marked "[…]".
    /// </summary>
    public static string FormatQuoteCard(QuoteResult quote, int maxLength = MessageComposer.MaxLength)
    {
        string Card(string text, bool cut) =>
            $"<blockquote>{TelegramHtml.Escape(TelegramHtml.FoldWhitespace(text))}{(cut ? Omission : "")}</blockquote>\n{Citation(quote)}";

        var text = MarkupText.Strip(quote.Text);
        var whole = Card(text, cut: false);
        if (MessageComposer.Fits(whole, maxLength)) return whole;
        var first = MessageComposer.SplitToFit(text, piece => MessageComposer.Fits(Card(piece, cut: true), maxLength)).FirstOrDefault() ?? "";
        return Card(first, cut: true);
    }

    /// <summary>The title of an inline quote card: who and when.</summary>
    public static string CardTitle(QuoteResult quote)
    {
        var date = DisplayDate(quote.Document);
        return Truncate(date is null ? quote.Speaker : $"{quote.Speaker}, {date}", 100);
    }

    /// <summary>The description of an inline quote card: the opening of the quote.</summary>
    public static string CardDescription(QuoteResult quote) =>
        Truncate(MarkupText.ForDisplay(quote.Text), 160);

    /// <summary>
    /// The full context of quote <paramref name="number"/>: the journalist's question (labelled as the question) and
    /// the official's whole answer turn, with the citation. Without the document, the quoted passage itself.
    /// </summary>
    public static List<string> FormatSource(int number, QuoteResult quote, TranscriptDocument? document, int maxLength = MessageComposer.MaxLength)
    {
        var blocks = new List<MessageBlock> { new HtmlBlock($"<b>Source of [{number}]</b>\n{DocumentCitation(quote.Document)}") };
        var turn = document is null ? null : FindTurn(document, quote);
        string? question = (document is not null && turn is not null ? QuestionBefore(document, turn) : null) ?? quote.Question;
        if (!string.IsNullOrWhiteSpace(question))
            blocks.Add(new ProseBlock(TelegramHtml.FoldWhitespace(MarkupText.Strip(question)), ProseStyle.Italic, "<b>Question asked (by a journalist, not the speaker's words):</b>\n"));

        string speaker = TelegramHtml.Escape(quote.Speaker);
        string verb = string.IsNullOrWhiteSpace(question) ? "said" : "answered";
        if (document is not null && turn is not null)
        {
            blocks.Add(new QuoteBlock(document.TextOf(turn), $"<b>{speaker} {verb}:</b>", Citation(quote)));
        }
        else
        {
            blocks.Add(new QuoteBlock(quote.Text, $"<b>{speaker} {verb}:</b>", Citation(quote)));
            blocks.Add(new HtmlBlock("<i>The full transcript is not available; this is the quoted passage.</i>"));
        }

        return MessageComposer.Compose(blocks, maxLength);
    }

    /// <summary>"— Speaker, Post · Title, Place, Date", the title linked when the document has a URL.</summary>
    public static string Citation(QuoteResult quote) => $"— {TelegramHtml.Escape(Speaker(quote))} · {DocumentCitation(quote.Document)}";

    /// <summary>"Title, Place, Date", the title linked when the document has a URL (absurdly long fields shortened).</summary>
    public static string DocumentCitation(DocumentInfo document)
    {
        var sb = new StringBuilder();
        var title = TelegramHtml.Escape(Truncate(document.Title.Trim(), MaxTitleLength));
        if (TelegramHtml.SafeUrl(document.Url) is { } url)
            sb.Append("<a href=\"").Append(TelegramHtml.EscapeAttribute(url)).Append("\">").Append(title).Append("</a>");
        else
            sb.Append(title);
        if (!string.IsNullOrWhiteSpace(document.Place)) sb.Append(", ").Append(TelegramHtml.Escape(Truncate(document.Place.Trim(), MaxPlaceLength)));
        if (DisplayDate(document) is { } date) sb.Append(", ").Append(date);
        return sb.ToString();
    }

    /// <summary>The date as people write it ("8 November 2017"), the year alone, or null.</summary>
    public static string? DisplayDate(DocumentInfo document) =>
        document.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? document.Year?.ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 document", "3 documents".</summary>
    public static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>Whether a refusal's own text already says how many documents were searched.</summary>
    private static bool StatesCount(string text, int documents) =>
        text.Contains("searched", StringComparison.OrdinalIgnoreCase)
        && (text.Contains(documents.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) || text.Contains(documents.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private static string Speaker(QuoteResult quote) =>
        string.IsNullOrWhiteSpace(quote.Post) ? quote.Speaker : $"{quote.Speaker}, {quote.Post}";

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
