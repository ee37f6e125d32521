using System.Globalization;
using System.Text;
using ChatBot.Model;
using ChatBot.Storage;

namespace ChatBot.Telegram.Formatting;

/// <summary>The bot's fixed replies, as Telegram HTML.</summary>
internal static class BotTexts
{
    /// <summary>The command menu: name (1-32 of a-z, 0-9, _) and description.</summary>
    public static readonly IReadOnlyList<(string Command, string Description)> Commands =
    [
        ("ask", "Ask a question about the officials' statements"),
        ("quote", "Verbatim quotes on a topic, no summary"),
        ("source", "Full context of quote N of the last answer"),
        ("about", "What the transcripts cover"),
        ("help", "How to use this bot"),
        ("start", "Welcome and instructions"),
    ];

    public static string Start(string? botUsername) =>
        "<b>Hello!</b> I answer questions about officials' public statements with <b>verbatim, cited quotes</b> " +
        "from published transcripts (first corpus: Russian Foreign Minister Sergey Lavrov).\n\n" + Help(botUsername);

    public static string Help(string? botUsername)
    {
        var sb = new StringBuilder();
        sb.Append("<b>How to use</b>\n");
        sb.Append("• Just write a question, e.g. <i>What did Lavrov say about NATO expansion?</i> Follow-ups such as <i>And about Syria?</i> work too.\n");
        sb.Append("• /ask <i>question</i> — the same, as a command (in groups: /ask or mention me).\n");
        sb.Append("• /quote <i>topic</i> — only verbatim quotes, no summary.\n");
        sb.Append("• /source <i>N</i> — the question asked and the whole answer behind quote [N] of my last answer.\n");
        sb.Append("• /about — what the transcripts cover.\n");
        if (!string.IsNullOrEmpty(botUsername))
            sb.Append("• In any chat, type <code>@").Append(TelegramHtml.Escape(botUsername)).Append(" topic</code> to pick a sourced quote card and share it.\n");
        sb.Append("\nEvery quote is the speaker's exact words with its source; if the transcripts hold no answer, I say so.");
        return sb.ToString();
    }

    public const string AskUsage = "Send a question after the command, e.g. <code>/ask What did Lavrov say about the Iran nuclear deal?</code>";

    public const string QuoteUsage = "Send a topic after the command, e.g. <code>/quote sanctions</code>";

    public const string SourceUsage = "Send the quote number after the command, e.g. <code>/source 2</code> for quote [2] of my last answer.";

    public const string NoLastAnswer = "There is no recent answer of mine to take a source from. Ask a question first.";

    public const string TextOnly = "I read text only: send your question as a message.";

    public const string UnknownCommand = "I don't know that command. /help lists what I can do.";

    public const string NotAllowed = "Sorry, this bot is private: your account is not on its list of users.";

    public const string Failed = "Sorry, something went wrong while answering. Please try again in a moment.";

    public const string Unavailable = "Sorry, that is not available right now. Please try again later.";

    public static string TooLong(int length, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"That message is {length:N0} characters long. Please keep questions under {max:N0} characters.");

    public static string RateLimited(int perMinute, TimeSpan? retryAfter) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"You're asking faster than I can answer (up to {perMinute} questions a minute). Please try again {(retryAfter is { } wait ? $"in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds" : "shortly")}.");

    public static string Rejected(string reason) => "I couldn't take that question: " + TelegramHtml.Escape(reason);

    public static string NoSuchQuote(int number, int count) =>
        count == 0
            ? "My last answer cites no quotes."
            : string.Create(CultureInfo.InvariantCulture, $"My last answer has quotes [1] to [{count}]; there is no [{number}].");

    /// <summary>What the store holds: documents, date range, passages and the principal speakers.</summary>
    public static List<string> About(StoreStatistics statistics, IReadOnlyList<SpeakerSummary> speakers)
    {
        var blocks = new List<MessageBlock>();
        var sb = new StringBuilder("<b>What I know</b>\n");
        sb.Append(AnswerFormatter.Count(statistics.Documents, "transcript"));
        if (statistics.From is { } from && statistics.To is { } to)
            sb.Append(", ").Append(from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append(" – ").Append(to.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        sb.Append('\n').Append(AnswerFormatter.Count(statistics.Chunks, "indexed passage"));
        blocks.Add(new HtmlBlock(sb.ToString()));

        var principals = speakers.Where(s => s.Role == SpeakerRole.Principal).OrderByDescending(s => s.Chunks).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (principals.Count > 0)
        {
            var list = new StringBuilder("<b>Officials quoted</b>");
            foreach (var speaker in principals.Take(15))
            {
                list.Append("\n• ").Append(TelegramHtml.Escape(speaker.Name)).Append(" — ")
                    .Append(AnswerFormatter.Count(speaker.Chunks, "passage")).Append(" in ").Append(AnswerFormatter.Count(speaker.Documents, "document"));
            }

            if (principals.Count > 15)
                list.Append(CultureInfo.InvariantCulture, $"\n• and {principals.Count - 15} more");
            blocks.Add(new HtmlBlock(list.ToString()));
        }

        if (statistics.Documents == 0)
            blocks.Add(new HtmlBlock("<i>No transcripts are loaded yet.</i>"));
        return MessageComposer.Compose(blocks);
    }
}
