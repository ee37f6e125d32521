using ChatBot.Api.Contracts;
using ChatBot.Retrieval;
using ChatBot.Storage;
using ChatBot.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatBot.Api;

/// <summary><c>GET /api/timeline</c>: how often and when a topic was spoken about.</summary>
public static class TimelineApi
{
    /// <summary>Registers the timeline service with its options (<c>ChatBot:Timeline</c>).</summary>
    public static IServiceCollection AddTimeline(this IServiceCollection services)
    {
        services.AddOptions<TimelineOptions>().BindConfiguration(TimelineOptions.Section);
        services.AddSingleton<ITimelineService>(sp => new TimelineService(
            sp.GetRequiredService<ISearchService>(), sp.GetRequiredService<ITranscriptStore>(), sp.GetRequiredService<IOptions<TimelineOptions>>().Value));
        return services;
    }

    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/timeline", GetAsync)
            .WithName("Timeline")
            .WithSummary("Statements on a topic per year or month, with the first and the latest quote")
            .WithDescription("Counts speaker turns whose words carry the topic's terms (keyword match), per year, or per month when they span at most two years. A speaker or dates named in the topic are applied as filters, as in search.");
        return app;
    }

    /// <summary>Builds a timeline.</summary>
    public static async Task<Results<Ok<TimelineDto>, ProblemHttpResult>> GetAsync(
        string? topic, string? speaker, string? from, string? to, string? source, ITimelineService timelines, CancellationToken cancellationToken)
    {
        try
        {
            var request = ToRequest(topic, speaker, from, to, source);
            return TypedResults.Ok(TimelineDto.Of(await timelines.GetAsync(request, cancellationToken)));
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(title: "Invalid timeline request", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Reads the query-string values into a request, refusing malformed dates with a reason.</summary>
    /// <exception cref="ArgumentException">A date is malformed or the topic is missing.</exception>
    public static TimelineRequest ToRequest(string? topic, string? speaker, string? from, string? to, string? source)
    {
        SearchQuery.CheckText(topic, "topic", nameof(topic));
        try
        {
            return new TimelineRequest
            {
                Topic = topic!.Trim(),
                Speaker = string.IsNullOrWhiteSpace(speaker) ? null : speaker.Trim(),
                From = DateBounds.Parse(from, upper: false),
                To = DateBounds.Parse(to, upper: true),
                Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
            };
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, e);
        }
    }
}
