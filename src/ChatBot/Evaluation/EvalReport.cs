using System.Text.Json.Serialization;

namespace ChatBot.Evaluation;

/// <summary>Scores of one evaluation run (one ranking configuration), overall and per kind.</summary>
public sealed record EvalReport
{
    /// <summary>"hybrid" or "bm25".</summary>
    [JsonPropertyName("ranking")] public required string Ranking { get; init; }

    /// <summary>All questions.</summary>
    [JsonPropertyName("overall")] public required EvalScores Overall { get; init; }

    /// <summary>Per question kind.</summary>
    [JsonPropertyName("by_kind")] public required IReadOnlyDictionary<string, EvalScores> ByKind { get; init; }

    /// <summary>Per question outcome, for reading failures.</summary>
    [JsonPropertyName("questions")] public required IReadOnlyList<EvalOutcome> Questions { get; init; }
}

/// <summary>Aggregated scores. Rates are null where no question of the group applies.</summary>
public sealed record EvalScores
{
    [JsonPropertyName("questions")] public int Questions { get; init; }
    [JsonPropertyName("recall_at_1")] public double? RecallAt1 { get; init; }
    [JsonPropertyName("recall_at_5")] public double? RecallAt5 { get; init; }
    [JsonPropertyName("mrr")] public double? Mrr { get; init; }
    [JsonPropertyName("answer_recall")] public double? AnswerRecall { get; init; }
    [JsonPropertyName("attribution_errors")] public int AttributionErrors { get; init; }
    [JsonPropertyName("year_correct")] public double? YearCorrect { get; init; }
    [JsonPropertyName("refusal_accuracy")] public double? RefusalAccuracy { get; init; }
    [JsonPropertyName("false_refusals")] public int FalseRefusals { get; init; }
    [JsonPropertyName("verbatim_rate")] public double? VerbatimRate { get; init; }
}

/// <summary>What happened to one question.</summary>
public sealed record EvalOutcome
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("first_hit_rank")] public int? FirstHitRank { get; init; }
    [JsonPropertyName("answer_hit")] public bool? AnswerHit { get; init; }
    [JsonPropertyName("refused")] public bool Refused { get; init; }
    [JsonPropertyName("attribution_errors")] public int AttributionErrors { get; init; }
    [JsonPropertyName("year_results")] public int YearResults { get; init; }
    [JsonPropertyName("year_correct_results")] public int YearCorrectResults { get; init; }
    [JsonPropertyName("quotes")] public int Quotes { get; init; }
    [JsonPropertyName("verbatim_quotes")] public int VerbatimQuotes { get; init; }
    [JsonPropertyName("top_quote")] public string? TopQuote { get; init; }

    /// <summary>The relevance policy's probability that the search's results answer the question (null when nothing was judged).</summary>
    [JsonPropertyName("answerability")] public double? Answerability { get; init; }

    /// <summary>The speakers the search was restricted to, as it read the question (null: none).</summary>
    [JsonPropertyName("speakers")] public IReadOnlyList<string>? Speakers { get; init; }
}
