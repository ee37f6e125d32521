using System.Text.Json.Nodes;
using ChatBot.Telegram.Tests.Spec;

namespace ChatBot.Telegram.Tests.Fakes;

/// <summary>A request the bot sent to the fake Bot API, as the fake read it.</summary>
internal sealed record RecordedRequest(int Sequence, string Method, JsonObject Body, string ContentType, DateTimeOffset At, int Status)
{
    public long? ChatId => Body["chat_id"] is JsonValue v && v.TryGetValue<long>(out var id) ? id : null;

    public string? Text => Body["text"]?.GetValue<string>();

    public int? ReplyTo => Body["reply_parameters"]?["message_id"]?.GetValue<int>();

    /// <summary>The message as a user sees it (HTML parsed).</summary>
    public ParsedHtml Parsed => BotApiRequestValidator.ParseMessageText(Text ?? "", Body["parse_mode"]?.GetValue<string>());

    public string Visible => Parsed.Text;
}
