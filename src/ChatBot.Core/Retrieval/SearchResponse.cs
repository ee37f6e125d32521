namespace ChatBot.Retrieval;

/// <summary>Quotes found for a query, with how the query was read.</summary>
public sealed record SearchResponse(string Query, QueryInterpretation Interpretation, IReadOnlyList<QuoteResult> Results)
{
    /// <summary>How many documents the store holds (what a refusal says was searched).</summary>
    public int DocumentsSearched { get; init; }

    /// <summary>Every statement the search judged, in the order the store ranked them, when <see cref="SearchQuery.IncludeCandidates"/> asked for it; else null.</summary>
    public IReadOnlyList<JudgedPassage>? Candidates { get; init; }

    /// <summary>The relevance policy's verdict on the question as a whole; null when nothing was judged (no passage could match).</summary>
    public AnswerabilityVerdict? Answerability { get; init; }

    /// <summary>Whether the results answer the question (<see cref="RelevancePolicy.JudgeQuestion"/>): ask quotes them, or refuses.</summary>
    public bool Answerable => Answerability?.IsAnswerable == true;
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

    /// <summary>The English the question was searched as, when it was asked in another language; null otherwise.</summary>
    public ChatBot.Language.TranslatedQuery? Translation { get; init; }

    /// <summary>Whether <see cref="DisplayTopic"/> is one stretch of the user's words (else it is the topic's words joined).</summary>
    public bool TopicAsWritten { get; init; }

    /// <summary>
    /// Whether the question asked for recent words ("What has Lavrov said lately about ...", "the latest on ..."): the
    /// results are the same as without, ordered newest first.
    /// </summary>
    public bool NewestFirst { get; init; }
}

/// <summary>A passage the search judged: its quote with the verdict, and where it lies (for diversity).</summary>
public sealed record JudgedPassage(PassagePlace Place, QuoteResult Quote);
