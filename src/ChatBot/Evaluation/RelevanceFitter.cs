using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Retrieval;

namespace ChatBot.Evaluation;

/// <summary>
/// Fits the relevance model (<see cref="RelevanceModel"/>) on labelled question sets: each question is searched as ask
/// searches it, each result is a row (its <see cref="RelevanceFeatures"/>, labelled by whether it overlaps a gold
/// passage), and a logistic regression is fitted. The threshold is chosen on out-of-fold predictions of a k-fold
/// cross-validation grouped by question (no question is scored by a model that saw it), minimising the expected cost of
/// its mistakes: a refused answerable question costs 1, an unanswerable one answered (with unrelated quotes)
/// <c>answeredUnanswerableCost</c>; the cross-validated figures are reported per set and kept in the model file.
/// </summary>
public sealed class RelevanceFitter(ISearchService search, int resultsPerQuestion, int quotesPerAnswer, double answeredUnanswerableCost, int searchLimit = 5)
{
    /// <summary>One result of one question.</summary>
    /// <param name="Place">Where the passage lies, for choosing diverse results as search does.</param>
    public sealed record Row(string Set, string QuestionId, bool Answerable, int Rank, double[] Features, bool Gold, PassagePlace? Place = null);

    /// <summary>Cross-validated figures at the chosen threshold.</summary>
    public sealed record Figures(int Questions, int Answerable, int Unanswerable, int FalseRefusals, int RefusedUnanswerable, int AnswerHits, int SearchHits = 0)
    {
        /// <summary>Share of answerable questions with a gold passage among the first results of the search.</summary>
        public double RecallAtLimit => Answerable == 0 ? 0 : SearchHits / (double)Answerable;

        /// <summary>Share of answerable questions refused.</summary>
        public double FalseRefusalRate => Answerable == 0 ? 0 : FalseRefusals / (double)Answerable;

        /// <summary>Share of unanswerable questions refused.</summary>
        public double RefusalAccuracy => Unanswerable == 0 ? 1 : RefusedUnanswerable / (double)Unanswerable;

        /// <summary>Share of answerable questions whose answer quotes a gold passage.</summary>
        public double AnswerRecall => Answerable == 0 ? 0 : AnswerHits / (double)Answerable;

        /// <summary>Mean of the two accuracies: what the threshold maximises.</summary>
        public double BalancedAccuracy => ((1 - FalseRefusalRate) + RefusalAccuracy) / 2;
    }

    /// <summary>Searches every question and turns each candidate the search judged into a row.</summary>
    public async Task<List<Row>> CollectAsync(string set, IReadOnlyList<EvalQuestion> questions, bool useVectors, CancellationToken ct)
    {
        var rows = new List<Row>();
        foreach (var q in questions)
        {
            var found = await search.SearchAsync(new SearchQuery { Query = q.Question, Limit = resultsPerQuestion, UseVectors = useVectors, IncludeCandidates = true }, ct);
            var candidates = found.Candidates ?? [];
            for (int i = 0; i < candidates.Count; i++)
            {
                var (place, r) = candidates[i];
                if (r.Relevance is null) continue;
                rows.Add(new Row(set, $"{set}/{q.Id}", q.Gold.Count > 0, i + 1, [.. r.Relevance.Features], q.Gold.Count > 0 && EvalRunner.IsGold(q, r), place));
            }

            // A question with no result at all (ids are unique within a set only).
            if (candidates.Count == 0) rows.Add(new Row(set, $"{set}/{q.Id}", q.Gold.Count > 0, 0, [], false));
        }

        return rows;
    }

    /// <summary>Fits with <paramref name="folds"/>-fold cross-validation, then on everything; returns the model and a report.</summary>
    public (RelevanceModel Model, string Report, Dictionary<string, Figures> BySet, double Auc) Fit(List<Row> rows, int folds, double lambda)
    {
        var scored = rows.Where(r => r.Features.Length > 0).ToList();
        var outOfFold = new Dictionary<Row, double>();
        for (int f = 0; f < folds; f++)
        {
            bool InFold(Row r) => Fold(r.QuestionId, folds) == f;
            var train = scored.Where(r => !InFold(r)).ToList();
            var (mean, scale, weights, bias) = LogisticRegression.Fit(train.Select(r => r.Features).ToList(), train.Select(r => r.Gold).ToList(), lambda);
            var model = Model(mean, scale, weights, bias, 0.5);
            foreach (var r in scored.Where(InFold)) outOfFold[r] = model.Probability(r.Features);
        }

        // The threshold whose mistakes cost least out of fold.
        double best = 0.5, bestScore = double.NegativeInfinity;
        for (double t = 0.02; t < 0.98; t += 0.01)
        {
            var all = Score(rows, outOfFold, t);
            double score = -(all.FalseRefusals + answeredUnanswerableCost * (all.Unanswerable - all.RefusedUnanswerable));
            if (score > bestScore + 1e-9)
            {
                bestScore = score;
                best = Math.Round(t, 2);
            }
        }

        var final = LogisticRegression.Fit(scored.Select(r => r.Features).ToList(), scored.Select(r => r.Gold).ToList(), lambda);
        var fitted = Model(final.Mean, final.Scale, final.Weights, final.Bias, best);
        var bySet = rows.GroupBy(r => r.Set).ToDictionary(g => g.Key, g => Score(g.ToList(), outOfFold, best));
        bySet["all"] = Score(rows, outOfFold, best);
        double auc = Auc(scored.Select(r => (outOfFold[r], r.Gold)).ToList());

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{rows.Select(r => r.QuestionId).Distinct().Count()} questions, {scored.Count} results ({scored.Count(r => r.Gold)} gold), {folds}-fold cross-validation by question, L2 {lambda}");
        foreach (var set in rows.Select(r => r.Set).Distinct().Order(StringComparer.Ordinal))
        {
            var answerableIds = rows.Where(r => r.Set == set && r.Answerable).Select(r => r.QuestionId).Distinct().ToList();
            int reachable = answerableIds.Count(id => rows.Any(r => r.QuestionId == id && r.Gold));
            report.AppendLine(CultureInfo.InvariantCulture, $"{set}: a gold passage is among the judged candidates for {reachable}/{answerableIds.Count} answerable questions (the ceiling of any re-ranking)");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"passage AUC (out of fold) {auc:F3}; threshold {best:F2} (cost of mistakes {-bestScore:F0}, an unanswerable question answered costing {answeredUnanswerableCost} refusals)");
        report.AppendLine(CultureInfo.InvariantCulture, $"| set | questions | false refusals | unanswerable refused | answer recall | recall@{searchLimit} re-ranked | recall@{searchLimit} store order |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (set, s) in bySet.OrderBy(kv => kv.Key == "all").ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var unranked = Score(set == "all" ? rows : rows.Where(r => r.Set == set).ToList(), outOfFold, best, rerank: false);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {set} | {s.Questions} | {s.FalseRefusals}/{s.Answerable} ({s.FalseRefusalRate:P0}) | {s.RefusedUnanswerable}/{s.Unanswerable} ({s.RefusalAccuracy:P0}) | {s.AnswerRecall:F3} | {s.RecallAtLimit:F3} | {unranked.RecallAtLimit:F3} |");
        }
        // Each set scored by a model fitted on the other sets alone (the closest to questions nobody tuned on).
        var sets = scored.Select(r => r.Set).Distinct().Order(StringComparer.Ordinal).ToList();
        if (sets.Count > 1)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"each set scored by a model fitted on the others only (threshold {best:F2}):");
            foreach (var held in sets)
            {
                var train = scored.Where(r => r.Set != held).ToList();
                var m = LogisticRegression.Fit(train.Select(r => r.Features).ToList(), train.Select(r => r.Gold).ToList(), lambda);
                var other = Model(m.Mean, m.Scale, m.Weights, m.Bias, best);
                var heldRows = rows.Where(r => r.Set == held).ToList();
                var predicted = heldRows.Where(r => r.Features.Length > 0).ToDictionary(r => r, r => other.Probability(r.Features));
                var c = Score(heldRows, predicted, best);
                report.AppendLine(CultureInfo.InvariantCulture, $"  {held}: false refusals {c.FalseRefusals}/{c.Answerable}, unanswerable refused {c.RefusedUnanswerable}/{c.Unanswerable}, answer recall {c.AnswerRecall:F3}, recall@{searchLimit} {c.RecallAtLimit:F3}");
            }
        }

        report.AppendLine("out-of-fold trade-off (threshold: false refusals, unanswerable refused, answer recall):");
        for (double t = 0.05; t < 0.71; t += 0.05)
        {
            var c = Score(rows, outOfFold, t);
            report.AppendLine(CultureInfo.InvariantCulture, $"  {t:F2}: {c.FalseRefusals}/{c.Answerable}, {c.RefusedUnanswerable}/{c.Unanswerable}, {c.AnswerRecall:F3}");
        }

        report.AppendLine("weights (standardised features):");
        for (int i = 0; i < fitted.Features.Count; i++)
            report.AppendLine(CultureInfo.InvariantCulture, $"  {fitted.Features[i],-24} {fitted.Weights[i],8:F3}");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {"bias",-24} {fitted.Bias,8:F3}");
        return (fitted, report.ToString(), bySet, auc);
    }

    /// <summary>
    /// Question-level outcomes when passages from <paramref name="threshold"/> on are answers: the candidates ordered as
    /// search orders them (by probability when <paramref name="rerank"/>, else in the store's order), one per answer turn;
    /// the first <c>searchLimit</c> are the search's results, the answers among the first <c>resultsPerQuestion</c> are quoted.
    /// </summary>
    private Figures Score(IReadOnlyList<Row> rows, IReadOnlyDictionary<Row, double> probability, double threshold, bool rerank = true)
    {
        int answerable = 0, unanswerable = 0, falseRefusals = 0, refused = 0, hits = 0, searchHits = 0;
        foreach (var question in rows.GroupBy(r => r.QuestionId))
        {
            var ranked = question.Where(r => r.Features.Length > 0).OrderByDescending(r => rerank ? probability[r] : 0).ThenBy(r => r.Rank).ToList();
            var ordered = ResultDiversity.Choose(ranked, Math.Max(searchLimit, resultsPerQuestion), r => r.Place!);
            var passing = ordered.Take(resultsPerQuestion).Where(r => probability[r] >= threshold).Take(quotesPerAnswer).ToList();
            if (question.First().Answerable)
            {
                answerable++;
                if (passing.Count == 0) falseRefusals++;
                if (passing.Any(r => r.Gold)) hits++;
                if (ResultDiversity.Choose(ranked, searchLimit, r => r.Place!).Any(r => r.Gold)) searchHits++;
            }
            else
            {
                unanswerable++;
                if (passing.Count == 0) refused++;
            }
        }

        return new Figures(answerable + unanswerable, answerable, unanswerable, falseRefusals, refused, hits, searchHits);
    }

    private static RelevanceModel Model(double[] mean, double[] scale, double[] weights, double bias, double threshold) => new()
    {
        Features = [.. RelevanceFeatures.Names],
        Mean = mean.Select(v => Math.Round(v, 6)).ToList(),
        Scale = scale.Select(v => Math.Round(v, 6)).ToList(),
        Weights = weights.Select(v => Math.Round(v, 6)).ToList(),
        Bias = Math.Round(bias, 6),
        Threshold = threshold,
    };

    /// <summary>A stable fold for a question id (the same on every run and machine).</summary>
    private static int Fold(string id, int folds)
    {
        uint h = 2166136261;
        foreach (char c in id) h = (h ^ c) * 16777619;
        return (int)(h % (uint)folds);
    }

    private static double Auc(List<(double Score, bool Positive)> scored)
    {
        var positives = scored.Where(s => s.Positive).Select(s => s.Score).ToList();
        var negatives = scored.Where(s => !s.Positive).Select(s => s.Score).ToList();
        if (positives.Count == 0 || negatives.Count == 0) return double.NaN;
        double wins = 0;
        foreach (var p in positives)
            foreach (var n in negatives)
                wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / positives.Count / negatives.Count;
    }

    /// <summary>Writes the models and their reports as the file the library ships.</summary>
    public static string Serialize(RelevanceModel hybrid, RelevanceModel keywords, object report) =>
        JsonSerializer.Serialize(new { hybrid, keywords, report }, new JsonSerializerOptions { WriteIndented = true });
}
