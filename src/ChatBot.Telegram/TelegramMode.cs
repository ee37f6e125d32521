namespace ChatBot.Telegram;

/// <summary>How the bot receives updates from Telegram.</summary>
public enum TelegramMode
{
    /// <summary>Long polling with <c>getUpdates</c> from a background service (no public address needed).</summary>
    Polling,

    /// <summary>Telegram posts updates to <see cref="TelegramOptions.WebhookUrl"/>, served by <c>MapTelegramWebhook</c>.</summary>
    Webhook,
}
