using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>
/// The transport: sends a <see cref="QdrantHttpRequest"/> through the resilience pipeline with the <c>api-key</c>
/// header, unwraps the <c>{"status": "ok", "result": ...}</c> envelope, and maps failures: the server's error envelope
/// to <see cref="QdrantException"/>; an unreachable server, a timeout, a refused key or a missing collection to
/// <see cref="StoreException"/> with a message that says what to check.
/// </summary>
internal sealed class QdrantClient
{
    private readonly Func<HttpClient> _httpClient;
    private readonly Uri _baseUri;
    private readonly string? _apiKey;
    private readonly QdrantOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public QdrantClient(Func<HttpClient> httpClient, QdrantOptions options, ILogger logger)
    {
        _httpClient = httpClient;
        _options = options;
        _logger = logger;
        var url = options.Url.EndsWith('/') ? options.Url : options.Url + "/";
        _baseUri = new Uri(url, UriKind.Absolute);
        _apiKey = options.ApiKey;
        _pipeline = QdrantResilience.Build(options, logger);
        if (_apiKey is not null && _baseUri.Scheme == Uri.UriSchemeHttp && !_baseUri.IsLoopback) Log.ApiKeyOverPlainHttp(logger, _baseUri.Host);
    }

    /// <summary>Sends a request and returns the envelope's <c>result</c>.</summary>
    public async Task<T> SendAsync<T>(QdrantHttpRequest request, JsonTypeInfo<QdrantResponse<T>> typeInfo, CancellationToken cancellationToken)
    {
        var body = await ExecuteHttpRequestAsync(request, cancellationToken);
        QdrantResponse<T>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException e)
        {
            throw new StoreException($"Qdrant at {_baseUri} answered '{request.Operation}' with a body this store cannot read ({e.Message}). Is the URL a Qdrant REST endpoint of version 1.10 or later?", e);
        }

        return envelope is { Result: { } result }
            ? result
            : throw new StoreException($"Qdrant at {_baseUri} answered '{request.Operation}' without a result. Is the URL a Qdrant REST endpoint?");
    }

    /// <summary>Sends a request with retries and returns the body of a successful answer.</summary>
    public async Task<byte[]> ExecuteHttpRequestAsync(QdrantHttpRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(QdrantResilience.OperationKey, request.Operation);
        long started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    using var message = state.request.ToMessage(state.self._baseUri, state.self._apiKey);
                    return await state.self._httpClient().SendAsync(message, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken);
                },
                context,
                (self: this, request));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException e)
        {
            throw new StoreException($"Qdrant at {_baseUri} is unreachable ({request.Operation}, {Attempts}): {e.Message}. Check QdrantOptions.Url and that the server is running.", e);
        }
        catch (Exception e) when (e is TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException })
        {
            throw new StoreException($"Qdrant at {_baseUri} did not answer '{request.Operation}' within {_options.Timeout.TotalSeconds:0.###} s ({Attempts}). Check the server's load, or raise QdrantOptions.Timeout.", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            int status = (int)response.StatusCode;
            Log.RequestCompleted(_logger, request.Operation, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.IsSuccessStatusCode) return body;

            var error = ErrorText(body) ?? response.ReasonPhrase ?? "no error text";
            Log.RequestFailed(_logger, request.Operation, status, error);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new StoreException(
                    $"Qdrant at {_baseUri} refused to {request.Operation} (HTTP {status}): {error}. Check QdrantOptions.ApiKey.", new QdrantException(request.Operation, status, error)),
                HttpStatusCode.NotFound when error.Contains("collection", StringComparison.OrdinalIgnoreCase) => new StoreException(
                    $"Qdrant at {_baseUri} cannot {request.Operation}: {error}. Initialize the store (ingest) to create its collections.", new QdrantException(request.Operation, status, error)),
                _ => new QdrantException(request.Operation, status, error),
            };
        }
    }

    private string Attempts => _options.MaxRetries == 0 ? "1 attempt" : $"{_options.MaxRetries + 1} attempts";

    /// <summary>The <c>status.error</c> of Qdrant's error envelope, or the start of a body that is not one.</summary>
    internal static string? ErrorText(byte[] body)
    {
        if (body.Length == 0) return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
                return error.GetString();
        }
        catch (JsonException)
        {
            // not JSON: fall through to the raw text
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
