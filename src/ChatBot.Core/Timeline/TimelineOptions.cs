using ChatBot.Retrieval;

namespace ChatBot.Timeline;

/// <summary>Bounds of a timeline: how many quotes one search may bring back and how many searches one timeline may run.</summary>
public sealed record TimelineOptions
{
    /// <summary>Configuration section (<c>ChatBot:Timeline</c>).</summary>
    public const string Section = "ChatBot:Timeline";

    /// <summary>
    /// Quotes asked of one search (at most <see cref="SearchQuery.MaxLimit"/>). When a search returns this many, there may
    /// be more, so the timeline searches each year separately; a year that fills it too is marked as a lower bound.
    /// </summary>
    public int QuotesPerSearch { get; init; } = SearchQuery.MaxLimit;

    /// <summary>Most per-year searches one timeline runs (the latest years first); years beyond are left out and the timeline says so.</summary>
    public int MaxYearSearches { get; init; } = 40;

    /// <summary>Statements spanning at most this many months, all with full dates, are counted per month instead of per year.</summary>
    public int MonthlyUpToMonths { get; init; } = 24;
}
