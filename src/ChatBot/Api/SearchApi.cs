using ChatBot.Api.Contracts;
using ChatBot.Hosting;
using ChatBot.Retrieval;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatBot.Api;

/// <summary><c>POST /api/search</c>: verbatim quotes for a query.</summary>
public static class SearchApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/search", SearchAsync)
            .WithName("Search")
            .WithSummary("Find verbatim quotes")
            .WithDescription("Hybrid BM25 + vector search over speaker turns. A speaker or dates named in the query are applied as filters. Principal statements only unless roles say otherwise.")
            .RequireRateLimiting(ApiProtection.SearchLimit);
        return app;
    }

    /// <summary>Runs a search.</summary>
    public static async Task<Results<Ok<SearchResponseDto>, ProblemHttpResult>> SearchAsync(
        [FromBody] SearchRequestDto request, ISearchService search, IOptions<ChatBotOptions> options, IOptions<ApiOptions> api, CancellationToken cancellationToken)
    {
        try
        {
            var query = SearchQueryMapper.ToQuery(request, options.Value.Search.DefaultLimit, api.Value.Limits);
            var response = await search.SearchAsync(query, cancellationToken);
            return TypedResults.Ok(SearchResponseDto.Of(response));
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(title: "Invalid search request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
