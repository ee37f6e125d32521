using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Polly;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using ClientError = Qdrant.Client.QdrantException;

namespace ChatBot.Storage.Qdrant;

/// <summary>
/// The one send path to Qdrant: the official <see cref="QdrantClient"/> over a gRPC channel built from
/// <see cref="QdrantOptions"/> (address, TLS, <c>api-key</c> header, per-attempt deadline, HTTP/2 keep-alive), each
/// call run through the retry of <see cref="QdrantResilience"/>, and failures mapped: an unreachable server, a passed
/// deadline, a refused key or a missing collection to <see cref="StoreException"/> with a message that says what to
/// check; any other refusal to <see cref="QdrantException"/> with the server's detail.
/// </summary>
internal sealed class QdrantConnection : IDisposable
{
    /// <summary>Idle time after which HTTP/2 pings check the connection (a cluster node that went away is noticed).</summary>
    private static readonly TimeSpan s_keepAlivePingDelay = TimeSpan.FromSeconds(60);

    /// <summary>How long a keep-alive ping may go unanswered before the connection is dropped.</summary>
    private static readonly TimeSpan s_keepAlivePingTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Qdrant's REST port, which earlier versions of this store used: worth a warning when configured.</summary>
    private const int RestPort = 6333;

    private readonly GrpcChannel _channel;
    private readonly QdrantOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly Uri _address;

    public QdrantConnection(QdrantOptions options, ILoggerFactory? loggerFactory, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _address = options.Address;
        if (_address.Port == RestPort) Log.RestPortConfigured(logger, _address);
        _channel = GrpcChannel.ForAddress(_address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                KeepAlivePingDelay = s_keepAlivePingDelay,
                KeepAlivePingTimeout = s_keepAlivePingTimeout,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
            DisposeHttpClient = true,
            LoggerFactory = loggerFactory,
        });
        CallInvoker invoker = _channel.CreateCallInvoker();
        if (options.ApiKey is { } key)
        {
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("api-key", key);
                return metadata;
            });
            if (_address.Scheme == Uri.UriSchemeHttp && !_address.IsLoopback) Log.ApiKeyOverPlainHttp(logger, _address.Host);
        }

        var deadline = options.Timeout == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : options.Timeout;
        Client = new QdrantClient(new QdrantGrpcClient(invoker), deadline, loggerFactory);
        _pipeline = QdrantResilience.Build(options, logger);
    }

    /// <summary>The official client (no retries, no error mapping: use <see cref="CallAsync{T}"/>).</summary>
    public QdrantClient Client { get; }

    /// <summary>Where the channel points.</summary>
    public Uri Address => _address;

    /// <summary>Runs one client call with retries and maps its failure.</summary>
    /// <param name="operation">What the call does, for messages and logs ("query points of chatbot_chunks").</param>
    /// <param name="call">The call; it must honour the token it is given.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<T> CallAsync<T>(string operation, Func<QdrantClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(QdrantResilience.OperationKey, operation);
        long started = Stopwatch.GetTimestamp();
        try
        {
            var result = await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.call(state.Client, ctx.CancellationToken),
                context,
                (call, Client));
            Log.RequestCompleted(_logger, operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (RpcException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (RpcException e)
        {
            var detail = string.IsNullOrEmpty(e.Status.Detail) ? e.StatusCode.ToString() : e.Status.Detail;
            Log.RequestFailed(_logger, operation, e.StatusCode.ToString(), detail);
            throw e.StatusCode switch
            {
                StatusCode.Unavailable => new StoreException(
                    $"Qdrant at {_address} is unreachable ({operation}, {Attempts}): {detail}. Check ChatBot:Qdrant:Url (or Host and Port: the gRPC port, 6334 by default, not the REST port 6333) and that the server is running.", e),
                StatusCode.DeadlineExceeded => new StoreException(
                    $"Qdrant at {_address} did not answer '{operation}' within {_options.Timeout.TotalSeconds:0.###} s ({Attempts}). Check the server's load, or raise ChatBot:Qdrant:Timeout.", e),
                StatusCode.Unauthenticated or StatusCode.PermissionDenied => new StoreException(
                    $"Qdrant at {_address} refused to {operation} (gRPC {e.StatusCode}): {detail}. Check ChatBot:Qdrant:ApiKey.", new QdrantException(operation, e.StatusCode, detail, e)),
                StatusCode.NotFound when detail.Contains("collection", StringComparison.OrdinalIgnoreCase) => new StoreException(
                    $"Qdrant at {_address} cannot {operation}: {detail}. Initialize the store (ingest) to create its collections.", new QdrantException(operation, e.StatusCode, detail, e)),
                _ => new QdrantException(operation, e.StatusCode, detail, e),
            };
        }
        catch (ClientError e)
        {
            throw new StoreException($"Qdrant at {_address} failed to {operation}: {e.Message}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Runs one call that returns nothing.</summary>
    public Task CallAsync(string operation, Func<QdrantClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(operation, async (client, ct) =>
        {
            await call(client, ct);
            return true;
        }, cancellationToken);

    public void Dispose()
    {
        Client.Dispose();
        _channel.Dispose();
    }

    private string Attempts => _options.MaxRetries == 0 ? "1 attempt" : $"{_options.MaxRetries + 1} attempts";
}
