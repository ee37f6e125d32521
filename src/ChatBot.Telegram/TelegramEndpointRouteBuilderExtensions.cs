using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatBot.Telegram.Diagnostics;
using ChatBot.Telegram.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ChatBot.Telegram;

/// <summary>Maps the Telegram webhook endpoint.</summary>
public static class TelegramEndpointRouteBuilderExtensions
{
    /// <summary>The header in which Telegram sends the webhook secret.</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// Maps <c>POST {WebhookPath}</c> (default <c>/telegram/webhook</c>). A request without the secret header gets 401,
    /// a wrong secret 403, and outside webhook mode the endpoint answers 404. An authenticated update always gets 200,
    /// even when handling it fails, so that Telegram does not redeliver it again and again.
    /// </summary>
    public static IEndpointConventionBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        return endpoints.MapPost(options.WebhookPath, HandleAsync).ExcludeFromDescription();
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelegramEndpointRouteBuilderExtensions).FullName!);
        if (options.Mode != TelegramMode.Webhook || string.IsNullOrEmpty(options.WebhookSecret))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var secret = context.Request.Headers[SecretHeader].ToString();
        if (secret.Length == 0)
        {
            Log.WebhookRefused(logger, "no secret header");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(options.WebhookSecret)))
        {
            Log.WebhookRefused(logger, "wrong secret");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        Update? update = null;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            Log.WebhookBadBody(logger, ex);
        }

        if (update is not null)
            await services.GetRequiredService<WebhookUpdateReceiver>().ReceiveAsync(update);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
