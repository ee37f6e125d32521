using System.Diagnostics;
using System.Globalization;
using ChatBot.Answering;
using ChatBot.Conversations;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;
using ChatBot.Telegram.Api;
using ChatBot.Telegram.Diagnostics;
using ChatBot.Telegram.Formatting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;

namespace ChatBot.Telegram.Handling;

/// <summary>
/// Handles one update: a switch on its shape (message or inline query), then on the command word. Scoped: one
/// instance per update, so the answering services may be scoped too.
/// </summary>
internal sealed class TelegramUpdateHandler(
    ITelegramBotApi api,
    IAnswerService answers,
    ISearchService search,
    ITranscriptStore store,
    IConversationStore conversations,
    AccessPolicy access,
    BotIdentity identity,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> logger)
{
    private static readonly InlineQueryResultsButton s_inlineHelp = new() { Text = "How to search for quotes", StartParameter = "help" };
    private readonly TelegramOptions _options = options.Value;

    /// <summary>The update types the bot asks Telegram for.</summary>
    public static readonly IReadOnlyCollection<UpdateType> AllowedUpdates = [UpdateType.Message, UpdateType.InlineQuery];

    /// <summary>Handles the update; errors propagate to the caller, which logs them.</summary>
    public Task HandleAsync(Update update, CancellationToken cancellationToken) => update switch
    {
        { Message: { } message } => OnMessageAsync(message, cancellationToken),
        { InlineQuery: { } query } => OnInlineQueryAsync(query, cancellationToken),
        _ => Ignore(update),
    };

    private Task Ignore(Update update)
    {
        Log.UpdateIgnored(logger, update.Id, update.Type);
        return Task.CompletedTask;
    }

    private async Task OnMessageAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.From is not { IsBot: false } from) return;
        if (message.Chat.Type is not (ChatType.Private or ChatType.Group or ChatType.Supergroup)) return;
        bool isPrivate = message.Chat.Type == ChatType.Private;
        var reply = new ReplyTarget(message.Chat.Id, isPrivate ? null : message.MessageId, message.IsTopicMessage ? message.MessageThreadId : null);

        var incoming = IncomingText.Parse(message, identity.Username, identity.Id, isPrivate);
        if (incoming is null)
        {
            if (isPrivate && access.IsAllowed(from.Id, message.Chat.Id)) await SendAsync(reply, [BotTexts.TextOnly], cancellationToken);
            return;
        }

        if (!incoming.Addressed) return;
        if (!access.IsAllowed(from.Id, message.Chat.Id))
        {
            Log.AccessDenied(logger, from.Id, message.Chat.Id);
            if (isPrivate) await SendAsync(reply, [BotTexts.NotAllowed], cancellationToken);
            return;
        }

        switch (incoming.Command)
        {
            case null:
                await AnswerQuestionAsync(reply, from.Id, incoming.Argument, quotesOnly: false, usage: null, cancellationToken);
                break;
            case "start":
                await SendAsync(reply, [incoming.Argument == "help" ? BotTexts.Help(identity.Username) : BotTexts.Start(identity.Username)], cancellationToken);
                break;
            case "help":
                await SendAsync(reply, [BotTexts.Help(identity.Username)], cancellationToken);
                break;
            case "ask":
                await AnswerQuestionAsync(reply, from.Id, incoming.Argument, quotesOnly: false, BotTexts.AskUsage, cancellationToken);
                break;
            case "quote":
                await AnswerQuestionAsync(reply, from.Id, incoming.Argument, quotesOnly: true, BotTexts.QuoteUsage, cancellationToken);
                break;
            case "source":
                await ShowSourceAsync(reply, incoming.Argument, cancellationToken);
                break;
            case "about":
                await ShowAboutAsync(reply, cancellationToken);
                break;
            case "timeline":
                await new Timeline.TimelineCommand(api, search, store, access).RunAsync(from.Id, reply.ChatId, reply.ReplyToMessageId, reply.ThreadId, incoming.Argument, cancellationToken);
                break;
            default:
                if (incoming.NamedThisBot) await SendAsync(reply, [BotTexts.UnknownCommand], cancellationToken);
                break;
        }
    }

    private async Task AnswerQuestionAsync(ReplyTarget reply, long userId, string question, bool quotesOnly, string? usage, CancellationToken cancellationToken)
    {
        if (question.Length == 0)
        {
            await SendAsync(reply, [usage ?? BotTexts.AskUsage], cancellationToken);
            return;
        }

        if (question.Length > _options.MaxQuestionLength)
        {
            await SendAsync(reply, [BotTexts.TooLong(question.Length, _options.MaxQuestionLength)], cancellationToken);
            return;
        }

        if (!access.TryAcquireQuestion(userId, out bool warn, out var retryAfter))
        {
            Log.RateLimited(logger, userId, warn);
            if (warn) await SendAsync(reply, [BotTexts.RateLimited(access.QuestionsPerMinute, retryAfter)], cancellationToken);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        Answer answer;
        await using (TypingIndicator.Start(api, reply.ChatId, reply.ThreadId, logger, time, cancellationToken))
        {
            try
            {
                answer = await answers.AskAsync(question, HistoryOf(reply.ChatId), new AskOptions { QuotesOnly = quotesOnly }, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                Log.QuestionRejected(logger, ex, reply.ChatId);
                await SendAsync(reply, [BotTexts.Rejected(ex.Message)], cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.AnswerFailed(logger, ex, reply.ChatId);
                await SendAsync(reply, [BotTexts.Failed], cancellationToken);
                return;
            }
        }

        Remember(reply.ChatId, answer);
        var messages = AnswerFormatter.FormatAnswer(answer);
        await SendAsync(reply, messages, cancellationToken);
        Log.QuestionAnswered(logger, reply.ChatId, answer.Mode, answer.Refused, answer.Quotes.Count, messages.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task ShowSourceAsync(ReplyTarget reply, string argument, CancellationToken cancellationToken)
    {
        if (!int.TryParse(argument.Trim().Trim('[', ']', '#'), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            await SendAsync(reply, [BotTexts.SourceUsage], cancellationToken);
            return;
        }

        if (HistoryOf(reply.ChatId) is not [.., var last])
        {
            await SendAsync(reply, [BotTexts.NoLastAnswer], cancellationToken);
            return;
        }

        if (number < 1 || number > last.Quotes.Count)
        {
            await SendAsync(reply, [BotTexts.NoSuchQuote(number, last.Quotes.Count)], cancellationToken);
            return;
        }

        var quote = last.Quotes[number - 1];
        TranscriptDocument? document = null;
        try
        {
            document = await store.GetDocumentAsync(quote.Document.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.SourceDocumentUnavailable(logger, ex, quote.Document.Id);
        }

        await SendAsync(reply, AnswerFormatter.FormatSource(number, quote, document, _options.SourceContextParagraphs), cancellationToken);
    }

    private async Task ShowAboutAsync(ReplyTarget reply, CancellationToken cancellationToken)
    {
        List<string> messages;
        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            var speakers = await store.ListSpeakersAsync(cancellationToken);
            messages = BotTexts.About(statistics, speakers);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.AboutFailed(logger, ex);
            messages = [BotTexts.Unavailable];
        }

        await SendAsync(reply, messages, cancellationToken);
    }

    private async Task OnInlineQueryAsync(InlineQuery query, CancellationToken cancellationToken)
    {
        bool personal = access.Restricted;
        if (!access.IsAllowed(query.From.Id, null))
        {
            Log.AccessDenied(logger, query.From.Id, null);
            await api.AnswerInlineQueryAsync(query.Id, [], null, 0, isPersonal: true, cancellationToken);
            return;
        }

        var topic = query.Query.Trim();
        if (topic.Length < 2)
        {
            await api.AnswerInlineQueryAsync(query.Id, [], s_inlineHelp, 300, personal, cancellationToken);
            return;
        }

        if (topic.Length > _options.MaxQuestionLength || !access.TryAcquireInline(query.From.Id))
        {
            await api.AnswerInlineQueryAsync(query.Id, [], s_inlineHelp, 0, isPersonal: true, cancellationToken);
            return;
        }

        IReadOnlyList<QuoteResult> quotes;
        try
        {
            quotes = (await search.SearchAsync(new SearchQuery { Query = topic, Limit = _options.InlineResults }, cancellationToken)).Results;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.InlineSearchFailed(logger, ex, query.From.Id);
            await api.AnswerInlineQueryAsync(query.Id, [], s_inlineHelp, 0, isPersonal: true, cancellationToken);
            return;
        }

        var results = new List<InlineQueryResult>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var quote in quotes)
        {
            var id = CardId(quote);
            if (!ids.Add(id)) continue;
            var content = new InputTextMessageContent(AnswerFormatter.FormatQuoteCard(quote))
            {
                ParseMode = ParseMode.Html,
                LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
            };
            results.Add(new InlineQueryResultArticle(id, AnswerFormatter.CardTitle(quote), content) { Description = AnswerFormatter.CardDescription(quote) });
            if (results.Count == _options.InlineResults) break;
        }

        await api.AnswerInlineQueryAsync(query.Id, results, results.Count == 0 ? s_inlineHelp : null, 300, personal, cancellationToken);
        Log.InlineAnswered(logger, query.From.Id, results.Count);
    }

    /// <summary>The chat's answers still in date, oldest first (empty when none or expired).</summary>
    private IReadOnlyList<Answer> HistoryOf(long chatId)
    {
        var id = TelegramConversations.IdOf(chatId);
        return conversations.TryGetHistory(id, id, out var history) ? history : [];
    }

    /// <summary>Records an answer given in the chat, starting its conversation when there is none.</summary>
    private void Remember(long chatId, Answer answer)
    {
        var id = TelegramConversations.IdOf(chatId);
        if (conversations.Open(id, id)) conversations.Append(id, id, answer);
    }

    /// <summary>A result id of 1-64 bytes, stable for a quote: its chunk and start offset.</summary>
    internal static string CardId(QuoteResult quote) => string.Create(CultureInfo.InvariantCulture, $"{quote.ChunkId:N}-{quote.Start}");

    private async Task SendAsync(ReplyTarget reply, IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        for (int i = 0; i < messages.Count; i++)
            await api.SendHtmlAsync(reply.ChatId, messages[i], i == 0 ? reply.ReplyToMessageId : null, reply.ThreadId, cancellationToken);
    }

    /// <summary>Where replies go: the chat, the message replied to (in groups), the forum topic.</summary>
    private readonly record struct ReplyTarget(long ChatId, int? ReplyToMessageId, int? ThreadId);
}
