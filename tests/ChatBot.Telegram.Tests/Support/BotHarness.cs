using ChatBot.Answering;
using ChatBot.Conversations;
using ChatBot.Retrieval;
using ChatBot.Storage;
using ChatBot.Telegram.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Telegram.Tests.Support;

/// <summary>
/// The bot as the host runs it (<c>AddTelegramBot</c> in a generic host) against a <see cref="FakeBotApiServer"/>,
/// with fake answering services, the real conversation store (as the executable registers it: the host, not the
/// bot, owns conversations), every log line captured, short poll timeouts and tiny back-off delays.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    /// <summary>A recognisable token: tests assert it (and its secret half) never reaches a log.</summary>
    public const string Token = "7654321098:AAF-SECRET_token_value_for_tests_0123456";

    private readonly bool _ownsApi;
    private readonly bool _ownsState;

    private BotHarness(IHost host, FakeBotApiServer api, bool ownsApi, string stateDirectory, bool ownsState, FakeAnswerService answers, FakeSearchService search, FakeTranscriptStore store, CapturingLoggerProvider logs)
    {
        Host = host;
        Api = api;
        _ownsApi = ownsApi;
        StateDirectory = stateDirectory;
        _ownsState = ownsState;
        Answers = answers;
        Search = search;
        Store = store;
        Logs = logs;
    }

    public IHost Host { get; }

    public FakeBotApiServer Api { get; }

    public string StateDirectory { get; }

    public FakeAnswerService Answers { get; }

    public FakeSearchService Search { get; }

    public FakeTranscriptStore Store { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<BotHarness> StartAsync(
        Action<TelegramOptions>? configure = null,
        FakeBotApiServer? api = null,
        string? stateDirectory = null,
        FakeAnswerService? answers = null,
        Action<IServiceCollection>? services = null)
    {
        bool ownsApi = api is null;
        api ??= await FakeBotApiServer.StartAsync(Token);
        bool ownsState = stateDirectory is null;
        stateDirectory ??= Path.Combine(Path.GetTempPath(), "chatbot-telegram-tests", Guid.NewGuid().ToString("N"));
        answers ??= new FakeAnswerService();
        var search = new FakeSearchService();
        var store = new FakeTranscriptStore();
        store.Documents[TestData.Document.Id] = TestData.Document;
        var logs = new CapturingLoggerProvider();

        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        var state = stateDirectory;
        builder.Services.AddTelegramBot(o =>
        {
            o.Token = Token;
            o.ApiBaseUrl = api.BaseUrl;
            o.StateDirectory = state;
            o.PollTimeout = TimeSpan.FromSeconds(1);
            o.RequestTimeout = TimeSpan.FromSeconds(10);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 3;
            configure?.Invoke(o);
        });
        builder.Services.AddSingleton<IAnswerService>(answers);
        builder.Services.AddSingleton<ISearchService>(search);
        builder.Services.AddSingleton<ITranscriptStore>(store);
        builder.Services.AddSingleton<IConversationStore>(TestData.Conversations());
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new BotHarness(host, api, ownsApi, stateDirectory, ownsState, answers, search, store, logs);
    }

    /// <summary>Waits until the bot is polling (getMe, setMyCommands and a first getUpdates seen).</summary>
    public Task WaitUntilPollingAsync() =>
        Api.WaitForAsync(r => r.Any(x => x.Method == "getUpdates"), what: "the first getUpdates");

    public async Task StopAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Host.Dispose();
        if (_ownsApi) await Api.DisposeAsync();
        if (_ownsState && Directory.Exists(StateDirectory)) Directory.Delete(StateDirectory, recursive: true);
    }
}
