using ChatBot.Model;
using ChatBot.Storage;
using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>How relevance is decided (<c>ChatBot:Relevance</c>).</summary>
public sealed class RelevanceOptions
{
    /// <summary>A model file written by <c>fit-relevance</c>; null uses the models shipped with the library.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Probability from which a question counts as answerable (its first results are quoted); null takes the fitted answerability model's threshold.</summary>
    public double? Threshold { get; set; }

    /// <summary>A passage with fewer content words is no statement ("Kristen.", "Thank you.").</summary>
    public int MinStatementWords { get; set; } = 4;

    /// <summary>A passage of at most this many words that ends in a question mark is a question back, not a statement.</summary>
    public int MaxQuestionBackWords { get; set; } = 20;

    /// <summary>How many passages each ranking offers for judging (more when a search asks for over half as many results).</summary>
    public int Candidates { get; set; } = 50;

    /// <summary>Whether results are ordered by the model's probability (a fitted re-ranking); false keeps the store's fused order.</summary>
    public bool Rerank { get; set; } = true;
}

/// <summary>What the relevance policy made of one passage.</summary>
/// <param name="Probability">The fitted model's probability that the passage answers the question (what results are ordered by).</param>
/// <param name="Features">The features the probability was computed from (for fitting and inspection).</param>
public sealed record RelevanceVerdict(double Probability, IReadOnlyList<double> Features);

/// <summary>What the relevance policy made of a whole question: whether its first results answer it.</summary>
/// <param name="Probability">The fitted answerability model's probability that the first results hold an answer.</param>
/// <param name="IsAnswerable">Whether they are quoted (probability at or above the threshold); otherwise ask refuses.</param>
/// <param name="Features">The features the probability was computed from (<see cref="AnswerabilityFeatures"/>).</param>
public sealed record AnswerabilityVerdict(double Probability, bool IsAnswerable, IReadOnlyList<double> Features);

/// <summary>
/// The one place that decides relevance: whether a passage is a statement at all, how likely each passage is to answer
/// the question (the order of results), and whether the question is answered at all (ask quotes the first results or
/// refuses; search reports the same verdict). Both decisions are fitted models, never rules per phrasing: a passage
/// model over features of the passage and of how it was found (<see cref="RelevanceFeatures"/>), and an answerability
/// model over the first results taken together (<see cref="AnswerabilityFeatures"/>), fitted on the passage model's
/// out-of-fold probabilities. Immutable and thread-safe.
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

    /// <summary>How many passages a search returning <paramref name="limit"/> results offers for judging.</summary>
    public int CandidatesFor(int limit) => Math.Max(_options.Candidates, limit * 2);

    /// <summary>The default policy with the shipped models.</summary>
    public static RelevancePolicy Default => s_default.Value;

    private static readonly Lazy<RelevancePolicy> s_default = new(() => new RelevancePolicy());

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

    /// <summary>
    /// The candidates in the order they are offered: by the fitted probability that each answers the question (ties,
    /// and every candidate when <see cref="RelevanceOptions.Rerank"/> is off, keep the store's order).
    /// </summary>
    public IReadOnlyList<T> Rank<T>(IReadOnlyList<T> candidates, Func<T, RelevanceVerdict> verdict) =>
        _options.Rerank ? candidates.Select((c, i) => (c, i)).OrderByDescending(x => verdict(x.c).Probability).ThenBy(x => x.i).Select(x => x.c).ToList() : candidates;

    /// <summary>The verdict on one result of a search.</summary>
    /// <param name="hit">The passage as the store found it.</param>
    /// <param name="quote">The part of it that would be quoted.</param>
    /// <param name="position">Its place among the search's results, from 1.</param>
    /// <param name="query">How the question was read.</param>
    /// <param name="topicStems">The topic's stems.</param>
    /// <param name="best">The best similarity, passage coverage and keyword score among the passages judged for the search.</param>
    /// <param name="rarity">How rare each topic stem is in the store; empty when the store cannot count.</param>
    /// <param name="passageStems">The passage's stems, when the caller has them already.</param>
    public RelevanceVerdict Judge(ChunkHit hit, string quote, int position, QueryInterpretation query, IReadOnlyCollection<string> topicStems, BestOfCandidates best, TopicRarity rarity, IReadOnlySet<string>? passageStems = null)
    {
        var model = query.UsedVectors ? _models.Hybrid : _models.Keywords;
        var features = RelevanceFeatures.Compute(hit, quote, position, query, topicStems, best, rarity, passageStems);
        return new RelevanceVerdict(Math.Round(model.Probability(features), 4), features);
    }

    /// <summary>Whether the question is answered by its first results.</summary>
    /// <param name="window">The verdicts on the first <see cref="AnswerabilityFeatures.Window"/> results, as ranked and kept diverse.</param>
    /// <param name="usedVectors">Whether the dense ranking took part.</param>
    public AnswerabilityVerdict JudgeQuestion(IReadOnlyList<RelevanceVerdict> window, bool usedVectors)
    {
        var model = usedVectors ? _models.HybridQuestions : _models.KeywordsQuestions;
        var features = AnswerabilityFeatures.Compute(window);
        double p = model.Probability(features);
        return new AnswerabilityVerdict(Math.Round(p, 4), window.Count > 0 && p >= (_options.Threshold ?? model.Threshold), features);
    }
}

/// <summary>
/// The features the answerability model reads: how likely the first results are to answer (the passage model's
/// probabilities), how good the best candidate is on each score, and whether the topic's rarest word was found at all
/// (a question about something a speaker never mentioned finds passages on the neighbouring subject, without it).
/// Changing them means fitting the models again.
/// </summary>
public static class AnswerabilityFeatures
{
    /// <summary>How many of the ranked, diverse results the features read (a search's first page).</summary>
    public const int Window = 5;

    /// <summary>Feature names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "first_logit", "first_margin", "best_similarity", "best_passage_coverage", "best_rare_coverage", "unseen_topic_share",
        "log_topic_terms", "speaker_filter", "rarest_term_in_window",
    ];

    private static readonly double s_floorLogit = Logit(0);

    /// <summary>The feature vector of a question.</summary>
    /// <param name="window">The verdicts on its first results (at most <see cref="Window"/> are read), best first.</param>
    /// <remarks>
    /// Only scores bounded the same way in any store: how many candidates a search judged is left out, since a small
    /// store or a narrow filter offers few, and the model would read that as a sign found nowhere in its training.
    /// </remarks>
    public static double[] Compute(IReadOnlyList<RelevanceVerdict> window)
    {
        if (window.Count == 0) return [s_floorLogit, 0, 0, 0, 0, 0, 0, 0, 0];
        double Passage(string name) => window[0].Features[RelevanceFeatures.Index(name)];
        int rarest = RelevanceFeatures.Index("rarest_term_present");
        return
        [
            Logit(window[0].Probability), window[0].Probability - (window.Count > 1 ? window[1].Probability : 0),
            Passage("best_similarity"), Passage("best_passage_coverage"), Passage("best_rare_coverage"), Passage("unseen_topic_share"),
            Passage("log_topic_terms"), Passage("speaker_filter"),
            window.Take(Window).Max(v => v.Features[rarest]),
        ];
    }

    private static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-4, 1 - 1e-4);
        return Math.Log(p / (1 - p));
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
        "similarity_x_coverage", "similarity_below_best", "best_similarity", "best_passage_coverage", "keyword_score_ratio",
        "rare_coverage", "rarest_term_present", "unseen_topic_share", "best_rare_coverage",
    ];

    private static readonly Dictionary<string, int> s_index = Names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

    /// <summary>The position of a feature in <see cref="Names"/>.</summary>
    public static int Index(string name) =>
        s_index.TryGetValue(name, out var i) ? i : throw new ArgumentException($"No relevance feature is called {name}.", nameof(name));

    /// <summary>The feature vector of one result.</summary>
    /// <param name="best">The best similarity, passage coverage and keyword score among the passages judged (how good the question's best answer is).</param>
    /// <param name="rarity">How rare each topic stem is in the store; empty when the store cannot count (the rarity features then fall back to plain coverage).</param>
    /// <param name="passageStems">The passage's stems, when the caller has them already.</param>
    public static double[] Compute(ChunkHit hit, string quote, int position, QueryInterpretation query, IReadOnlyCollection<string> topicStems, BestOfCandidates best, TopicRarity rarity, IReadOnlySet<string>? passageStems = null)
    {
        passageStems ??= Stemmer.Stems(hit.Chunk.Text);
        double similarity = hit.VectorSimilarity ?? 0;
        double quoteCoverage = TermMatcher.Coverage(topicStems, quote);
        double passageCoverage = TermMatcher.Coverage(topicStems, passageStems);
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
            hit.LexicalScore is double k && best.KeywordScore > 0 ? k / best.KeywordScore : 0,
            RareCoverage(topicStems, passageStems, rarity),
            RarestPresent(topicStems, passageStems, rarity),
            topicStems.Count == 0 ? 0 : topicStems.Count(rarity.Unseen.Contains) / (double)topicStems.Count,
            best.RareCoverage,
        ];
    }

    /// <summary>The share of the topic's weight (each stem weighted by its rarity) the passage holds; plain coverage when rarity is unknown.</summary>
    public static double RareCoverage(IReadOnlyCollection<string> topicStems, IReadOnlySet<string> passageStems, TopicRarity rarity)
    {
        if (topicStems.Count == 0) return 0;
        double total = 0, held = 0;
        foreach (var t in topicStems)
        {
            double w = rarity.ByStem.Count == 0 ? 1 : rarity.ByStem.GetValueOrDefault(t, 0);
            total += w;
            if (passageStems.Contains(t)) held += w;
        }

        return total > 0 ? held / total : 0;
    }

    /// <summary>1 when the passage holds the topic's rarest stem, else 0; plain coverage when rarity is unknown.</summary>
    private static double RarestPresent(IReadOnlyCollection<string> topicStems, IReadOnlySet<string> passageStems, TopicRarity rarity)
    {
        if (topicStems.Count == 0) return 0;
        if (rarity.ByStem.Count == 0) return TermMatcher.Coverage(topicStems, passageStems);
        var rarest = topicStems.MaxBy(t => rarity.ByStem.GetValueOrDefault(t, 0))!;
        return passageStems.Contains(rarest) ? 1 : 0;
    }

}

/// <summary>The best of each score among the passages judged for one search: how good the question's best answer is.</summary>
/// <param name="Similarity">The highest similarity to the query vector.</param>
/// <param name="Coverage">The highest share of the topic's words a passage holds.</param>
/// <param name="KeywordScore">The highest keyword (BM25) score, 0 when the store reported none.</param>
/// <param name="RareCoverage">The highest rarity-weighted coverage (<see cref="RelevanceFeatures.RareCoverage"/>).</param>
public sealed record BestOfCandidates(double Similarity, double Coverage, double KeywordScore, double RareCoverage = 0)
{
    /// <summary>The best of each over <paramref name="hits"/>.</summary>
    /// <param name="hits">The passages judged.</param>
    /// <param name="passageStems">Their stems, in the same order.</param>
    /// <param name="topicStems">The topic's stems.</param>
    /// <param name="rarity">How rare each topic stem is.</param>
    public static BestOfCandidates Of(IReadOnlyList<ChunkHit> hits, IReadOnlyList<IReadOnlySet<string>> passageStems, IReadOnlyCollection<string> topicStems, TopicRarity rarity)
    {
        if (hits.Count == 0) return new(0, 0, 0, 0);
        return new(hits.Max(h => h.VectorSimilarity ?? 0), passageStems.Max(s => TermMatcher.Coverage(topicStems, s)),
            hits.Max(h => h.LexicalScore ?? 0), passageStems.Max(s => RelevanceFeatures.RareCoverage(topicStems, s, rarity)));
    }
}

/// <summary>How rare the topic's stems are in the store.</summary>
/// <param name="ByStem">Rarity of each stem (<see cref="WordCounts.Rarity"/>, the rarest of its words); empty when the store cannot count.</param>
/// <param name="Unseen">Stems no passage holds.</param>
public sealed record TopicRarity(IReadOnlyDictionary<string, double> ByStem, IReadOnlySet<string> Unseen)
{
    /// <summary>Nothing known.</summary>
    public static TopicRarity Unknown { get; } = new(new Dictionary<string, double>(), new HashSet<string>());

    /// <summary>The rarity of the stems of <paramref name="words"/> from the store's counts.</summary>
    public static TopicRarity From(IReadOnlyCollection<string> words, WordCounts counts)
    {
        if (counts.Passages == 0) return Unknown;
        var byStem = new Dictionary<string, double>(StringComparer.Ordinal);
        var unseen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (counts.Rarity(word) is not double r) continue;
            var stem = Stemmer.Stem(word);
            byStem[stem] = Math.Max(r, byStem.GetValueOrDefault(stem));
            if (counts.Counts[word] == 0) unseen.Add(stem);
        }

        foreach (var word in words)
        {
            if (counts.Counts.TryGetValue(word, out var n) && n > 0) unseen.Remove(Stemmer.Stem(word));
        }

        return new TopicRarity(byStem, unseen);
    }
}
