namespace ChatBot.Telegram.Api;

/// <summary>
/// The Bot API answered <c>{"ok": false, "error_code", "description", "parameters"}</c>. The message names the
/// method and the description; it never holds the bot token.
/// </summary>
public sealed class TelegramApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter = null, long? migrateToChatId = null, Exception? innerException = null)
        : base($"Telegram {method} failed with {errorCode}: {description}", innerException)
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
        RetryAfter = retryAfter;
        MigrateToChatId = migrateToChatId;
    }

    /// <summary>The Bot API method called ("sendMessage").</summary>
    public string Method { get; }

    /// <summary>The <c>error_code</c> (400, 403, 429...).</summary>
    public int ErrorCode { get; }

    /// <summary>The <c>description</c> Telegram gave.</summary>
    public string Description { get; }

    /// <summary><c>parameters.retry_after</c> of a 429: how long to wait before repeating the request.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary><c>parameters.migrate_to_chat_id</c>: the group became this supergroup.</summary>
    public long? MigrateToChatId { get; }
}
