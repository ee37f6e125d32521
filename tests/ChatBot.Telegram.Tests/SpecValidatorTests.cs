using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBot.Telegram.Tests.Fakes;
using ChatBot.Telegram.Tests.Spec;
using ChatBot.Telegram.Tests.Support;

namespace ChatBot.Telegram.Tests;

/// <summary>The fake server's validator must reject what Telegram rejects, or the bot tests prove nothing.</summary>
public sealed class SpecValidatorTests
{
    private static JsonObject Body(string json) => (JsonObject)TelegramApiSpec.Parse(json);

    [Fact]
    public void The_spec_loaded_is_Bot_API_10_1()
    {
        Assert.Equal("Bot API 10.1", TelegramApiSpec.Instance.Version);
    }

    [Fact]
    public void A_valid_sendMessage_passes()
    {
        var errors = BotApiRequestValidator.Validate("sendMessage", Body("""
            {"chat_id": 42, "text": "<b>[1]</b>\n<blockquote>a &lt; b &amp; c</blockquote>", "parse_mode": "HTML",
             "link_preview_options": {"is_disabled": true}, "reply_parameters": {"message_id": 7, "allow_sending_without_reply": true}}
            """));
        Assert.Empty(errors);
    }

    [Fact]
    public void The_removed_disable_web_page_preview_is_rejected_as_unknown()
    {
        var errors = BotApiRequestValidator.Validate("sendMessage", Body("""{"chat_id": 42, "text": "hi", "disable_web_page_preview": true}"""));
        Assert.Contains(errors, e => e.Contains("disable_web_page_preview", StringComparison.Ordinal));
    }

    [Fact]
    public void The_removed_reply_to_message_id_is_rejected_as_unknown()
    {
        var errors = BotApiRequestValidator.Validate("sendMessage", Body("""{"chat_id": 42, "text": "hi", "reply_to_message_id": 3}"""));
        Assert.Contains(errors, e => e.Contains("reply_to_message_id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_chat_id_is_rejected()
    {
        var errors = BotApiRequestValidator.Validate("sendMessage", Body("""{"text": "hi"}"""));
        Assert.Contains(errors, e => e.Contains("chat_id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_of_the_wrong_type_and_an_unknown_nested_field_are_rejected()
    {
        Assert.NotEmpty(BotApiRequestValidator.Validate("sendMessage", Body("""{"chat_id": 42, "text": 5}""")));
        Assert.NotEmpty(BotApiRequestValidator.Validate("sendMessage", Body("""{"chat_id": 42, "text": "x", "link_preview_options": {"disabled": true}}""")));
        Assert.NotEmpty(BotApiRequestValidator.Validate("sendMessage", Body("""{"chat_id": 42, "text": "x", "reply_parameters": {"allow_sending_without_reply": true}}""")));
    }

    [Fact]
    public void An_unknown_method_is_rejected()
    {
        Assert.NotEmpty(BotApiRequestValidator.Validate("sendMessages", []));
    }

    [Fact]
    public void Text_over_4096_visible_characters_or_empty_is_rejected_but_markup_does_not_count()
    {
        Assert.NotEmpty(BotApiRequestValidator.Validate("sendMessage", Body($$"""{"chat_id": 1, "text": "{{new string('a', 4097)}}"}""")));
        Assert.NotEmpty(BotApiRequestValidator.Validate("sendMessage", Body("""{"chat_id": 1, "text": "<b> </b>", "parse_mode": "HTML"}""")));
        var markup = string.Concat(Enumerable.Repeat("<b>a</b>", 4096));
        Assert.Empty(BotApiRequestValidator.Validate("sendMessage", Body($$"""{"chat_id": 1, "text": "{{markup}}", "parse_mode": "HTML"}""")));
    }

    [Theory]
    [InlineData("a < b")]
    [InlineData("a & b")]
    [InlineData("<b>unclosed")]
    [InlineData("<b><i>crossed</b></i>")]
    [InlineData("<div>unsupported</div>")]
    [InlineData("&nbsp;")]
    [InlineData("<a>no href</a>")]
    [InlineData("<blockquote><blockquote>nested</blockquote></blockquote>")]
    public void Malformed_HTML_is_rejected(string text)
    {
        var body = new JsonObject { ["chat_id"] = 1, ["text"] = text, ["parse_mode"] = "HTML" };
        Assert.NotEmpty(BotApiRequestValidator.Validate("sendMessage", body));
    }

    [Fact]
    public void Inline_results_over_50_with_long_or_duplicate_ids_are_rejected()
    {
        JsonObject Article(string id) => new()
        {
            ["type"] = "article", ["id"] = id, ["title"] = "t",
            ["input_message_content"] = new JsonObject { ["message_text"] = "q" },
        };

        var tooMany = new JsonObject { ["inline_query_id"] = "1", ["results"] = new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode)Article(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]) };
        Assert.Contains(BotApiRequestValidator.Validate("answerInlineQuery", tooMany), e => e.Contains("51 results", StringComparison.Ordinal));

        var longId = new JsonObject { ["inline_query_id"] = "1", ["results"] = new JsonArray(Article(new string('é', 33))) };
        Assert.Contains(BotApiRequestValidator.Validate("answerInlineQuery", longId), e => e.Contains("66 bytes", StringComparison.Ordinal));

        var duplicate = new JsonObject { ["inline_query_id"] = "1", ["results"] = new JsonArray(Article("a"), Article("a")) };
        Assert.Contains(BotApiRequestValidator.Validate("answerInlineQuery", duplicate), e => e.Contains("duplicate", StringComparison.Ordinal));

        var wrongType = new JsonObject { ["inline_query_id"] = "1", ["results"] = new JsonArray(Article("a")) };
        wrongType["results"]![0]!["type"] = "articles";
        Assert.NotEmpty(BotApiRequestValidator.Validate("answerInlineQuery", wrongType));
    }

    [Fact]
    public void Bad_command_names_and_callback_data_are_rejected()
    {
        Assert.NotEmpty(BotApiRequestValidator.Validate("setMyCommands", Body("""{"commands": [{"command": "Ask", "description": "x"}]}""")));
        Assert.NotEmpty(BotApiRequestValidator.Validate("setMyCommands", Body("""{"commands": [{"command": "ask-me", "description": "x"}]}""")));
        Assert.NotEmpty(BotApiRequestValidator.Validate("setMyCommands", Body("""{"commands": [{"command": "ask", "description": "x", "is_ephemeral": true}]}""")));
        var data = new string('x', 65);
        var keyboard = new JsonObject
        {
            ["chat_id"] = 1, ["text"] = "x",
            ["reply_markup"] = new JsonObject { ["inline_keyboard"] = new JsonArray(new JsonArray(new JsonObject { ["text"] = "b", ["callback_data"] = data })) },
        };
        Assert.Contains(BotApiRequestValidator.Validate("sendMessage", keyboard), e => e.Contains("callback_data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_fake_server_answers_an_invalid_request_with_400_and_records_the_violation()
    {
        await using var server = await FakeBotApiServer.StartAsync(BotHarness.Token);
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync($"{server.BaseUrl}/bot{BotHarness.Token}/sendMessage", new { chat_id = 1, text = "hi", disable_web_page_preview = true }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(server.Violations, v => v.Contains("disable_web_page_preview", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_fake_server_reads_form_bodies_against_the_spec_types()
    {
        await using var server = await FakeBotApiServer.StartAsync(BotHarness.Token);
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "42", ["text"] = "123", ["link_preview_options"] = """{"is_disabled":true}""",
        });
        var response = await http.PostAsync($"{server.BaseUrl}/bot{BotHarness.Token}/sendMessage", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(server.Violations);
        Assert.Equal("123", server.Sent("sendMessage").Single().Text);
    }
}
