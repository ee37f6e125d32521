using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Telegram.Tests.Spec;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Telegram.Tests.Fakes;

/// <summary>
/// A fake Telegram Bot API on loopback (a real Kestrel server). It serves scripted updates through
/// <c>getUpdates</c> (long polling; <c>offset</c> confirms and drops earlier updates, as Telegram does), records every
/// request, and validates each against the 10.1 spec: a violation is answered with 400 like the real server and kept
/// in <see cref="Violations"/>, which tests assert empty. JSON, form and multipart bodies and query strings are read.
/// </summary>
internal sealed class FakeBotApiServer : IAsyncDisposable
{
    public const long BotId = 4242;
    public const string BotUsername = "lavrov_quotes_bot";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _updates = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<string> _violations = [];
    private readonly Dictionary<string, Queue<ServerFault>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 100;
    private int _nextMessageId = 1000;

    private FakeBotApiServer(string token)
    {
        Token = token;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders(); // its request logs carry the token: kept apart from the bot's captured logs
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The token the fake accepts.</summary>
    public string Token { get; }

    /// <summary>Base URL for <c>ChatBot:Telegram:ApiBaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeBotApiServer> StartAsync(string token)
    {
        var server = new FakeBotApiServer(token);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_lock) return [.. _requests]; }
    }

    /// <summary>Spec violations found so far.</summary>
    public IReadOnlyList<string> Violations
    {
        get { lock (_lock) return [.. _violations]; }
    }

    /// <summary>The requests of one method.</summary>
    public IReadOnlyList<RecordedRequest> Sent(string method) => [.. Requests.Where(r => r.Method == method)];

    /// <summary>Messages sent to a chat, in order.</summary>
    public IReadOnlyList<RecordedRequest> MessagesTo(long chatId) => [.. Sent("sendMessage").Where(r => r.ChatId == chatId && r.Status == 200)];

    /// <summary>Queues an update (its <c>update_id</c> is assigned here and returned); it is checked against the spec's Update type.</summary>
    public int EnqueueUpdate(JsonObject update)
    {
        lock (_lock)
        {
            int id = _nextUpdateId++;
            update["update_id"] = id;
            var errors = TelegramApiSpec.Instance.TypeSchema("Update").Validate(update.ToJsonString());
            if (errors.Count > 0) throw new InvalidOperationException("Scripted update does not match the spec: " + string.Join("; ", errors));
            _updates.Add(update);
            Pulse();
            return id;
        }
    }

    /// <summary>Makes the next requests of <paramref name="method"/> fail, one fault per request.</summary>
    public void Fail(string method, params ServerFault[] faults)
    {
        lock (_lock)
        {
            if (!_faults.TryGetValue(method, out var queue)) _faults[method] = queue = new Queue<ServerFault>();
            foreach (var fault in faults) queue.Enqueue(fault);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the recorded requests.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition(_requests)) return [.. _requests];
                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}; requests: {string.Join(", ", Requests.Select(r => $"{r.Method}({r.Status})"))}; violations: {string.Join(" | ", Violations)}");
            await Task.WhenAny(changed, Task.Delay(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200)));
        }
    }

    /// <summary>Waits for <paramref name="count"/> successful messages to the chat.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForMessagesAsync(long chatId, int count, TimeSpan? timeout = null)
    {
        await WaitForAsync(r => r.Count(x => x.Method == "sendMessage" && x.Status == 200 && x.ChatId == chatId) >= count, timeout, $"{count} messages to chat {chatId}");
        return MessagesTo(chatId);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Pulse()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        int slash = path.IndexOf('/', 1);
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash < 0)
        {
            await RespondAsync(context, 404, new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found" });
            return;
        }

        var token = path[4..slash];
        var method = path[(slash + 1)..];
        JsonObject body;
        try
        {
            body = await ReadBodyAsync(context.Request, method, (name, bytes) => Uploads[name] = bytes);
        }
        catch (Exception ex)
        {
            body = [];
            lock (_lock) _violations.Add($"{method}: unreadable body ({ex.Message})");
        }

        var errors = token == Token ? BotApiRequestValidator.Validate(method, body) : [$"{method}: wrong bot token"];
        ServerFault? fault = null;
        int sequence;
        lock (_lock)
        {
            _violations.AddRange(errors);
            if (errors.Count == 0 && _faults.TryGetValue(method, out var queue) && queue.Count > 0) fault = queue.Dequeue();
            sequence = _requests.Count;
        }

        int status = errors.Count > 0 ? (token == Token ? 400 : 401) : fault switch
        {
            ServerFault.ApiError e => e.Code,
            ServerFault.Gateway => 502,
            ServerFault.Drop => 0,
            _ => 200,
        };
        var request = new RecordedRequest(sequence, method, body, context.Request.ContentType ?? "", DateTimeOffset.UtcNow, status);
        if (status != 200 || method != "getUpdates") Record(request);

        if (errors.Count > 0)
        {
            await RespondAsync(context, status, Error(status, (status == 401 ? "Unauthorized" : "Bad Request: ") + errors[0], null));
            return;
        }

        switch (fault)
        {
            case ServerFault.ApiError e:
                await RespondAsync(context, e.Code, Error(e.Code, e.Description, e.RetryAfter));
                return;
            case ServerFault.Gateway:
                context.Response.StatusCode = 502;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
                return;
            case ServerFault.Drop:
                context.Abort();
                return;
        }

        JsonNode result = method switch
        {
            "getMe" => new JsonObject
            {
                ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Lavrov Quotes", ["username"] = BotUsername,
                ["can_join_groups"] = true, ["can_read_all_group_messages"] = false, ["supports_inline_queries"] = true,
            },
            "getUpdates" => await GetUpdatesAsync(body, request, context.RequestAborted),
            "sendMessage" => SentMessage(body),
            "sendPhoto" => SentPhoto(body),
            _ => JsonValue.Create(true),
        };
        await RespondAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });
    }

    private void Record(RecordedRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request with { Sequence = _requests.Count });
            Pulse();
        }
    }

    private async Task<JsonNode> GetUpdatesAsync(JsonObject body, RecordedRequest request, CancellationToken aborted)
    {
        long? offset = body["offset"]?.GetValue<long>();
        int limit = (int)(body["limit"]?.GetValue<long>() ?? 100);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(body["timeout"]?.GetValue<long>() ?? 0);
        Record(request);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (offset is long o) _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < o);
                var ready = _updates.Take(limit).Select(u => u.DeepClone()).ToArray();
                if (ready.Length > 0 || DateTime.UtcNow >= deadline) return new JsonArray(ready);
                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline - DateTime.UtcNow < TimeSpan.Zero ? TimeSpan.Zero : deadline - DateTime.UtcNow, aborted);
            }
            catch (TimeoutException)
            {
                // Long poll over: loop once more and return what there is.
            }
        }
    }

    /// <summary>Files uploaded with multipart requests, by file name (the last one of each name).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Uploads { get; } = new(StringComparer.Ordinal);

    private JsonObject SentPhoto(JsonObject body)
    {
        var message = SentMessage(new JsonObject { ["chat_id"] = body["chat_id"]!.DeepClone(), ["text"] = body["caption"]?.DeepClone() ?? "", ["parse_mode"] = body["parse_mode"]?.DeepClone() });
        message.Remove("text");
        message["caption"] = BotApiRequestValidator.ParseMessageText(body["caption"]?.GetValue<string>() ?? "", body["parse_mode"]?.GetValue<string>()).Text;
        message["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo-1", ["file_unique_id"] = "p1", ["width"] = 960, ["height"] = 540 });
        return message;
    }

    private JsonObject SentMessage(JsonObject body)
    {
        long chatId = body["chat_id"]!.GetValue<long>();
        var parsed = BotApiRequestValidator.ParseMessageText(body["text"]!.GetValue<string>(), body["parse_mode"]?.GetValue<string>());
        return new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = chatId > 0
                ? new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "User" }
                : new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Group" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Lavrov Quotes", ["username"] = BotUsername },
            ["text"] = parsed.Text,
        };
    }

    private static JsonObject Error(int code, string description, int? retryAfter)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is int seconds) error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return error;
    }

    private static async Task RespondAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Reads the parameters however they were sent: JSON, form, multipart, or the query string.</summary>
    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, string method, Action<string, byte[]> upload)
    {
        var result = new JsonObject();
        var fields = TelegramApiSpec.Instance.CanonicalMethod(method) is { } canonical ? TelegramApiSpec.Instance.Fields(canonical) : new Dictionary<string, string[]>();
        foreach (var (key, value) in request.Query) result[key] = Coerce(value.ToString(), fields.GetValueOrDefault(key));

        if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            if (text.Length > 0 && JsonNode.Parse(text) is JsonObject json)
                foreach (var (key, value) in json) result[key] = value?.DeepClone();
            else if (text.Length > 0)
                throw new FormatException("the JSON body is not an object");
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form) result[key] = Coerce(value.ToString(), fields.GetValueOrDefault(key));
            foreach (var file in form.Files)
            {
                // A part named by a field's "attach://<name>" is that field's file (Telegram.Bot uploads this way); any other part is a field itself.
                if (!form.Any(f => f.Value.ToString() == "attach://" + file.Name)) result[file.Name] = "attach://" + file.FileName;
                using var copy = new MemoryStream();
                await file.CopyToAsync(copy);
                upload(file.FileName, copy.ToArray());
            }
        }
        else if (request.ContentLength > 0)
        {
            throw new FormatException($"unsupported content type '{request.ContentType}'");
        }

        return result;
    }

    /// <summary>A form value as the JSON the spec expects: integers and booleans where accepted, then strings, else parsed JSON.</summary>
    private static JsonNode? Coerce(string value, string[]? types)
    {
        if (types is null) return JsonValue.Create(value);
        if (types.Contains("Integer") && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        if (types.Contains("Boolean") && bool.TryParse(value, out var boolean)) return JsonValue.Create(boolean);
        if (types.Contains("String")) return JsonValue.Create(value);
        try
        {
            return JsonNode.Parse(value);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(value);
        }
    }
}
