using System.Globalization;

namespace ChatBot.Telegram;

/// <summary>
/// How the bot names its conversations in the host's <c>IConversationStore</c>: one per chat (a group's members share
/// one), named by the chat id, which Telegram authenticates. The id is also the owner, and it cannot be mistaken for
/// an id the HTTP API issues (32 hex digits) nor read by an HTTP client (whose owner is its key or address).
/// </summary>
public static class TelegramConversations
{
    /// <summary>The conversation id, and owner, of a chat: <c>telegram-chat:{chatId}</c>.</summary>
    public static string IdOf(long chatId) => string.Create(CultureInfo.InvariantCulture, $"telegram-chat:{chatId}");
}
