using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Answering;
using ChatBot.Retrieval;
using ChatBot.Storage;
using ChatBot.Telegram.Tests.Fakes;
using ChatBot.Telegram.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Telegram.Tests;

/// <summary>Webhook mode: a real ASP.NET Core app maps the endpoint; the fake Bot API receives setWebhook and the replies.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "webhook-Secret_0123456789";
    private readonly FakeAnswerService _answers = new();
    private readonly CapturingLoggerProvider _logs = new();
    private FakeBotApiServer _api = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private string _url = "";

    public async ValueTask InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync(BotHarness.Token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(_logs);
        builder.Services.AddTelegramBot(o =>
        {
            o.Token = BotHarness.Token;
            o.ApiBaseUrl = _api.BaseUrl;
            o.Mode = TelegramMode.Webhook;
            o.WebhookUrl = "https://bot.example.org/telegram/webhook";
            o.WebhookSecret = Secret;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        var store = new FakeTranscriptStore();
        builder.Services.AddSingleton<IAnswerService>(_answers);
        builder.Services.AddSingleton<ISearchService>(new FakeSearchService());
        builder.Services.AddSingleton<ITranscriptStore>(store);
        builder.Services.AddSingleton<ChatBot.Conversations.IConversationStore>(TestData.Conversations());
        _app = builder.Build();
        _app.MapTelegramWebhook();
        await _app.StartAsync();
        _url = _app.Urls.First().TrimEnd('/') + "/telegram/webhook";
        _http = new HttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task In_webhook_mode_the_bot_registers_its_url_and_secret_and_never_polls()
    {
        var requests = await _api.WaitForAsync(r => r.Any(x => x.Method == "setWebhook"), what: "setWebhook");

        var body = requests.Single(x => x.Method == "setWebhook").Body;
        Assert.Equal("https://bot.example.org/telegram/webhook", body["url"]!.GetValue<string>());
        Assert.Equal(Secret, body["secret_token"]!.GetValue<string>());
        Assert.Equal(["message", "inline_query"], body["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.DoesNotContain(requests, r => r.Method is "getUpdates" or "deleteWebhook");
        Assert.Empty(_api.Violations);
    }

    [Fact]
    public async Task A_request_without_the_secret_gets_401_and_with_a_wrong_one_403_and_is_not_handled()
    {
        var update = Update(1, "Korea?");

        var missing = await PostAsync(update, secret: null);
        var wrong = await PostAsync(update, secret: Secret + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Equal(HttpStatusCode.Forbidden, wrong);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Empty(_answers.Calls);
        Assert.Empty(_api.Sent("sendMessage"));
    }

    [Fact]
    public async Task An_authenticated_update_is_answered_once_even_when_delivered_twice()
    {
        await _api.WaitForAsync(r => r.Any(x => x.Method == "setWebhook"), what: "setWebhook");
        var update = Update(7, "Korea?");

        Assert.Equal(HttpStatusCode.OK, await PostAsync(update, Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(update, Secret));

        await _api.WaitForMessagesAsync(Updates.UserId, 1);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Single(_api.MessagesTo(Updates.UserId));
        Assert.Single(_answers.Calls);
        Assert.Empty(_api.Violations);
        Checks.NoTokenIn(_logs.AllText());
    }

    [Fact]
    public async Task A_webhook_update_whose_handling_fails_or_whose_body_is_not_an_update_still_gets_200()
    {
        _answers.OnAsk = (_, _, _, _) => throw new InvalidOperationException("broken");
        _api.Fail("sendMessage", ServerFault.Error(403, "Forbidden: bot was blocked by the user"));

        var failing = await PostAsync(Update(9, "Korea?"), Secret);
        using var garbage = new StringContent("{not json", Encoding.UTF8, "application/json");
        garbage.Headers.Add(TelegramEndpointRouteBuilderExtensions.SecretHeader, Secret);
        var bad = (await _http.PostAsync(_url, garbage, TestContext.Current.CancellationToken)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, failing);
        Assert.Equal(HttpStatusCode.OK, bad);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7130 && e.Exception is Api.TelegramApiException);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7151 && e.Exception is not null);
    }

    private static JsonObject Update(int id, string text)
    {
        var update = Updates.PrivateText(text);
        update["update_id"] = id;
        return update;
    }

    private async Task<HttpStatusCode> PostAsync(JsonObject update, string? secret)
    {
        using var content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json");
        if (secret is not null) content.Headers.Add(TelegramEndpointRouteBuilderExtensions.SecretHeader, secret);
        var response = await _http.PostAsync(_url, content, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
