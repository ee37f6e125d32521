namespace ChatBot.Timeline;

/// <summary>Counts statements on a topic per year or month. Thread-safe.</summary>
public interface ITimelineService
{
    /// <summary>The timeline of <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The topic is empty or too long, or the dates are reversed.</exception>
    Task<Timeline> GetAsync(TimelineRequest request, CancellationToken cancellationToken = default);
}
