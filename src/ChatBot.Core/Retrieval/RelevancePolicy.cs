using ChatBot.Model;
using ChatBot.Storage;
using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>How relevance is decided (<c>ChatBot:Relevance</c>).</summary>
public sealed class RelevanceOptions
{
    /// <summary>A model file written by <c>fit-relevance</c>; null uses the models shipped with the library.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Probability from which a passage is an answer; null takes the fitted model's threshold.</summary>
    public double? Threshold { get; set; }

    /// <summary>A passage with fewer content words is no statement ("Kristen.", "Thank you.").</summary>
    public int MinStatementWords { get; set; } = 4;

    /// <summary>A passage of at most this many words that ends in a question mark is a question back, not a statement.</summary>
    public int MaxQuestionBackWords { get; set; } = 20;
}

/// <summary>What the relevance policy made of one passage.</summary>
/// <param name="Probability">The fitted model's probability that the passage answers the question.</param>
/// <param name="IsAnswer">Whether it is quoted as an answer (probability at or above the threshold).</param>
/// <param name="Features">The features the probability was computed from (for fitting and inspection).</param>
public sealed record RelevanceVerdict(double Probability, bool IsAnswer, IReadOnlyList<double> Features);

/// <summary>
/// The one place that decides relevance: whether a passage is a statement at all, and whether it answers the question.
/// Search marks every result with its verdict, and ask quotes only the answers and refuses when there are none, so both
/// agree. The decision is a fitted model over features of the passage and of how it was found (see
/// <see cref="RelevanceFeatures"/>), never a rule per phrasing. Immutable and thread-safe.
/// </summary>
public sealed class RelevancePolicy
{
    private readonly RelevanceModelSet _models;
    private readonly RelevanceOptions _options;

    /// <summary>Creates the policy from fitted models (the shipped ones by default).</summary>
    public RelevancePolicy(RelevanceOptions? options = null, RelevanceModelSet? models = null)
    {
        _options = options ?? new RelevanceOptions();
        _models = models ?? (_options.ModelPath is { } path ? RelevanceModelSet.Load(path) : RelevanceModelSet.Shipped);
    }

    /// <summary>The default policy with the shipped models.</summary>
    public static RelevancePolicy Default { get; } = new();

    /// <summary>
    /// Whether a passage says something: not a name called out ("Kristen."), a courtesy ("Thank you.") or a short
    /// question back ("Inflation in the United States, I assume you're referring to?"). Journalists' questions are
    /// judged by their role, not here.
    /// </summary>
    public bool IsStatement(Chunk chunk)
    {
        if (chunk.Role == SpeakerRole.Question) return true;
        var text = chunk.Text.AsSpan().Trim();
        if (LexicalAnalyzer.Terms(chunk.Text).Count < _options.MinStatementWords) return false;
        return !(text.EndsWith("?") && LexicalAnalyzer.WordSpans(chunk.Text).Count() <= _options.MaxQuestionBackWords);
    }

    /// <summary>The verdict on one result of a search.</summary>
    /// <param name="hit">The passage as the store found it.</param>
    /// <param name="quote">The part of it that would be quoted.</param>
    /// <param name="position">Its place among the search's results, from 1.</param>
    /// <param name="query">How the question was read.</param>
    /// <param name="topicStems">The topic's stems.</param>
    /// <param name="best">The best similarity and passage coverage among the search's results.</param>
    public RelevanceVerdict Judge(ChunkHit hit, string quote, int position, QueryInterpretation query, IReadOnlyCollection<string> topicStems, (double Similarity, double Coverage) best)
    {
        var model = query.UsedVectors ? _models.Hybrid : _models.Keywords;
        var features = RelevanceFeatures.Compute(hit, quote, position, query, topicStems, best);
        double p = model.Probability(features);
        return new RelevanceVerdict(Math.Round(p, 4), p >= (_options.Threshold ?? model.Threshold), features);
    }
}

/// <summary>The features the relevance model reads. Changing them means fitting the model again.</summary>
public static class RelevanceFeatures
{
    /// <summary>Feature names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "similarity", "no_similarity", "quote_coverage", "passage_coverage", "question_coverage", "dense_rank_inverse",
        "keyword_rank_inverse", "both_rankings", "position_inverse", "log_words", "log_topic_terms", "speaker_filter",
        "similarity_x_coverage", "similarity_below_best", "best_similarity", "best_passage_coverage",
    ];

    /// <summary>The feature vector of one result.</summary>
    /// <param name="best">The best similarity and passage coverage among all the search's results (how good the question's best answer is).</param>
    public static double[] Compute(ChunkHit hit, string quote, int position, QueryInterpretation query, IReadOnlyCollection<string> topicStems, (double Similarity, double Coverage) best)
    {
        double similarity = hit.VectorSimilarity ?? 0;
        double quoteCoverage = TermMatcher.Coverage(topicStems, quote);
        double passageCoverage = TermMatcher.Coverage(topicStems, hit.Chunk.Text);
        double questionCoverage = hit.Chunk.Question is { } q ? TermMatcher.Coverage(topicStems, q) : 0;
        return
        [
            similarity,
            hit.VectorSimilarity is null ? 1 : 0,
            quoteCoverage,
            passageCoverage,
            questionCoverage,
            hit.DenseRank is int d ? 1.0 / d : 0,
            hit.LexicalRank is int l ? 1.0 / l : 0,
            hit.DenseRank is not null && hit.LexicalRank is not null ? 1 : 0,
            1.0 / position,
            Math.Log(1 + LexicalAnalyzer.WordSpans(quote).Count()),
            Math.Log(1 + topicStems.Count),
            query.Speakers is { Count: > 0 } ? 1 : 0,
            similarity * passageCoverage,
            best.Similarity - similarity,
            best.Similarity,
            best.Coverage,
        ];
    }
}
