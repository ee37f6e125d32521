using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Tests.Infrastructure;

/// <summary>
/// The least of a Telegram Bot API server a bot in webhook mode needs, on loopback: <c>getMe</c>, <c>sendMessage</c>
/// (recorded) and <c>true</c> for everything else. The thorough, spec-checking fake is in ChatBot.Telegram.Tests.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeBotApi(WebApplication app) => _app = app;

    /// <summary>The Bot API methods called, in order.</summary>
    public ConcurrentQueue<string> Methods { get; } = new();

    /// <summary>The texts sent with <c>sendMessage</c>, in order.</summary>
    public ConcurrentQueue<string> SentTexts { get; } = new();

    /// <summary>The base URL to configure as <c>ChatBot:Telegram:ApiBaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.MapPost("/bot{token}/{method}", async (string method, HttpContext context) =>
        {
            fake.Methods.Enqueue(method);
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            var body = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
            JsonNode result = method switch
            {
                "getMe" => new JsonObject { ["id"] = 1234567, ["is_bot"] = true, ["first_name"] = "Quotes", ["username"] = "quotes_test_bot" },
                "sendMessage" => fake.Sent(body),
                _ => JsonValue.Create(true),
            };
            return Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    private JsonObject Sent(JsonObject body)
    {
        SentTexts.Enqueue(body["text"]?.GetValue<string>() ?? "");
        return new JsonObject
        {
            ["message_id"] = SentTexts.Count,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
            ["text"] = body["text"]?.DeepClone(),
        };
    }

    /// <summary>Waits until <paramref name="method"/> has been called.</summary>
    public async Task WaitForAsync(string method, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Methods.Contains(method))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {method} in 30 s; called: {string.Join(", ", Methods)}");
            await Task.Delay(20, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
