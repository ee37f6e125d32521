using System.Text.Json.Serialization;
using ChatBot.Retrieval;

namespace ChatBot.Answering;

/// <summary>Which path produced an answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerMode>))]
public enum AnswerMode
{
    /// <summary>Verbatim quotes with a neutral lead; no generated prose.</summary>
    [JsonStringEnumMemberName("extractive")]
    Extractive,

    /// <summary>Prose from a language model, every quoted span checked against its cited passage.</summary>
    [JsonStringEnumMemberName("llm")]
    Llm,
}

/// <summary>
/// An answer built from the transcripts. <see cref="Text"/> cites <see cref="Quotes"/> as [1], [2]...; every quote
/// is verbatim. When nothing relevant was found, <see cref="Refused"/> is true and <see cref="Text"/> says so.
/// </summary>
public sealed record Answer
{
    /// <summary>The question as asked.</summary>
    public required string Question { get; init; }

    /// <summary>The question as searched: a follow-up made standalone ("And about Syria?" gives "What did Sergey Lavrov say about Syria?").</summary>
    public required string StandaloneQuestion { get; init; }

    /// <summary>The answer text, citing quotes by number.</summary>
    public required string Text { get; init; }

    /// <summary>A short neutral lead ("Sergey Lavrov on North Korea, 3 statements:"), or the refusal.</summary>
    public required string Lead { get; init; }

    /// <summary>Which path produced the answer.</summary>
    public required AnswerMode Mode { get; init; }

    /// <summary>True when the transcripts hold no answer.</summary>
    public required bool Refused { get; init; }

    /// <summary>The cited quotes, numbered from 1 in this order.</summary>
    public required IReadOnlyList<QuoteResult> Quotes { get; init; }

    /// <summary>How many documents the search covered.</summary>
    public required int DocumentsSearched { get; init; }

    /// <summary>The topic searched (for resolving later follow-ups).</summary>
    public string? Topic { get; init; }

    /// <summary>The speaker names the answer was restricted to, if any (for resolving later follow-ups).</summary>
    public IReadOnlyList<string>? Speakers { get; init; }

    /// <summary>Anything the user should know about how the answer was made ("the language model was unavailable ...").</summary>
    public string? Notice { get; init; }
}
