using System.Collections.Concurrent;
using System.Text.Json;
using ChatBot.Answering;
using ChatBot.Model;
using ChatBot.Retrieval;

namespace ChatBot.Evaluation;

/// <summary>
/// Runs each question through search (top 5) and ask, and scores: recall@1, recall@5 and MRR against gold
/// passages; answer recall; attribution errors (a journalist's words or a non-principal turn returned as a
/// statement); year correctness; refusal accuracy on unanswerable questions; verbatim rate (quotes found exactly
/// in their source file).
/// </summary>
public sealed class EvalRunner(ISearchService search, IAnswerService answers, string ranking)
{
    private const int TopK = 5;
    private readonly ConcurrentDictionary<string, string> _files = new(StringComparer.Ordinal);

    /// <summary>Reads a JSON Lines question file; a malformed line is an error naming the file and line.</summary>
    public static List<EvalQuestion> Load(string path)
    {
        var questions = new List<EvalQuestion>();
        int line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                questions.Add(JsonSerializer.Deserialize<EvalQuestion>(text) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}:{line}: not a question object: {e.Message}", e);
            }
        }

        var duplicate = questions.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"{path}: the id '{duplicate.Key}' is used twice");
        return questions;
    }

    /// <summary>Scores every question.</summary>
    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<EvalOutcome>();
        foreach (var q in questions) outcomes.Add(await RunOneAsync(q, cancellationToken));
        return new EvalReport
        {
            Ranking = ranking,
            Overall = Aggregate(questions, outcomes),
            ByKind = questions.Select(q => q.Kind).Distinct().Order(StringComparer.Ordinal)
                .ToDictionary(k => k, k => Aggregate(questions.Where(q => q.Kind == k).ToList(), outcomes.Where(o => o.Kind == k).ToList())),
            Questions = outcomes,
        };
    }

    private async Task<EvalOutcome> RunOneAsync(EvalQuestion q, CancellationToken ct)
    {
        var found = await search.SearchAsync(new SearchQuery { Query = q.Question, Limit = TopK }, ct);
        var answer = await answers.AskAsync(q.Question, cancellationToken: ct);
        var results = found.Results;

        int? firstHit = null;
        for (int i = 0; i < results.Count && firstHit is null; i++)
            if (IsGold(q, results[i])) firstHit = i + 1;

        var returned = results.Concat(answer.Quotes).ToList();
        int attribution = returned.Count(r => r.Role != SpeakerRole.Principal || (q.Forbidden is { } f && TextOverlap.Overlaps(r.Text, f)));
        int verbatim = returned.Count(r => Source(r.Document.Source).Contains(r.Text, StringComparison.Ordinal));
        var dated = q.Year is int year ? returned : [];
        return new EvalOutcome
        {
            Id = q.Id,
            Kind = q.Kind,
            FirstHitRank = firstHit,
            AnswerHit = q.Gold.Count > 0 ? answer.Quotes.Any(a => IsGold(q, a)) : null,
            Refused = answer.Refused,
            AttributionErrors = attribution,
            YearResults = dated.Count,
            YearCorrectResults = dated.Count(r => r.Document.Year == q.Year),
            Quotes = returned.Count,
            VerbatimQuotes = verbatim,
            TopQuote = results.FirstOrDefault()?.Text,
            Answerability = found.Answerability?.Probability,
            Speakers = found.Interpretation.Speakers,
        };
    }

    internal static bool IsGold(EvalQuestion q, QuoteResult r) =>
        q.Gold.Any(g => TextOverlap.SameFile(r.Document.Source, g.File) && TextOverlap.Overlaps(r.Text, g.Substring));

    private string Source(string path) => _files.GetOrAdd(path, p => File.Exists(p) ? File.ReadAllText(p) : "");

    private static EvalScores Aggregate(IReadOnlyList<EvalQuestion> questions, IReadOnlyList<EvalOutcome> outcomes)
    {
        var byId = questions.ToDictionary(q => q.Id);
        var answerable = outcomes.Where(o => byId[o.Id].Gold.Count > 0).ToList();
        var unanswerable = outcomes.Where(o => byId[o.Id].Gold.Count == 0).ToList();
        var dated = outcomes.Where(o => byId[o.Id].Year is not null).ToList();
        int quotes = outcomes.Sum(o => o.Quotes);
        int yearResults = dated.Sum(o => o.YearResults);
        double? Rate(int part, int whole) => whole == 0 ? null : Math.Round(part / (double)whole, 3);
        return new EvalScores
        {
            Questions = outcomes.Count,
            RecallAt1 = Rate(answerable.Count(o => o.FirstHitRank == 1), answerable.Count),
            RecallAt5 = Rate(answerable.Count(o => o.FirstHitRank is <= TopK), answerable.Count),
            Mrr = answerable.Count == 0 ? null : Math.Round(answerable.Average(o => o.FirstHitRank is int r ? 1.0 / r : 0), 3),
            AnswerRecall = Rate(answerable.Count(o => o.AnswerHit == true), answerable.Count),
            AttributionErrors = outcomes.Sum(o => o.AttributionErrors),
            YearCorrect = Rate(dated.Sum(o => o.YearCorrectResults), yearResults),
            RefusalAccuracy = Rate(unanswerable.Count(o => o.Refused), unanswerable.Count),
            FalseRefusals = answerable.Count(o => o.Refused),
            VerbatimRate = Rate(outcomes.Sum(o => o.VerbatimQuotes), quotes),
        };
    }
}
