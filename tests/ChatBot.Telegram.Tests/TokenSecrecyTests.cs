using ChatBot.Telegram.Api;
using ChatBot.Telegram.Tests.Fakes;
using ChatBot.Telegram.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Telegram.Tests;

/// <summary>The token is in every Bot API URL; nothing the bot logs or throws may carry it.</summary>
public sealed class TokenSecrecyTests
{
    [Fact]
    public async Task The_token_never_appears_in_any_log_line_or_logged_exception_even_when_everything_fails()
    {
        var api = await FakeBotApiServer.StartAsync(BotHarness.Token);
        await using var _ = api;
        api.Fail("getMe", ServerFault.BadGateway, ServerFault.DropConnection, ServerFault.Error(500, "Internal Server Error"), ServerFault.BadGateway);
        api.Fail("setMyCommands", ServerFault.Error(400, "Bad Request: commands are wrong"));
        api.Fail("deleteWebhook", ServerFault.DropConnection, ServerFault.DropConnection, ServerFault.DropConnection, ServerFault.DropConnection);
        api.Fail("getUpdates", ServerFault.DropConnection, ServerFault.BadGateway, ServerFault.Error(409, "Conflict: terminated by other getUpdates request"));
        api.Fail("sendChatAction", ServerFault.Error(400, "Bad Request: chat not found"));
        api.Fail("sendMessage", ServerFault.TooManyRequests(1), ServerFault.Error(403, "Forbidden: bot was blocked by the user"));
        await using var bot = await BotHarness.StartAsync(api: api);
        bot.Answers.OnAsk = (q, _, _, _) => q == "boom" ? throw new HttpRequestException("upstream failed") : Task.FromResult(TestData.ExtractiveAnswer(q));
        api.EnqueueUpdate(Updates.PrivateText("first"));
        api.EnqueueUpdate(Updates.PrivateText("boom"));
        api.EnqueueUpdate(Updates.PrivateText("last"));

        await api.WaitForMessagesAsync(Updates.UserId, 2);

        var logs = bot.Logs.Entries.ToList();
        Assert.Contains(logs, e => e.Exception is not null && e.EventId.Id == 7111); // getMe failures were logged...
        Assert.Contains(logs, e => e.Exception is not null && e.EventId.Id == 7120); // ...and polling failures...
        Assert.Contains(logs, e => e.Exception is not null && e.EventId.Id == 7130); // ...and a failed update
        Assert.DoesNotContain(logs, e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal)); // no HttpClient request logging
        Checks.NoTokenIn(bot.Logs.AllText());
        Checks.NoTokenIn(string.Join("\n", logs.Select(e => e.Exception?.ToString())));
        Assert.Empty(api.Violations);
    }

    [Fact]
    public async Task An_unreachable_api_gives_exceptions_whose_messages_omit_the_token()
    {
        var services = new ServiceCollection();
        var logs = new CapturingLoggerProvider();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddTelegramBot(o =>
        {
            o.Token = BotHarness.Token;
            o.ApiBaseUrl = "http://127.0.0.1:9"; // nothing listens on the discard port
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ITelegramBotApi>();

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => client.SendHtmlAsync(1, "hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("sendMessage", error.Method);
        Checks.NoTokenIn(error.ToString());
        Checks.NoTokenIn(logs.AllText());
        Assert.Contains(logs.Entries, e => e.EventId.Id == 7101); // connection refused: safe to repeat even a sendMessage
    }

    [Fact]
    public async Task Handlers_the_host_adds_to_every_http_client_are_kept_off_the_bot_api_client()
    {
        var seen = new List<Uri?>();
        await using var bot = await BotHarness.StartAsync(services: s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new RecordingHandler(seen))));
        bot.Api.EnqueueUpdate(Updates.PrivateText("Korea?"));

        await bot.Api.WaitForMessagesAsync(Updates.UserId, 1);

        lock (seen) Assert.Empty(seen);
        Checks.Clean(bot);
    }

    /// <summary>Stands for a host-wide handler (resilience, extended logging) that would see every URL.</summary>
    private sealed class RecordingHandler(List<Uri?> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen) seen.Add(request.RequestUri);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
