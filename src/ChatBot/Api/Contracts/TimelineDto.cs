using ChatBot.Timeline;

namespace ChatBot.Api.Contracts;

/// <summary>
/// Statements on a topic per year or month (<c>granularity</c>), from the first statement to the latest, empty periods
/// included; a statement is a speaker turn carrying the topic's words, counted once. <c>first</c> and <c>latest</c> are
/// the earliest and the most recent quote. <c>complete</c> is false when some count is a lower bound.
/// </summary>
public sealed record TimelineDto(
    string Topic, IReadOnlyList<string>? Speakers, string Granularity, int Total, bool Complete, IReadOnlyList<TimelineBucketDto> Buckets, QuoteDto? First, QuoteDto? Latest)
{
    /// <summary>Maps a timeline.</summary>
    public static TimelineDto Of(ChatBot.Timeline.Timeline t) => new(
        t.Topic, t.Speakers, t.Granularity == TimelineGranularity.Month ? "month" : "year", t.Total, t.Complete,
        t.Buckets.Select(TimelineBucketDto.Of).ToList(), t.First is null ? null : QuoteDto.Of(t.First), t.Latest is null ? null : QuoteDto.Of(t.Latest));
}
