using System.Globalization;
using ChatBot.Retrieval;
using ChatBot.Storage;

namespace ChatBot.Timeline;

/// <summary>
/// Builds timelines from keyword searches (<see cref="ISearchService"/> with the vector ranking off, so every counted
/// statement carries the topic's words): one search over the whole range, and when that returns as many quotes as it
/// may (<see cref="TimelineOptions.QuotesPerSearch"/>), one search per year. The counts are therefore exact up to that
/// cap per year and marked as lower bounds beyond it. Thread-safe.
/// </summary>
public sealed class TimelineService(ISearchService search, ITranscriptStore store, TimelineOptions? options = null) : ITimelineService
{
    private readonly TimelineOptions _options = Check(options ?? new TimelineOptions());

    /// <inheritdoc />
    public async Task<Timeline> GetAsync(TimelineRequest request, CancellationToken cancellationToken = default)
    {
        SearchQuery.CheckText(request.Topic, "topic", nameof(request));
        if (request.From > request.To)
            throw new ArgumentException($"The date range is reversed: {request.From:yyyy-MM-dd} is after {request.To:yyyy-MM-dd}.", nameof(request));

        var query = new SearchQuery
        {
            Query = request.Topic,
            Limit = _options.QuotesPerSearch,
            Speaker = request.Speaker,
            From = request.From,
            To = request.To,
            Source = request.Source,
            UseVectors = false,
            OnePerTurn = true,
        };
        var whole = await search.SearchAsync(query, cancellationToken);
        var interpretation = whole.Interpretation;
        var statements = new Dictionary<(string Document, int Turn), QuoteResult>();
        Collect(statements, whole.Results);

        var cappedYears = new HashSet<int>();
        bool complete = true;
        if (IsFull(whole.Results))
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            var from = interpretation.From ?? statistics.From;
            var to = interpretation.To ?? statistics.To;
            if (from is { } f && to is { } t)
            {
                var years = Enumerable.Range(f.Year, t.Year - f.Year + 1).Reverse().ToList();
                if (years.Count > _options.MaxYearSearches)
                {
                    years = years.Take(_options.MaxYearSearches).ToList();
                    complete = false;
                }

                statements.Clear();
                foreach (int year in years)
                {
                    var start = new DateOnly(year, 1, 1);
                    var end = new DateOnly(year, 12, 31);
                    var perYear = await search.SearchAsync(query with { From = start > f ? start : f, To = end < t ? end : t }, cancellationToken);
                    Collect(statements, perYear.Results);
                    if (IsFull(perYear.Results)) cappedYears.Add(year);
                }
            }
            else
            {
                complete = false;
            }
        }

        var dated = statements.Values.Where(q => q.Document.DateFrom is not null).ToList();
        if (dated.Count == 0)
            return new Timeline(interpretation.DisplayTopic, interpretation.Speakers, TimelineGranularity.Year, [], null, null) { Complete = complete };

        var first = dated.OrderBy(q => q.Document.DateFrom).ThenBy(q => q.Document.Id, StringComparer.Ordinal).ThenBy(q => q.Start).First();
        var latest = dated.OrderByDescending(q => q.Document.DateTo).ThenBy(q => q.Document.Id, StringComparer.Ordinal).ThenByDescending(q => q.Start).First();
        bool monthly = dated.All(q => q.Document.Date is not null)
            && MonthIndex(latest.Document.Date!.Value) - MonthIndex(first.Document.Date!.Value) < _options.MonthlyUpToMonths;
        var buckets = monthly ? Months(dated, first.Document.Date!.Value, latest.Document.Date!.Value, cappedYears) : Years(dated, cappedYears);
        return new Timeline(interpretation.DisplayTopic, interpretation.Speakers, monthly ? TimelineGranularity.Month : TimelineGranularity.Year, buckets, first, latest)
        {
            Complete = complete && cappedYears.Count == 0,
        };
    }

    /// <summary>Whether a search may have left statements out: it returned as many (one per turn) as it may.</summary>
    private bool IsFull(IReadOnlyList<QuoteResult> results) => results.Count >= _options.QuotesPerSearch;

    /// <summary>One quote per speaker turn, the best-ranked passage of it.</summary>
    private static void Collect(Dictionary<(string, int), QuoteResult> statements, IReadOnlyList<QuoteResult> results)
    {
        foreach (var q in results) statements.TryAdd((q.Document.Id, q.TurnIndex), q);
    }

    private static int YearOf(QuoteResult q) => q.Document.DateFrom!.Value.Year;

    private static int MonthIndex(DateOnly d) => d.Year * 12 + d.Month - 1;

    private static List<TimelineBucket> Years(List<QuoteResult> dated, HashSet<int> capped)
    {
        var counts = dated.GroupBy(YearOf).ToDictionary(g => g.Key, g => g.Count());
        int firstYear = counts.Keys.Min(), lastYear = counts.Keys.Max();
        return Enumerable.Range(firstYear, lastYear - firstYear + 1)
            .Select(y => new TimelineBucket(y.ToString(CultureInfo.InvariantCulture), new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), counts.GetValueOrDefault(y), capped.Contains(y)))
            .ToList();
    }

    private static List<TimelineBucket> Months(List<QuoteResult> dated, DateOnly first, DateOnly last, HashSet<int> capped)
    {
        var counts = dated.GroupBy(q => MonthIndex(q.Document.Date!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var buckets = new List<TimelineBucket>();
        for (int m = MonthIndex(first); m <= MonthIndex(last); m++)
        {
            var start = new DateOnly(m / 12, m % 12 + 1, 1);
            buckets.Add(new TimelineBucket(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), start, start.AddMonths(1).AddDays(-1), counts.GetValueOrDefault(m), capped.Contains(start.Year)));
        }

        return buckets;
    }

    private static TimelineOptions Check(TimelineOptions o)
    {
        if (o.QuotesPerSearch is < 1 or > SearchQuery.MaxLimit)
            throw new ArgumentOutOfRangeException(nameof(o), $"Timeline QuotesPerSearch must be 1 to {SearchQuery.MaxLimit}; it is {o.QuotesPerSearch}.");
        if (o.MaxYearSearches < 1) throw new ArgumentOutOfRangeException(nameof(o), $"Timeline MaxYearSearches must be at least 1; it is {o.MaxYearSearches}.");
        if (o.MonthlyUpToMonths < 0) throw new ArgumentOutOfRangeException(nameof(o), $"Timeline MonthlyUpToMonths must not be negative; it is {o.MonthlyUpToMonths}.");
        return o;
    }
}
