using ChatBot.Timeline;

namespace ChatBot.Api.Contracts;

/// <summary>One period of a timeline: <c>period</c> is "2017" or "2017-11"; <c>capped</c> says the count is a lower bound.</summary>
public sealed record TimelineBucketDto(string Period, DateOnly From, DateOnly To, int Count, bool Capped)
{
    /// <summary>Maps a bucket.</summary>
    public static TimelineBucketDto Of(TimelineBucket b) => new(b.Period, b.From, b.To, b.Count, b.Capped);
}
