using Grpc.Core;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace ChatBot.Storage.Qdrant;

/// <summary>
/// The retry around each call: bounded, jittered exponential back-off, for the gRPC statuses a retry can cure
/// (<see cref="StatusCode.Unavailable"/>: server down, restarting or a node of the cluster unreachable;
/// <see cref="StatusCode.DeadlineExceeded"/>: the attempt's deadline, <see cref="QdrantOptions.Timeout"/>, passed).
/// Never retried: InvalidArgument, NotFound, Unauthenticated and the rest, which a retry cannot fix, and the caller's
/// own cancellation. Writes are safe to repeat (fixed point ids, deletes by filter).
/// </summary>
internal static class QdrantResilience
{
    /// <summary>Longest back-off between two attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Property carrying the operation name into retry callbacks.</summary>
    public static readonly ResiliencePropertyKey<string> OperationKey = new("qdrant.operation");

    public static ResiliencePipeline Build(QdrantOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                MaxDelay = MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is RpcException e && IsTransient(e.StatusCode)),
                OnRetry = args =>
                {
                    var operation = args.Context.Properties.GetValue(OperationKey, "request");
                    var reason = args.Outcome.Exception is RpcException e ? e.StatusCode.ToString() : "error";
                    Log.Retrying(logger, operation, args.AttemptNumber + 1, options.MaxRetries, reason, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    /// <summary>Whether a status is worth another attempt.</summary>
    public static bool IsTransient(StatusCode status) => status is StatusCode.Unavailable or StatusCode.DeadlineExceeded;
}
