using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Tests.SemanticKernel;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on loopback whose assistant message a test scripts per request,
/// including <c>tool_calls</c> (a model asking to call a function). Keeps every request body.
/// </summary>
public sealed class ToolCallingOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ToolCallingOpenAiServer(WebApplication app) => _app = app;

    /// <summary>The assistant message for a request body (<c>content</c> and/or <c>tool_calls</c>).</summary>
    public Func<JsonNode, JsonObject> Script { get; set; } = _ => new JsonObject { ["role"] = "assistant", ["content"] = "" };

    /// <summary>Every request body received, in order.</summary>
    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    /// <summary>The base URL clients use (…/v1).</summary>
    public string Endpoint { get; private set; } = "";

    public static async Task<ToolCallingOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ToolCallingOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
            server.Requests.Enqueue(body);
            var message = server.Script(body);
            var reply = new JsonObject
            {
                ["id"] = $"chatcmpl-{server.Requests.Count}",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = body["model"]?.GetValue<string>() ?? "test",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = message,
                    ["finish_reason"] = message.ContainsKey("tool_calls") ? "tool_calls" : "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.ToJsonString());
        });
        await app.StartAsync();
        server.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
