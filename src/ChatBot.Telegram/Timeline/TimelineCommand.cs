using System.Globalization;
using System.Text;
using ChatBot.Answering;
using ChatBot.Retrieval;
using ChatBot.Storage;
using ChatBot.Telegram.Api;
using ChatBot.Telegram.Formatting;
using ChatBot.Telegram.Handling;
using ChatBot.Text;
using ChatBot.Timeline;

namespace ChatBot.Telegram.Timeline;

/// <summary>
/// <c>/timeline TOPIC</c>: the statements on a topic per year (or month) as a chart (<c>sendPhoto</c>), then the first
/// and the most recent quote with their citations.
/// </summary>
internal sealed class TimelineCommand(ITelegramBotApi api, ISearchService search, ITranscriptStore store, AccessPolicy access, TimelineOptions? options = null)
{
    public const string Usage = "Send <code>/timeline TOPIC</code> to see when a topic was spoken about, for example <code>/timeline North Korea</code>.";

    /// <summary>Answers the command in <paramref name="chatId"/>.</summary>
    public async Task RunAsync(long userId, long chatId, int? replyTo, int? threadId, string topic, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            await api.SendHtmlAsync(chatId, Usage, replyTo, threadId, cancellationToken);
            return;
        }

        // A timeline runs several searches: it counts against the same per-user limit as a question.
        if (!access.TryAcquireQuestion(userId, out bool warn, out var retryAfter))
        {
            if (warn) await api.SendHtmlAsync(chatId, BotTexts.RateLimited(access.QuestionsPerMinute, retryAfter), replyTo, threadId, cancellationToken);
            return;
        }

        ChatBot.Timeline.Timeline timeline;
        try
        {
            timeline = await new TimelineService(search, store, options).GetAsync(new TimelineRequest { Topic = topic.Trim() }, cancellationToken);
        }
        catch (ArgumentException e)
        {
            await api.SendHtmlAsync(chatId, TelegramHtml.Escape(e.Message), replyTo, threadId, cancellationToken);
            return;
        }

        if (timeline.First is not { } first || timeline.Latest is not { } latest)
        {
            await api.SendHtmlAsync(chatId, $"No statement in the transcripts uses the words of “{TelegramHtml.Escape(timeline.Topic)}”.", replyTo, threadId, cancellationToken);
            return;
        }

        await api.SendPhotoAsync(chatId, TimelineImage.Render(timeline), "timeline.png", Caption(timeline), replyTo, threadId, cancellationToken);
        await api.SendHtmlAsync(chatId, Quotes(first, latest), null, threadId, cancellationToken);
    }

    /// <summary>"“North Korea”: 7 statements, 2016-2017." (within the 1024 characters of a caption).</summary>
    internal static string Caption(ChatBot.Timeline.Timeline t)
    {
        var topic = t.Topic.Length > 200 ? t.Topic[..199] + "…" : t.Topic;
        var span = t.Buckets.Count == 0 ? "" : t.Buckets[0].Period == t.Buckets[^1].Period ? $", {t.Buckets[0].Period}" : $", {t.Buckets[0].Period}–{t.Buckets[^1].Period}";
        var total = string.Create(CultureInfo.InvariantCulture, $"{t.Total}{(t.Complete ? "" : " or more")} {(t.Total == 1 ? "statement" : "statements")}");
        return $"<b>“{TelegramHtml.Escape(topic)}”</b>: {total}{span}.";
    }

    /// <summary>The first and the latest quote, each with its citation.</summary>
    internal static string Quotes(QuoteResult first, QuoteResult latest)
    {
        var sb = new StringBuilder();
        Append(sb, "First said", first);
        if (!ReferenceEquals(first, latest))
        {
            sb.Append("\n\n");
            Append(sb, "Most recently said", latest);
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string heading, QuoteResult q)
    {
        sb.Append("<b>").Append(heading).Append("</b>\n<blockquote>").Append(TelegramHtml.Escape(MarkupText.ForDisplay(q.Text))).Append("</blockquote>\n")
            .Append(AnswerFormatter.Citation(q));
    }
}
