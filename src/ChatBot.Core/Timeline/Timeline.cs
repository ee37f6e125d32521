using ChatBot.Retrieval;

namespace ChatBot.Timeline;

/// <summary>How a timeline's statements are grouped.</summary>
public enum TimelineGranularity
{
    /// <summary>One bucket per calendar year.</summary>
    Year,

    /// <summary>One bucket per calendar month (a short span, every statement with a full date).</summary>
    Month,
}

/// <summary>
/// Statements on a topic over time: one bucket per year or month from the first statement to the latest (empty periods
/// included), with the first and the most recent quote. A statement is one speaker turn whose words carry the topic's
/// terms (keyword match, the same test the search applies), counted once however many of its passages match.
/// </summary>
/// <param name="Topic">The topic as read from the request (the question's framing removed).</param>
/// <param name="Speakers">Stored speaker names the count was restricted to, or null for anyone.</param>
/// <param name="Granularity">Year or month buckets.</param>
/// <param name="Buckets">The periods in order.</param>
/// <param name="First">The earliest quote, or null when nothing matched.</param>
/// <param name="Latest">The most recent quote, or null when nothing matched.</param>
public sealed record Timeline(
    string Topic, IReadOnlyList<string>? Speakers, TimelineGranularity Granularity, IReadOnlyList<TimelineBucket> Buckets, QuoteResult? First, QuoteResult? Latest)
{
    /// <summary>Statements counted in all buckets.</summary>
    public int Total => Buckets.Sum(b => b.Count);

    /// <summary>
    /// False when a count is a lower bound (a period held more matches than one search returns) or years were left
    /// out (more than <see cref="TimelineOptions.MaxYearSearches"/>).
    /// </summary>
    public bool Complete { get; init; } = true;
}

/// <summary>One period of a timeline.</summary>
/// <param name="Period">"2017" or "2017-11".</param>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period.</param>
/// <param name="Count">Statements in the period.</param>
/// <param name="Capped">True when the period held as many matches as one search returns, so there may be more.</param>
public sealed record TimelineBucket(string Period, DateOnly From, DateOnly To, int Count, bool Capped = false);
