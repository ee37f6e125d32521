using System.Text.Json;
using ChatBot.Hosting;
using ChatBot.Telegram;
using ChatBot.Web;

namespace ChatBot.Api;

/// <summary>The HTTP host: the retrieval API on the shared service registration.</summary>
public static class ChatBotWebApp
{
    /// <summary>Builds the web application. <paramref name="configure"/> may override configuration (tests, CLI options).</summary>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppPaths.DefaultContentRoot() });
        configure?.Invoke(builder.Configuration);
        builder.Logging.AddRedactedConsole(builder.Configuration, toStandardError: false);
        builder.AddChatBotServices();
        // The Telegram bot runs inside the web host whenever a token is configured (ChatBot:Telegram:Token or TELEGRAM_BOT_TOKEN).
        var telegram = builder.Configuration.GetSection(TelegramOptions.SectionName);
        if (TelegramServiceCollectionExtensions.IsTelegramBotConfigured(telegram))
        {
            builder.Services.AddTelegramBot(telegram);
            if (string.IsNullOrEmpty(telegram["StateDirectory"]))
                builder.Services.AddOptions<TelegramOptions>().PostConfigure<AppPaths>((o, paths) => o.StateDirectory = Path.Combine(paths.DataDirectory, "telegram"));
        }

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // A malformed body reaches the exception handler, which answers with a ProblemDetails naming the fault.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.AddApiProtection();
        builder.Services.AddTimeline();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiProtection();
        app.MapOpenApi();
        app.MapHealthApi();
        var api = app.MapGroup("").RequireAuthorization(ApiProtection.ClientPolicy);
        api.MapSearchApi();
        api.MapDocumentsApi();
        api.MapAskApi();
        api.MapTimelineApi();
        app.MapWebPages();
        app.MapTelegramWebhook();
        return app;
    }
}
