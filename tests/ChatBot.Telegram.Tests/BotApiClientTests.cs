using System.Diagnostics;
using ChatBot.Telegram.Api;
using ChatBot.Telegram.Tests.Fakes;
using ChatBot.Telegram.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Telegram.Tests;

/// <summary>The Bot API seam on its own against the fake server: envelope errors, retry rules, cancellation.</summary>
public sealed class BotApiClientTests : IAsyncLifetime
{
    private FakeBotApiServer _api = null!;
    private ServiceProvider _services = null!;
    private ITelegramBotApi _client = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync(BotHarness.Token);
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddTelegramBot(o =>
        {
            o.Token = BotHarness.Token;
            o.ApiBaseUrl = _api.BaseUrl;
            o.MaxRetries = 2;
            o.MaxRetryAfter = TimeSpan.FromSeconds(30);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(20);
        });
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<ITelegramBotApi>();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task An_error_envelope_becomes_a_typed_exception_with_code_description_and_parameters()
    {
        _api.Fail("sendMessage", ServerFault.Error(400, "Bad Request: chat not found"));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => _client.SendHtmlAsync(1, "hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(("sendMessage", 400, "Bad Request: chat not found"), (error.Method, error.ErrorCode, error.Description));
        Assert.Single(_api.Sent("sendMessage")); // a 4xx is final
    }

    [Fact]
    public async Task A_retry_after_beyond_the_configured_maximum_fails_at_once_carrying_the_wait()
    {
        _api.Fail("getMe", ServerFault.TooManyRequests(120));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => _client.GetMeAsync(TestContext.Current.CancellationToken));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(_api.Sent("getMe"));
    }

    [Fact]
    public async Task Cancelling_during_a_retry_after_wait_ends_the_call_promptly()
    {
        _api.Fail("getMe", ServerFault.TooManyRequests(25));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.GetMeAsync(cts.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_502_is_retried_for_a_read_but_a_possibly_delivered_message_is_not_sent_again()
    {
        _api.Fail("getMe", ServerFault.BadGateway, ServerFault.DropConnection);
        _api.Fail("sendMessage", ServerFault.BadGateway);

        var me = await _client.GetMeAsync(TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => _client.SendHtmlAsync(1, "hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(FakeBotApiServer.BotUsername, me.Username);
        Assert.Equal([502, 0, 200], _api.Sent("getMe").Select(r => r.Status));
        Assert.Equal(System.Net.HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Single(_api.Sent("sendMessage"));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        _api.Fail("getMe", ServerFault.BadGateway, ServerFault.BadGateway, ServerFault.BadGateway, ServerFault.BadGateway);

        await Assert.ThrowsAsync<TelegramTransportException>(() => _client.GetMeAsync(TestContext.Current.CancellationToken));

        Assert.Equal(3, _api.Sent("getMe").Count); // the first attempt and MaxRetries = 2
    }
}
