using ChatBot.Api.Contracts;
using ChatBot.Hosting;
using ChatBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatBot.Api;

/// <summary><c>GET /health</c>.</summary>
public static class HealthApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetAsync).WithName("Health").WithSummary("Whether the store answers, and what it holds");
        return app;
    }

    /// <summary>Reports health; 503 when the store cannot be read.</summary>
    public static async Task<Results<Ok<HealthDto>, ProblemHttpResult>> GetAsync(ITranscriptStore store, EmbedderProvider embedder, CancellationToken cancellationToken)
    {
        try
        {
            var stats = await store.GetStatisticsAsync(cancellationToken);
            return TypedResults.Ok(new HealthDto("ok", store.Description, stats.Documents, stats.Chunks, embedder.Status));
        }
        catch (StoreException e)
        {
            return TypedResults.Problem(title: "Store unavailable", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
