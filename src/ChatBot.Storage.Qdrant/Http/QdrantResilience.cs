using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChatBot.Storage.Qdrant.Http;

/// <summary>
/// The per-request pipeline: a timeout on each attempt inside a bounded retry with jittered exponential back-off.
/// Retried: network errors, attempt timeouts, HTTP 5xx and 429 (honouring <c>Retry-After</c>). Never retried: other
/// 4xx, which a retry cannot fix. Writes are safe to repeat (fixed point ids, deletes by filter).
/// </summary>
internal static class QdrantResilience
{
    /// <summary>Longest back-off between two attempts, whatever the server asks.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Property carrying the operation name into retry callbacks.</summary>
    public static readonly ResiliencePropertyKey<string> OperationKey = new("qdrant.operation");

    public static ResiliencePipeline<HttpResponseMessage> Build(QdrantOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                MaxDelay = MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var operation = args.Context.Properties.GetValue(OperationKey, "request");
                    var reason = args.Outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    Log.Retrying(logger, operation, args.AttemptNumber + 1, options.MaxRetries, reason, args.RetryDelay.TotalMilliseconds);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.Timeout != Timeout.InfiniteTimeSpan) builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    /// <summary>Whether an outcome is worth another attempt.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: TimeoutRejectedException } => true,
        { Exception: TaskCanceledException { InnerException: TimeoutException } } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };

    /// <summary>The server's <c>Retry-After</c>, capped; null lets the back-off decide.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is not { } d || d <= TimeSpan.Zero) return null;
        return d < MaxDelay ? d : MaxDelay;
    }
}
