using ChatBot.Answering;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types.Enums;

namespace ChatBot.Telegram.Diagnostics;

/// <summary>
/// Source-generated log messages of the Telegram front end (event ids 7100-7199). None takes a URL or the token;
/// questions are not logged, only their chat and outcome.
/// </summary>
internal static partial class Log
{
    // 7100-7109: Bot API client
    [LoggerMessage(7101, LogLevel.Warning, "Telegram {Method} failed ({Reason}); retry {Attempt} of {MaxRetries} in {DelayMs:F0} ms")]
    public static partial void RetryingRequest(ILogger logger, string method, int attempt, int maxRetries, double delayMs, string reason);

    // 7110-7119: start-up
    [LoggerMessage(7110, LogLevel.Information, "Telegram bot @{Username} ({BotId}) started in {Mode} mode")]
    public static partial void BotStarted(ILogger logger, string? username, long botId, TelegramMode mode);

    [LoggerMessage(7111, LogLevel.Warning, "Telegram getMe failed; trying again in {DelayMs:F0} ms")]
    public static partial void StartFailed(ILogger logger, Exception exception, double delayMs);

    [LoggerMessage(7112, LogLevel.Critical, "Telegram rejected the bot token (error {ErrorCode}); the Telegram front end is stopped. Check ChatBot:Telegram:Token or TELEGRAM_BOT_TOKEN")]
    public static partial void TokenRejected(ILogger logger, int errorCode);

    [LoggerMessage(7113, LogLevel.Warning, "Telegram setMyCommands failed; the command menu may be out of date")]
    public static partial void SetCommandsFailed(ILogger logger, Exception exception);

    [LoggerMessage(7114, LogLevel.Warning, "Telegram deleteWebhook failed; getUpdates will fail while a webhook is set")]
    public static partial void DeleteWebhookFailed(ILogger logger, Exception exception);

    [LoggerMessage(7115, LogLevel.Information, "Telegram webhook registered on host {WebhookHost}")]
    public static partial void WebhookRegistered(ILogger logger, string webhookHost);

    [LoggerMessage(7116, LogLevel.Warning, "Telegram setWebhook failed; trying again in {DelayMs:F0} ms")]
    public static partial void WebhookRegistrationFailed(ILogger logger, Exception exception, double delayMs);

    [LoggerMessage(7117, LogLevel.Information, "Telegram bot stopped")]
    public static partial void BotStopped(ILogger logger);

    [LoggerMessage(7118, LogLevel.Critical, "The Telegram bot failed and is stopped; the rest of the host keeps running")]
    public static partial void BotFailed(ILogger logger, Exception exception);

    // 7120-7129: polling
    [LoggerMessage(7120, LogLevel.Warning, "Telegram getUpdates failed; polling again in {DelayMs:F0} ms")]
    public static partial void PollFailed(ILogger logger, Exception exception, double delayMs);

    [LoggerMessage(7121, LogLevel.Debug, "{Count} Telegram updates received (offset {Offset})")]
    public static partial void UpdatesReceived(ILogger logger, int count, int? offset);

    [LoggerMessage(7122, LogLevel.Information, "Telegram update {UpdateId} was handled before; skipped")]
    public static partial void UpdateSkipped(ILogger logger, int updateId);

    [LoggerMessage(7123, LogLevel.Warning, "The Telegram offset file {Path} is unreadable; starting from Telegram's earliest unconfirmed update")]
    public static partial void OffsetLoadFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(7124, LogLevel.Information, "The Telegram offset in {Path} is over a week old; starting from Telegram's earliest unconfirmed update")]
    public static partial void OffsetStale(ILogger logger, string path);

    [LoggerMessage(7125, LogLevel.Error, "Saving the Telegram offset to {Path} failed; after a restart some updates may be answered again")]
    public static partial void OffsetSaveFailed(ILogger logger, Exception exception, string path);

    // 7130-7149: handling
    [LoggerMessage(7130, LogLevel.Error, "Handling Telegram update {UpdateId} ({UpdateType}) failed")]
    public static partial void UpdateFailed(ILogger logger, Exception exception, int updateId, UpdateType updateType);

    [LoggerMessage(7131, LogLevel.Debug, "Telegram update {UpdateId} ({UpdateType}) ignored")]
    public static partial void UpdateIgnored(ILogger logger, int updateId, UpdateType updateType);

    [LoggerMessage(7132, LogLevel.Information, "Telegram user {UserId} in chat {ChatId} is not on the allow-list")]
    public static partial void AccessDenied(ILogger logger, long userId, long? chatId);

    [LoggerMessage(7133, LogLevel.Information, "Telegram user {UserId} is over the question rate limit (told: {Warned})")]
    public static partial void RateLimited(ILogger logger, long userId, bool warned);

    [LoggerMessage(7134, LogLevel.Information, "Answered in Telegram chat {ChatId}: {Mode}, refused {Refused}, {QuoteCount} quotes in {MessageCount} messages, {ElapsedMs:F0} ms")]
    public static partial void QuestionAnswered(ILogger logger, long chatId, AnswerMode mode, bool refused, int quoteCount, int messageCount, double elapsedMs);

    [LoggerMessage(7135, LogLevel.Error, "Answering a question in Telegram chat {ChatId} failed")]
    public static partial void AnswerFailed(ILogger logger, Exception exception, long chatId);

    [LoggerMessage(7136, LogLevel.Information, "A question in Telegram chat {ChatId} was not accepted")]
    public static partial void QuestionRejected(ILogger logger, Exception exception, long chatId);

    [LoggerMessage(7137, LogLevel.Debug, "Telegram sendChatAction failed in chat {ChatId}")]
    public static partial void TypingFailed(ILogger logger, Exception exception, long chatId);

    [LoggerMessage(7138, LogLevel.Debug, "Inline query of Telegram user {UserId} answered with {Count} quote cards")]
    public static partial void InlineAnswered(ILogger logger, long userId, int count);

    [LoggerMessage(7139, LogLevel.Warning, "Searching for the inline query of Telegram user {UserId} failed")]
    public static partial void InlineSearchFailed(ILogger logger, Exception exception, long userId);

    [LoggerMessage(7140, LogLevel.Warning, "Document {DocumentId} could not be read for /source; showing the quoted passage")]
    public static partial void SourceDocumentUnavailable(ILogger logger, Exception exception, string documentId);

    [LoggerMessage(7141, LogLevel.Error, "Reading the store's statistics for /about failed")]
    public static partial void AboutFailed(ILogger logger, Exception exception);

    // 7150-7159: webhook
    [LoggerMessage(7150, LogLevel.Debug, "Telegram update {UpdateId} delivered again to the webhook; ignored")]
    public static partial void WebhookDuplicate(ILogger logger, int updateId);

    [LoggerMessage(7151, LogLevel.Warning, "The Telegram webhook received a body that is not an update")]
    public static partial void WebhookBadBody(ILogger logger, Exception exception);

    [LoggerMessage(7152, LogLevel.Warning, "A Telegram webhook request was refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);
}
