using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatBot.Telegram.Tests.Support;

/// <summary>Scripted Telegram updates, shaped as the Bot API sends them (entities for commands and mentions included).</summary>
internal static partial class Updates
{
    public const long UserId = 5001;
    public const long GroupId = -1001234567890;
    private static int s_messageId = 1;

    public static JsonObject PrivateText(string text, long userId = UserId) => Message(userId, new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Anna" }, text);

    public static JsonObject GroupText(string text, long userId = UserId, long groupId = GroupId, long? replyToBotMessage = null)
    {
        var update = Message(userId, new JsonObject { ["id"] = groupId, ["type"] = "supergroup", ["title"] = "Newsroom" }, text);
        if (replyToBotMessage is long replied)
        {
            update["message"]!["reply_to_message"] = new JsonObject
            {
                ["message_id"] = replied,
                ["date"] = 1_700_000_000,
                ["chat"] = new JsonObject { ["id"] = groupId, ["type"] = "supergroup", ["title"] = "Newsroom" },
                ["from"] = new JsonObject { ["id"] = Fakes.FakeBotApiServer.BotId, ["is_bot"] = true, ["first_name"] = "Lavrov Quotes", ["username"] = Fakes.FakeBotApiServer.BotUsername },
                ["text"] = "an earlier answer",
            };
        }

        return update;
    }

    public static JsonObject Sticker(long userId = UserId) => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref s_messageId),
            ["date"] = 1_700_000_000,
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Anna" },
            ["from"] = User(userId),
            ["sticker"] = new JsonObject
            {
                ["file_id"] = "CAAC", ["file_unique_id"] = "AgAD", ["type"] = "regular", ["width"] = 512, ["height"] = 512,
                ["is_animated"] = false, ["is_video"] = false,
            },
        },
    };

    public static JsonObject InlineQuery(string query, long userId = UserId) => new()
    {
        ["inline_query"] = new JsonObject
        {
            ["id"] = "iq" + Interlocked.Increment(ref s_messageId),
            ["from"] = User(userId),
            ["query"] = query,
            ["offset"] = "",
            ["chat_type"] = "private",
        },
    };

    private static JsonObject Message(long userId, JsonObject chat, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref s_messageId),
            ["date"] = 1_700_000_000,
            ["chat"] = chat,
            ["from"] = User(userId),
            ["text"] = text,
        };
        var entities = new JsonArray();
        foreach (Match m in EntityPattern().Matches(text))
        {
            entities.Add(new JsonObject
            {
                ["type"] = m.Value.StartsWith('/') ? "bot_command" : "mention",
                ["offset"] = m.Index,
                ["length"] = m.Length,
            });
        }

        if (entities.Count > 0) message["entities"] = entities;
        return new JsonObject { ["message"] = message };
    }

    private static JsonObject User(long userId) => new() { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Anna", ["language_code"] = "en" };

    [GeneratedRegex(@"(?<=^)/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?|(?<![A-Za-z0-9_])@[A-Za-z0-9_]{5,}")]
    private static partial Regex EntityPattern();
}
