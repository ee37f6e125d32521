using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Answering;
using ChatBot.Retrieval;

namespace ChatBot.Evaluation;

/// <summary>
/// Fits the relevance model (<see cref="RelevanceModel"/>) on labelled question sets: each question is searched as ask
/// searches it, each result is a row (its <see cref="RelevanceFeatures"/>, labelled by whether it overlaps a gold
/// passage), and a logistic regression is fitted. The threshold is chosen on out-of-fold predictions of a k-fold
/// cross-validation grouped by question (no question is scored by a model that saw it), minimising the expected cost of
/// its mistakes: a refused answerable question costs 1, an unanswerable one answered (with unrelated quotes)
/// <c>answeredUnanswerableCost</c>, averaged over nearby thresholds (<c>thresholdMargin</c>); the cross-validated figures are reported per set and kept in the model file.
/// </summary>
public sealed class RelevanceFitter(ISearchService search, int resultsPerQuestion, int quotesPerAnswer, double answeredUnanswerableCost, int searchLimit = 5, double thresholdMargin = 0.15)
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

    /// <summary>What one question looks like to the answerability model.</summary>
    private sealed record QuestionRow(string Set, string QuestionId, bool Answerable, double[] Features, bool HasResults);

    /// <summary>The fitted passage and answerability models of one ranking, with the report of how they did.</summary>
    public sealed record Fitted(RelevanceModel Passages, RelevanceModel Questions, string Report, Dictionary<string, Figures> BySet, double Auc);

    /// <summary>
    /// Fits the passage model with <paramref name="folds"/>-fold cross-validation by question, then the answerability model
    /// on the passage model's out-of-fold probabilities (so it learns how far to trust them on questions they were not
    /// fitted on), its threshold chosen out of fold; then both on everything.
    /// </summary>
    public Fitted Fit(List<Row> rows, int folds, double lambda, double questionLambda)
    {
        var scored = rows.Where(r => r.Features.Length > 0).ToList();
        var outOfFold = OutOfFold(scored, folds, lambda);
        var questions = QuestionRows(rows, outOfFold);
        var gateOutOfFold = GateOutOfFold(questions, folds, questionLambda);
        double threshold = ChooseThreshold(questions, gateOutOfFold);

        var final = LogisticRegression.Fit(scored.Select(r => r.Features).ToList(), scored.Select(r => r.Gold).ToList(), lambda);
        var finalGate = LogisticRegression.Fit(questions.Select(q => q.Features).ToList(), questions.Select(q => q.Answerable).ToList(), questionLambda);
        var (passageThreshold, byPassage) = PassageThreshold(rows, outOfFold);
        var fitted = Model(RelevanceFeatures.Names, final.Mean, final.Scale, final.Weights, final.Bias, passageThreshold);
        var fittedGate = Model(AnswerabilityFeatures.Names, finalGate.Mean, finalGate.Scale, finalGate.Weights, finalGate.Bias, threshold);
        var gate = questions.ToDictionary(q => q.QuestionId, q => q.HasResults && gateOutOfFold[q.QuestionId] >= threshold);
        var bySet = rows.GroupBy(r => r.Set).ToDictionary(g => g.Key, g => Score(g.ToList(), outOfFold, gate));
        bySet["all"] = Score(rows, outOfFold, gate);
        double auc = Auc(scored.Select(r => (outOfFold[r], r.Gold)).ToList());
        double questionAuc = Auc(questions.Where(q => q.HasResults).Select(q => (gateOutOfFold[q.QuestionId], q.Answerable)).ToList());

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{rows.Select(r => r.QuestionId).Distinct().Count()} questions, {scored.Count} results ({scored.Count(r => r.Gold)} gold), {folds}-fold cross-validation by question, L2 {lambda} (passages), {questionLambda} (questions)");
        foreach (var set in rows.Select(r => r.Set).Distinct().Order(StringComparer.Ordinal))
        {
            var answerableIds = rows.Where(r => r.Set == set && r.Answerable).Select(r => r.QuestionId).Distinct().ToList();
            int reachable = answerableIds.Count(id => rows.Any(r => r.QuestionId == id && r.Gold));
            report.AppendLine(CultureInfo.InvariantCulture, $"{set}: a gold passage is among the judged candidates for {reachable}/{answerableIds.Count} answerable questions (the ceiling of any re-ranking)");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"out of fold: passage AUC {auc:F3}, question (answerable or not) AUC {questionAuc:F3}; answerability threshold {threshold:F2}, an unanswerable question answered costing {answeredUnanswerableCost} refusals");
        report.AppendLine(CultureInfo.InvariantCulture, $"| set | questions | false refusals | unanswerable refused | answer recall | recall@{searchLimit} re-ranked | recall@{searchLimit} store order |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (set, s) in bySet.OrderBy(kv => kv.Key == "all").ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var unranked = Score(set == "all" ? rows : rows.Where(r => r.Set == set).ToList(), outOfFold, gate, rerank: false);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {set} | {s.Questions} | {s.FalseRefusals}/{s.Answerable} ({s.FalseRefusalRate:P0}) | {s.RefusedUnanswerable}/{s.Unanswerable} ({s.RefusalAccuracy:P0}) | {s.AnswerRecall:F3} | {s.RecallAtLimit:F3} | {unranked.RecallAtLimit:F3} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"for comparison, refusing when no passage reaches a threshold ({passageThreshold:F2}, chosen the same way): false refusals {byPassage.FalseRefusals}/{byPassage.Answerable}, unanswerable refused {byPassage.RefusedUnanswerable}/{byPassage.Unanswerable}, answer recall {byPassage.AnswerRecall:F3}");

        // Each set scored by models fitted on the other sets alone (the closest to questions nobody tuned on).
        var sets = scored.Select(r => r.Set).Distinct().Order(StringComparer.Ordinal).ToList();
        if (sets.Count > 1)
        {
            report.AppendLine("each set scored by models fitted on the others only (their own threshold):");
            foreach (var held in sets)
            {
                var trainRows = rows.Where(r => r.Set != held).ToList();
                var trainScored = trainRows.Where(r => r.Features.Length > 0).ToList();
                var m = LogisticRegression.Fit(trainScored.Select(r => r.Features).ToList(), trainScored.Select(r => r.Gold).ToList(), lambda);
                var other = Model(RelevanceFeatures.Names, m.Mean, m.Scale, m.Weights, m.Bias, 0.5);
                var trainQuestions = QuestionRows(trainRows, OutOfFold(trainScored, folds, lambda));
                var trainGate = GateOutOfFold(trainQuestions, folds, questionLambda);
                double heldThreshold = ChooseThreshold(trainQuestions, trainGate);
                var g = LogisticRegression.Fit(trainQuestions.Select(q => q.Features).ToList(), trainQuestions.Select(q => q.Answerable).ToList(), questionLambda);
                var otherGate = Model(AnswerabilityFeatures.Names, g.Mean, g.Scale, g.Weights, g.Bias, heldThreshold);
                var heldRows = rows.Where(r => r.Set == held).ToList();
                var predicted = heldRows.Where(r => r.Features.Length > 0).ToDictionary(r => r, r => other.Probability(r.Features));
                var heldGate = QuestionRows(heldRows, predicted).ToDictionary(q => q.QuestionId, q => q.HasResults && otherGate.Probability(q.Features) >= heldThreshold);
                var c = Score(heldRows, predicted, heldGate);
                report.AppendLine(CultureInfo.InvariantCulture, $"  {held}: false refusals {c.FalseRefusals}/{c.Answerable}, unanswerable refused {c.RefusedUnanswerable}/{c.Unanswerable}, answer recall {c.AnswerRecall:F3}, recall@{searchLimit} {c.RecallAtLimit:F3}");
            }
        }

        report.AppendLine("out-of-fold trade-off (answerability threshold: false refusals, unanswerable refused, answer recall):");
        for (double t = 0.3; t < 0.96; t += 0.05)
        {
            var c = Score(rows, outOfFold, questions.ToDictionary(q => q.QuestionId, q => q.HasResults && gateOutOfFold[q.QuestionId] >= t));
            report.AppendLine(CultureInfo.InvariantCulture, $"  {t:F2}: {c.FalseRefusals}/{c.Answerable}, {c.RefusedUnanswerable}/{c.Unanswerable}, {c.AnswerRecall:F3}");
        }

        report.AppendLine("passage weights (standardised features):");
        for (int i = 0; i < fitted.Features.Count; i++)
            report.AppendLine(CultureInfo.InvariantCulture, $"  {fitted.Features[i],-24} {fitted.Weights[i],8:F3}");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {"bias",-24} {fitted.Bias,8:F3}");
        report.AppendLine("answerability weights (standardised features):");
        for (int i = 0; i < fittedGate.Features.Count; i++)
            report.AppendLine(CultureInfo.InvariantCulture, $"  {fittedGate.Features[i],-24} {fittedGate.Weights[i],8:F3}");
        report.AppendLine(CultureInfo.InvariantCulture, $"  {"bias",-24} {fittedGate.Bias,8:F3}");
        return new Fitted(fitted, fittedGate, report.ToString(), bySet, auc);
    }

    /// <summary>Each row's probability from a passage model fitted on the other folds' questions.</summary>
    private static Dictionary<Row, double> OutOfFold(List<Row> scored, int folds, double lambda)
    {
        var outOfFold = new Dictionary<Row, double>();
        for (int f = 0; f < folds; f++)
        {
            bool InFold(Row r) => Fold(r.QuestionId, folds) == f;
            var train = scored.Where(r => !InFold(r)).ToList();
            if (train.Count == 0) continue;
            var (mean, scale, weights, bias) = LogisticRegression.Fit(train.Select(r => r.Features).ToList(), train.Select(r => r.Gold).ToList(), lambda);
            var model = Model(RelevanceFeatures.Names, mean, scale, weights, bias, 0.5);
            foreach (var r in scored.Where(InFold)) outOfFold[r] = model.Probability(r.Features);
        }

        return outOfFold;
    }

    /// <summary>Each question's answerability features, from its candidates ranked and kept diverse as search does.</summary>
    private static List<QuestionRow> QuestionRows(IReadOnlyList<Row> rows, IReadOnlyDictionary<Row, double> probability) =>
        rows.GroupBy(r => r.QuestionId).Select(question =>
        {
            var ranked = Ranked(question, probability, rerank: true);
            var window = ResultDiversity.Choose(ranked, AnswerabilityFeatures.Window, r => r.Place!).Select(r => new RelevanceVerdict(probability[r], r.Features)).ToList();
            var first = question.First();
            return new QuestionRow(first.Set, first.QuestionId, first.Answerable, AnswerabilityFeatures.Compute(window), window.Count > 0);
        }).ToList();

    /// <summary>Each question's probability of being answerable from a model fitted on the other folds' questions.</summary>
    private static Dictionary<string, double> GateOutOfFold(List<QuestionRow> questions, int folds, double lambda)
    {
        var outOfFold = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int f = 0; f < folds; f++)
        {
            bool InFold(QuestionRow q) => Fold(q.QuestionId, folds) == f;
            var train = questions.Where(q => !InFold(q)).ToList();
            var (mean, scale, weights, bias) = LogisticRegression.Fit(train.Select(q => q.Features).ToList(), train.Select(q => q.Answerable).ToList(), lambda);
            var model = Model(AnswerabilityFeatures.Names, mean, scale, weights, bias, 0.5);
            foreach (var q in questions.Where(InFold)) outOfFold[q.QuestionId] = model.Probability(q.Features);
        }

        return outOfFold;
    }

    /// <summary>The answerability threshold whose mistakes cost least.</summary>
    private double ChooseThreshold(List<QuestionRow> questions, IReadOnlyDictionary<string, double> probability) => LeastCost(t =>
        questions.Count(q => q.Answerable && (!q.HasResults || probability[q.QuestionId] < t))
        + answeredUnanswerableCost * questions.Count(q => !q.Answerable && q.HasResults && probability[q.QuestionId] >= t));

    /// <summary>
    /// The older rule, for comparison: a question is answered when a passage among its first results reaches a threshold
    /// (chosen the same way), and only those passages are quoted.
    /// </summary>
    private (double Threshold, Figures Figures) PassageThreshold(IReadOnlyList<Row> rows, IReadOnlyDictionary<Row, double> probability)
    {
        double t = LeastCost(t =>
        {
            var f = Score(rows, probability, null, passageThreshold: t);
            return f.FalseRefusals + answeredUnanswerableCost * (f.Unanswerable - f.RefusedUnanswerable);
        });
        return (t, Score(rows, probability, null, passageThreshold: t));
    }

    /// <summary>
    /// The threshold (0.02 to 0.97 by 0.01) with the least cost averaged over the thresholds within <c>thresholdMargin</c>
    /// of it: a threshold at the edge of a cliff in the cost does not carry to new questions.
    /// </summary>
    private double LeastCost(Func<double, double> cost)
    {
        var grid = Enumerable.Range(2, 96).Select(i => i / 100.0).ToList();
        var costs = grid.Select(cost).ToList();
        int reach = (int)Math.Round(thresholdMargin * 100);
        int best = 0;
        double bestCost = double.PositiveInfinity;
        for (int i = 0; i < grid.Count; i++)
        {
            double mean = costs.Skip(Math.Max(0, i - reach)).Take(Math.Min(grid.Count, i + reach + 1) - Math.Max(0, i - reach)).Average();
            if (mean < bestCost - 1e-9)
            {
                bestCost = mean;
                best = i;
            }
        }

        return grid[best];
    }

    private static List<Row> Ranked(IEnumerable<Row> question, IReadOnlyDictionary<Row, double> probability, bool rerank) =>
        question.Where(r => r.Features.Length > 0).OrderByDescending(r => rerank ? probability[r] : 0).ThenBy(r => r.Rank).ToList();

    /// <summary>
    /// Question-level outcomes: the candidates ordered as search orders them (by probability when <paramref name="rerank"/>,
    /// else in the store's order), kept diverse; the first <c>searchLimit</c> are the search's results; a question the
    /// <paramref name="answered"/> verdict accepts is answered with quotes chosen from the first <c>resultsPerQuestion</c> as
    /// ask chooses them. With <paramref name="passageThreshold"/> instead, only passages reaching it are quoted (the older rule).
    /// </summary>
    private Figures Score(IReadOnlyList<Row> rows, IReadOnlyDictionary<Row, double> probability, IReadOnlyDictionary<string, bool>? answered, bool rerank = true, double? passageThreshold = null)
    {
        int answerable = 0, unanswerable = 0, falseRefusals = 0, refused = 0, hits = 0, searchHits = 0;
        foreach (var question in rows.GroupBy(r => r.QuestionId))
        {
            var ranked = Ranked(question, probability, rerank);
            var ordered = ResultDiversity.Choose(ranked, Math.Max(searchLimit, resultsPerQuestion), r => r.Place!).Take(resultsPerQuestion).ToList();
            var quotes = passageThreshold is double t
                ? AnswerService.ChooseQuotes(ordered.Where(r => probability[r] >= t).ToList(), quotesPerAnswer, r => r.Place!.DocumentId)
                : answered![question.Key] ? AnswerService.ChooseQuotes(ordered, quotesPerAnswer, r => r.Place!.DocumentId) : [];
            if (question.First().Answerable)
            {
                answerable++;
                if (quotes.Count == 0) falseRefusals++;
                if (quotes.Any(r => r.Gold)) hits++;
                if (ResultDiversity.Choose(ranked, searchLimit, r => r.Place!).Any(r => r.Gold)) searchHits++;
            }
            else
            {
                unanswerable++;
                if (quotes.Count == 0) refused++;
            }
        }

        return new Figures(answerable + unanswerable, answerable, unanswerable, falseRefusals, refused, hits, searchHits);
    }

    private static RelevanceModel Model(IReadOnlyList<string> features, double[] mean, double[] scale, double[] weights, double bias, double threshold) => new()
    {
        Features = [.. features],
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

    /// <summary>One row as a JSON object (for inspecting what the model is fitted on).</summary>
    public static string RowJson(Row row, bool usedVectors) => JsonSerializer.Serialize(new
    {
        set = row.Set, question = row.QuestionId, answerable = row.Answerable, vectors = usedVectors, rank = row.Rank, gold = row.Gold,
        document = row.Place?.DocumentId, turn = row.Place?.TurnIndex, ordinal = row.Place?.Ordinal, start = row.Place?.Start, end = row.Place?.End,
        words = row.Place?.Words.GetHashCode(StringComparison.Ordinal), quoteWords = row.Place?.QuoteWords.GetHashCode(StringComparison.Ordinal), features = RelevanceFeatures.Names.Zip(row.Features).ToDictionary(p => p.First, p => p.Second),
    });

    /// <summary>Writes the models and their reports as the file the library ships.</summary>
    public static string Serialize(Fitted hybrid, Fitted keywords, object report) =>
        JsonSerializer.Serialize(new RelevanceModelSet
        {
            Hybrid = hybrid.Passages, Keywords = keywords.Passages, HybridQuestions = hybrid.Questions, KeywordsQuestions = keywords.Questions,
            Report = JsonSerializer.SerializeToElement(report),
        }, new JsonSerializerOptions { WriteIndented = true });
}
