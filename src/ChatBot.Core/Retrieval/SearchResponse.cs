namespace ChatBot.Retrieval;

/// <summary>Quotes found for a query, with how the query was read.</summary>
public sealed record SearchResponse(string Query, QueryInterpretation Interpretation, IReadOnlyList<QuoteResult> Results)
{
    /// <summary>The topic's vector when the dense ranking took part, for callers that compare passages with it.</summary>
    public ReadOnlyMemory<float>? TopicVector { get; init; }
}

/// <summary>
/// How a query was read: the topic words searched, and the speaker and date filters taken from the text or given.
/// </summary>
/// <param name="Topic">What passages were matched on (the question's framing removed).</param>
/// <param name="Speakers">Stored speaker names the search was restricted to, or null.</param>
/// <param name="From">Earliest date applied.</param>
/// <param name="To">Latest date applied.</param>
/// <param name="UsedVectors">Whether the dense ranking took part.</param>
public sealed record QueryInterpretation(string Topic, IReadOnlyList<string>? Speakers, DateOnly? From, DateOnly? To, bool UsedVectors)
{
    /// <summary>The topic as the user wrote it, for leads and messages.</summary>
    public string DisplayTopic { get; init; } = Topic;
}
