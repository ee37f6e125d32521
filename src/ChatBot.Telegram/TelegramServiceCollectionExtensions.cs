using ChatBot.Telegram.Api;
using ChatBot.Telegram.Handling;
using ChatBot.Telegram.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Telegram;

/// <summary>Registers the Telegram front end.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> the Bot API client uses (no loggers, no extra handlers).</summary>
    public const string HttpClientName = "ChatBot.Telegram";

    /// <summary>
    /// Adds the Telegram bot with options bound from <paramref name="section"/> (normally <c>ChatBot:Telegram</c>),
    /// the token falling back to the <c>TELEGRAM_BOT_TOKEN</c> environment variable. The host must also register
    /// <c>IAnswerService</c>, <c>ISearchService</c>, <c>ITranscriptStore</c> and <c>IConversationStore</c> (the chats'
    /// history for follow-ups and <c>/source</c> lives there, shared with the other front ends).
    /// </summary>
    public static IServiceCollection AddTelegramBot(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<TelegramOptions>().Bind(section);
        return services.AddTelegramBotCore();
    }

    /// <summary>Adds the Telegram bot with options set in code.</summary>
    public static IServiceCollection AddTelegramBot(this IServiceCollection services, Action<TelegramOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TelegramOptions>().Configure(configure);
        return services.AddTelegramBotCore();
    }

    /// <summary>Whether a token is configured in <paramref name="section"/> or the environment: the bot's on switch.</summary>
    public static bool IsTelegramBotConfigured(IConfiguration section) =>
        !string.IsNullOrWhiteSpace(section["Token"]) || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TelegramOptions.TokenEnvironmentVariable));

    private static IServiceCollection AddTelegramBotCore(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>()
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.Token)) o.Token = Environment.GetEnvironmentVariable(TelegramOptions.TokenEnvironmentVariable);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The token is part of every Bot API URL: this client logs nothing, and handlers added to all clients by the
        // host (resilience, extended logging) are removed, since they would log URLs or cut long polls short.
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        services.TryAddSingleton<ITelegramBotApi>(sp => new TelegramBotApi(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<TelegramOptions>>(),
            sp.GetRequiredService<ILogger<TelegramBotApi>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BotIdentity>();
        services.TryAddSingleton<AccessPolicy>();
        services.TryAddSingleton<UpdateProcessor>();
        services.TryAddSingleton<WebhookUpdateReceiver>();
        services.TryAddScoped<TelegramUpdateHandler>();
        services.AddHostedService<TelegramBotService>();
        return services;
    }
}
