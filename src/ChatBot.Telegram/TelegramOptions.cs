namespace ChatBot.Telegram;

/// <summary>
/// Settings of the Telegram front end, bound from the <c>ChatBot:Telegram</c> configuration section.
/// Only <see cref="Token"/> is required; it may also come from the <c>TELEGRAM_BOT_TOKEN</c> environment variable.
/// </summary>
public sealed class TelegramOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "ChatBot:Telegram";

    /// <summary>The environment variable read when <see cref="Token"/> is not configured.</summary>
    public const string TokenEnvironmentVariable = "TELEGRAM_BOT_TOKEN";

    /// <summary>The default of <see cref="SourceContextParagraphs"/>.</summary>
    public const int DefaultSourceContextParagraphs = 2;

    /// <summary>Telegram's own Bot API server.</summary>
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>The bot token from BotFather ("123456:ABC..."). Secret: never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Base URL of the Bot API server: Telegram's, a self-hosted <c>telegram-bot-api</c>, or a test fake.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Long polling (default) or webhook.</summary>
    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Public HTTPS URL Telegram posts updates to (webhook mode).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> (webhook mode; 1-256 of A-Z, a-z, 0-9, _ and -).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Local route of the webhook endpoint mapped by <c>MapTelegramWebhook</c>.</summary>
    public string WebhookPath { get; set; } = "/telegram/webhook";

    /// <summary>Directory for the persisted update offset (the host passes <c>&lt;DataDirectory&gt;/telegram</c>).</summary>
    public string StateDirectory { get; set; } = Path.Combine("data", "telegram");

    /// <summary>Long-polling timeout of one <c>getUpdates</c> call (whole seconds, 0-50).</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one Bot API request, on top of <see cref="PollTimeout"/> for <c>getUpdates</c>.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one request after a 429 or a transient failure (0-10).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Longest <c>retry_after</c> honoured by waiting; a longer one fails the request at once.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First back-off after a network error or a 5xx; doubled per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest back-off after network errors.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>User ids allowed to use the bot; with <see cref="AllowedChatIds"/> both empty, everyone is.</summary>
    public List<long> AllowedUserIds { get; set; } = [];

    /// <summary>Chat ids (groups included) whose members may use the bot.</summary>
    public List<long> AllowedChatIds { get; set; } = [];

    /// <summary>Questions one user may ask per minute.</summary>
    public int QuestionsPerMinute { get; set; } = 6;

    /// <summary>Inline queries one user may send per minute.</summary>
    public int InlineQueriesPerMinute { get; set; } = 30;

    /// <summary>Longest question accepted, in characters.</summary>
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>
    /// Paragraphs of the speaker's turn shown on each side of the quote by <c>/source</c> (0-10): the context, not the
    /// whole transcript, which a UN speech would spread over several messages.
    /// </summary>
    public int SourceContextParagraphs { get; set; } = DefaultSourceContextParagraphs;

    /// <summary>Quote cards offered for one inline query (1-50).</summary>
    public int InlineResults { get; set; } = 10;

    /// <summary>Updates of different chats handled at the same time.</summary>
    public int MaxConcurrentUpdates { get; set; } = 4;
}
