using System.Collections.Concurrent;
using System.Text.Json;
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
/// An OpenAI-compatible chat completions server on loopback (a real HTTP server) whose replies a test scripts:
/// given the prompt the bot sent, return the assistant's text, an HTTP error, or a delay.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>What the server answers for a prompt: status, assistant text, delay before answering.</summary>
    public Func<string, (int Status, string Content, TimeSpan Delay)> Script { get; set; } = _ => (200, "", TimeSpan.Zero);

    /// <summary>Every prompt received (the user message content), in order.</summary>
    public ConcurrentQueue<string> Prompts { get; } = new();

    /// <summary>The base URL clients use (…/v1).</summary>
    public string Endpoint { get; private set; } = "";

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            var messages = body!["messages"]!.AsArray();
            var prompt = string.Join("\n", messages.Select(m => m!["content"] switch
            {
                JsonValue v => v.GetValue<string>(),
                JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())),
                _ => "",
            }));
            server.Prompts.Enqueue(prompt);
            var (status, content, delay) = server.Script(prompt);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, context.RequestAborted);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (status != 200)
            {
                await context.Response.WriteAsync("""{"error": {"message": "scripted failure", "type": "server_error"}}""");
                return;
            }

            var reply = new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = body["model"]?.GetValue<string>() ?? "test",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
            };
            await context.Response.WriteAsync(reply.ToJsonString(new JsonSerializerOptions()));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = address + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
