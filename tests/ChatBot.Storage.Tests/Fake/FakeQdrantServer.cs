using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Storage.Tests.Spec;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>
/// A fake Qdrant REST server on loopback (Kestrel on 127.0.0.1, a free port). It records every request, validates every
/// request body against the tightened Qdrant OpenAPI description (schema and declared property names) and answers 400
/// on a violation, answers in Qdrant's envelopes (its own answers are validated against the response schemas too),
/// can inject faults (a status and body, or a hang) and emulates enough of Qdrant in <see cref="FakeQdrantEngine"/>
/// for the store's logic to run. It is not Qdrant.
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly List<Fault> _faults = [];
    private readonly Lock _faultLock = new();

    private FakeQdrantServer(WebApplication app, string? apiKey)
    {
        _app = app;
        RequiredApiKey = apiKey;
    }

    public FakeQdrantEngine Engine { get; } = new();

    public string Url { get; private set; } = "";

    /// <summary>When set, requests without this <c>api-key</c> header are refused with 401.</summary>
    public string? RequiredApiKey { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>Schema violations in the client's requests and in the fake's own answers.</summary>
    public IReadOnlyList<string> Violations => _violations.ToList();

    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeQdrantServer(app, apiKey);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = app.Urls.Single();
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests matching <paramref name="when"/> get this answer instead.</summary>
    public void Fail(int status, string body, int times = 1, Func<RecordedRequest, bool>? when = null, TimeSpan? retryAfter = null)
    {
        lock (_faultLock) _faults.Add(new Fault(when ?? (_ => true), status, body, Hang: false, times, retryAfter));
    }

    /// <summary>The next <paramref name="times"/> matching requests get no answer until the client gives up.</summary>
    public void Hang(int times = 1, Func<RecordedRequest, bool>? when = null)
    {
        lock (_faultLock) _faults.Add(new Fault(when ?? (_ => true), 0, "", Hang: true, times, null));
    }

    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8)) body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", body,
            request.Headers.TryGetValue("api-key", out var key) ? key.ToString() : null);
        _requests.Enqueue(recorded);

        if (RequiredApiKey is not null && recorded.ApiKey != RequiredApiKey)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("Must provide an API key or an Authorization bearer token");
            return;
        }

        var violations = QdrantSpecValidator.Instance.ValidateRequest(recorded.Method, recorded.Path, body);
        if (violations.Count > 0)
        {
            foreach (var v in violations) _violations.Enqueue($"{recorded}: {v}");
            await WriteErrorAsync(context, 400, "Format error in JSON body (fake server's spec check): " + string.Join(" | ", violations));
            return;
        }

        if (TakeFault(recorded) is { } fault)
        {
            if (fault.Hang)
            {
                try { await Task.Delay(Timeout.Infinite, context.RequestAborted); }
                catch (OperationCanceledException) { }
                return;
            }

            context.Response.StatusCode = fault.Status;
            if (fault.RetryAfter is { } after) context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(fault.Body);
            return;
        }

        JsonNode result;
        try
        {
            result = Dispatch(recorded.Method, recorded.Path, string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body) as JsonObject);
        }
        catch (FakeQdrantError e)
        {
            await WriteErrorAsync(context, e.StatusCode, e.Message);
            return;
        }

        var answer = new JsonObject { ["time"] = 0.001, ["status"] = "ok", ["result"] = result }.ToJsonString();
        foreach (var v in QdrantSpecValidator.Instance.ValidateResponse(recorded.Method, recorded.Path, answer))
            _violations.Enqueue($"fake's answer to {recorded}: {v}");
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer);
    }

    private JsonNode Dispatch(string method, string path, JsonObject? body)
    {
        var s = path.Trim('/').Split('/');
        if (s.Length < 2 || s[0] != "collections") throw new FakeQdrantError(404, $"fake: {method} {path} is not implemented");
        var name = Uri.UnescapeDataString(s[1]);
        var tail = string.Join('/', s.Skip(2));
        JsonObject Body() => body ?? throw new FakeQdrantError(400, "Format error in JSON body: body is required");
        return (method, tail) switch
        {
            ("GET", "exists") => Engine.Exists(name),
            ("GET", "") => Engine.Info(name),
            ("PUT", "") => Engine.Create(name, Body()),
            ("DELETE", "") => Engine.Delete(name),
            ("PUT", "index") => Engine.CreateIndex(name, Body()),
            ("PUT", "points") => Engine.Upsert(name, Body()),
            ("POST", "points") => Engine.Retrieve(name, Body()),
            ("POST", "points/delete") => Engine.DeletePoints(name, Body()),
            ("POST", "points/scroll") => Engine.Scroll(name, Body()),
            ("POST", "points/count") => Engine.Count(name, Body()),
            ("POST", "points/query") => Engine.Query(name, Body()),
            _ => throw new FakeQdrantError(404, $"fake: {method} {path} is not implemented"),
        };
    }

    private Fault? TakeFault(RecordedRequest request)
    {
        lock (_faultLock)
        {
            var index = _faults.FindIndex(f => f.When(request));
            if (index < 0) return null;
            var fault = _faults[index];
            if (fault.Times <= 1) _faults.RemoveAt(index);
            else _faults[index] = fault with { Times = fault.Times - 1 };
            return fault;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["status"] = new JsonObject { ["error"] = error }, ["time"] = 0.0 }.ToJsonString());
    }

    private sealed record Fault(Func<RecordedRequest, bool> When, int Status, string Body, bool Hang, int Times, TimeSpan? RetryAfter);
}
