using ChatBot.Api.Contracts;
using ChatBot.Hosting;
using ChatBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatBot.Api;

/// <summary><c>GET /health</c>.</summary>
public static partial class HealthApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetAsync).WithName("Health").WithSummary("Whether the store answers, and what it holds");
        return app;
    }

    /// <summary>Reports health; 503 when the store cannot be read.</summary>
    public static async Task<Results<Ok<HealthDto>, ProblemHttpResult>> GetAsync(ITranscriptStore store, EmbedderProvider embedder, ILogger<HealthDto> logger, CancellationToken cancellationToken)
    {
        try
        {
            var stats = await store.GetStatisticsAsync(cancellationToken);
            // Kinds and counts only: no server path reaches a client (the store's file and the model folders stay in the log).
            return TypedResults.Ok(new HealthDto("ok", store.Description.Split(':')[0], stats.Documents, stats.Chunks, embedder.Summary));
        }
        catch (StoreException e)
        {
            LogUnavailable(logger, e);
            return TypedResults.Problem(title: "Store unavailable", detail: "The store cannot be read; the server log says why.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Health check: the store is unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
