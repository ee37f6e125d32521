using ChatBot.Model;

namespace ChatBot.Retrieval;

/// <summary>A search as a user or client asks it. Explicit filters win over what is read from the query text.</summary>
public sealed record SearchQuery
{
    /// <summary>Longest query accepted, in characters.</summary>
    public const int MaxQueryLength = 1000;

    /// <summary>Most results one search may return.</summary>
    public const int MaxLimit = 50;

    /// <summary>Refuses an empty or over-long query or question, saying why; <paramref name="noun"/> names it in the message.</summary>
    /// <exception cref="ArgumentException">The text is empty or longer than <see cref="MaxQueryLength"/>.</exception>
    public static void CheckText(string? text, string noun, string paramName)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ArgumentException($"The {noun} is empty: ask about a topic, for example \"What did Lavrov say about North Korea?\".", paramName);
        if (text.Length > MaxQueryLength)
            throw new ArgumentException($"The {noun} is {text.Length} characters long; the limit is {MaxQueryLength}.", paramName);
    }

    /// <summary>The question or keywords.</summary>
    public required string Query { get; init; }

    /// <summary>How many quotes to return (1 to <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 5;

    /// <summary>Speaker, as typed ("Lavrov", "Jen Psaki"): matched against stored names by word.</summary>
    public string? Speaker { get; init; }

    /// <summary>Earliest date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Latest date.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Roles to return; null means principal statements only.</summary>
    public IReadOnlyCollection<SpeakerRole>? Roles { get; init; }

    /// <summary>Only documents whose source path contains this text ("ungdc", "seeds/000_d38afe4695054730.txt").</summary>
    public string? Source { get; init; }

    /// <summary>Whether to read a speaker, dates and the topic out of the query text (on by default).</summary>
    public bool Interpret { get; init; } = true;

    /// <summary>Use keyword ranking (on by default; off for dense-only comparisons).</summary>
    public bool UseKeywords { get; init; } = true;

    /// <summary>Use vector ranking when an embedder is configured (on by default; off for a BM25 baseline).</summary>
    public bool UseVectors { get; init; } = true;

    /// <summary>At most one passage per speaker turn (a statement counted once, as a timeline counts); off by default, when distant passages of one long turn may each be a result.</summary>
    public bool OnePerTurn { get; init; }

    /// <summary>Also return every candidate the relevance policy judged, before the cut to <see cref="Limit"/> (for fitting and inspection).</summary>
    public bool IncludeCandidates { get; init; }
}
