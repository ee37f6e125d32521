using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;

namespace ChatBot.Telegram.Api;

/// <summary>
/// The Bot API methods the bot uses, over the <c>Telegram.Bot</c> package: one retrying send path, typed errors
/// (<see cref="TelegramApiException"/>, <see cref="TelegramTransportException"/>) whose messages never hold the token.
/// Thread-safe.
/// </summary>
public interface ITelegramBotApi
{
    /// <summary>The bot's own user (id and username).</summary>
    Task<User> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary>Long-polls for updates from <paramref name="offset"/> (null: the earliest unconfirmed one).</summary>
    Task<Update[]> GetUpdatesAsync(int? offset, TimeSpan timeout, IReadOnlyCollection<UpdateType> allowedUpdates, CancellationToken cancellationToken = default);

    /// <summary>Sends an HTML message with link previews off, optionally as a reply.</summary>
    Task<Message> SendHtmlAsync(long chatId, string html, int? replyToMessageId = null, int? messageThreadId = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a picture (uploaded as multipart form data) with an optional HTML caption, optionally as a reply.</summary>
    Task<Message> SendPhotoAsync(long chatId, byte[] image, string fileName, string? captionHtml, int? replyToMessageId = null, int? messageThreadId = null, CancellationToken cancellationToken = default);

    /// <summary>Shows "typing..." in the chat for about five seconds.</summary>
    Task SendTypingAsync(long chatId, int? messageThreadId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Answers an inline query with result cards and an optional button above them; <paramref name="isPersonal"/>
    /// keeps Telegram from serving the cached results to other users.
    /// </summary>
    Task AnswerInlineQueryAsync(string inlineQueryId, IReadOnlyList<InlineQueryResult> results, InlineQueryResultsButton? button, int cacheTimeSeconds, bool isPersonal, CancellationToken cancellationToken = default);

    /// <summary>Replaces the bot's command menu.</summary>
    Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default);

    /// <summary>Registers the webhook Telegram posts updates to.</summary>
    Task SetWebhookAsync(string url, string secretToken, IReadOnlyCollection<UpdateType> allowedUpdates, CancellationToken cancellationToken = default);

    /// <summary>Removes any webhook so that <c>getUpdates</c> works; pending updates are kept.</summary>
    Task DeleteWebhookAsync(CancellationToken cancellationToken = default);
}
