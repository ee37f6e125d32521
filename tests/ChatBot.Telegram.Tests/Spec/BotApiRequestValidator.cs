using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema.Validation;

namespace ChatBot.Telegram.Tests.Spec;

/// <summary>
/// Checks a Bot API request against the 10.1 spec: the method exists; the body matches the method's parameters
/// (required fields, JSON types, nested objects, no unknown fields) through NJsonSchema; and the documented limits
/// the schema cannot say: texts of 1-4096 characters after entity parsing (valid HTML in HTML mode), at most 50
/// inline results with unique ids of 1-64 bytes, callback_data of 1-64 bytes, command names of 1-32 of [a-z0-9_],
/// start parameters, webhook secrets and chat actions.
/// </summary>
internal static partial class BotApiRequestValidator
{
    private static readonly string[] s_parseModes = ["html", "markdownv2", "markdown"];

    private static readonly HashSet<string> s_chatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    /// <summary>Everything wrong with the request; empty when Telegram would accept it.</summary>
    public static List<string> Validate(string method, JsonObject body)
    {
        var spec = TelegramApiSpec.Instance;
        var canonical = spec.CanonicalMethod(method);
        if (canonical is null) return [$"{method}: no such method in {spec.Version}"];

        var errors = new List<string>();
        foreach (var error in spec.MethodSchema(canonical).Validate(body.ToJsonString()))
            Flatten(error, errors, canonical);

        CheckParseModes(body, canonical, errors);
        CheckCallbackData(body, canonical, errors);
        switch (canonical)
        {
            case "sendMessage" or "editMessageText":
                CheckText(body, "text", canonical, errors);
                break;
            case "answerInlineQuery":
                CheckInlineResults(body, errors);
                break;
            case "setMyCommands":
                CheckCommands(body, errors);
                break;
            case "sendChatAction":
                if (body["action"] is JsonValue action && action.TryGetValue<string>(out var a) && !s_chatActions.Contains(a))
                    errors.Add($"sendChatAction: unknown action '{a}'");
                break;
            case "setWebhook":
                if (body["secret_token"] is JsonValue secret && secret.TryGetValue<string>(out var s) && !SecretPattern().IsMatch(s))
                    errors.Add("setWebhook: secret_token must be 1-256 of A-Z, a-z, 0-9, _ and -");
                if (body["url"] is JsonValue url && url.TryGetValue<string>(out var u) && u.Length > 0 && !u.StartsWith("https://", StringComparison.Ordinal))
                    errors.Add("setWebhook: url must be HTTPS");
                break;
            case "getUpdates":
                if (body["limit"] is JsonValue limit && limit.TryGetValue<long>(out var l) && l is < 1 or > 100) errors.Add("getUpdates: limit must be 1-100");
                if (body["timeout"] is JsonValue timeout && timeout.TryGetValue<long>(out var t) && t < 0) errors.Add("getUpdates: timeout must not be negative");
                break;
        }

        return errors;
    }

    /// <summary>The visible text of an HTML message after entity parsing, with its errors.</summary>
    public static ParsedHtml ParseMessageText(string text, string? parseMode) =>
        string.Equals(parseMode, "html", StringComparison.OrdinalIgnoreCase)
            ? TelegramHtmlParser.Parse(text)
            : new ParsedHtml(text, [], []);

    private static void CheckText(JsonObject owner, string field, string where, List<string> errors)
    {
        if (owner[field] is not JsonValue value || !value.TryGetValue<string>(out var text)) return;
        var parseMode = owner["parse_mode"] is JsonValue mode && mode.TryGetValue<string>(out var m) ? m : null;
        var parsed = ParseMessageText(text, parseMode);
        foreach (var error in parsed.Errors) errors.Add($"{where}.{field}: can't parse entities: {error}");
        int length = parsed.Text.Trim().Length;
        if (length is < 1 or > 4096) errors.Add($"{where}.{field}: {length} characters after entity parsing (must be 1-4096)");
    }

    private static void CheckInlineResults(JsonObject body, List<string> errors)
    {
        if (body["results"] is not JsonArray results) return;
        if (results.Count > 50) errors.Add($"answerInlineQuery: {results.Count} results (at most 50)");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results.OfType<JsonObject>())
        {
            if (result["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id))
            {
                int bytes = Encoding.UTF8.GetByteCount(id);
                if (bytes is < 1 or > 64) errors.Add($"answerInlineQuery: result id '{id}' is {bytes} bytes (must be 1-64)");
                if (!ids.Add(id)) errors.Add($"answerInlineQuery: duplicate result id '{id}'");
            }

            if (result["input_message_content"] is JsonObject content && content.ContainsKey("message_text"))
                CheckText(content, "message_text", "answerInlineQuery.input_message_content", errors);
        }

        if (body["button"] is JsonObject button && button["start_parameter"] is JsonValue start && start.TryGetValue<string>(out var p) && !StartParameterPattern().IsMatch(p))
            errors.Add("answerInlineQuery: button.start_parameter must be 1-64 of A-Z, a-z, 0-9, _ and -");
    }

    private static void CheckCommands(JsonObject body, List<string> errors)
    {
        if (body["commands"] is not JsonArray commands) return;
        if (commands.Count > 100) errors.Add("setMyCommands: at most 100 commands");
        foreach (var command in commands.OfType<JsonObject>())
        {
            if (command["command"] is JsonValue name && name.TryGetValue<string>(out var n) && !CommandPattern().IsMatch(n))
                errors.Add($"setMyCommands: command '{n}' must be 1-32 of a-z, 0-9 and _");
            if (command["description"] is JsonValue description && description.TryGetValue<string>(out var d) && d.Length is < 1 or > 256)
                errors.Add($"setMyCommands: description of '{command["command"]}' must be 1-256 characters");
        }
    }

    private static void CheckParseModes(JsonNode? node, string method, List<string> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith("parse_mode", StringComparison.Ordinal) && value is JsonValue v && v.TryGetValue<string>(out var mode)
                        && !s_parseModes.Contains(mode.ToLowerInvariant()))
                        errors.Add($"{method}: {key} '{mode}' is not HTML, MarkdownV2 or Markdown");
                    CheckParseModes(value, method, errors);
                }

                break;
            case JsonArray array:
                foreach (var item in array) CheckParseModes(item, method, errors);
                break;
        }
    }

    private static void CheckCallbackData(JsonNode? node, string method, List<string> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "callback_data" && value is JsonValue v && v.TryGetValue<string>(out var data) && Encoding.UTF8.GetByteCount(data) is < 1 or > 64)
                        errors.Add($"{method}: callback_data '{data}' must be 1-64 bytes");
                    CheckCallbackData(value, method, errors);
                }

                break;
            case JsonArray array:
                foreach (var item in array) CheckCallbackData(item, method, errors);
                break;
        }
    }

    private static void Flatten(ValidationError error, List<string> errors, string method)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            // anyOf: report the branch that came closest (fewest errors), not every alternative.
            var best = child.Errors.OrderBy(e => e.Value.Count).First().Value;
            if (best.Count == 0) return;
            foreach (var inner in best) Flatten(inner, errors, method);
            return;
        }

        errors.Add($"{method}: {error.Kind} at {(string.IsNullOrEmpty(error.Path) ? "#" : error.Path)}{(error.Property is null ? "" : $" ({error.Property})")}");
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex StartParameterPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
