using System.Text.Json.Serialization;

namespace ChatBot.Evaluation;

/// <summary>One line of an evaluation file (JSON Lines).</summary>
public sealed record EvalQuestion
{
    /// <summary>Unique id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The question as a user asks it.</summary>
    [JsonPropertyName("question")] public required string Question { get; init; }

    /// <summary>Category (direct, paraphrase, dated, unanswerable, attribution...).</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "direct";

    /// <summary>Passages a correct quote overlaps; empty when the corpus cannot answer.</summary>
    [JsonPropertyName("gold")] public IReadOnlyList<GoldPassage> Gold { get; init; } = [];

    /// <summary>A journalist's words that must never be quoted as the official's.</summary>
    [JsonPropertyName("forbidden")] public string? Forbidden { get; init; }

    /// <summary>The year the answer must come from.</summary>
    [JsonPropertyName("year")] public int? Year { get; init; }
}

/// <summary>A gold passage: a file relative to the corpus folder (matched by path suffix) and an exact substring of it.</summary>
public sealed record GoldPassage([property: JsonPropertyName("file")] string File, [property: JsonPropertyName("substring")] string Substring);
