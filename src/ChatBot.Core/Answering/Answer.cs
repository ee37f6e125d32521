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

    /// <summary>
    /// Why the question was refused; null when it was answered. When set, <see cref="Text"/> is the answer service's
    /// refusal, which names the reason and says how many documents were searched (<see cref="DocumentsSearched"/>).
    /// </summary>
    public RefusalReason? RefusalReason { get; init; }

    /// <summary>The parts of the lead of an answer (who, on what, how many), for front ends that compose their own.</summary>
    public AnswerLead? LeadParts { get; init; }

    /// <summary>How the question was read (topic, speakers, dates).</summary>
    public QueryInterpretation? Interpretation { get; init; }
}

/// <summary>Why a question got no quotes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefusalReason>))]
public enum RefusalReason
{
    /// <summary>No passage answers the question.</summary>
    [JsonStringEnumMemberName("nothing_relevant")]
    NothingRelevant,

    /// <summary>The speaker the question names is not in the transcripts.</summary>
    [JsonStringEnumMemberName("speaker_not_found")]
    SpeakerNotFound,

    /// <summary>Nothing was said in the period the question names.</summary>
    [JsonStringEnumMemberName("nothing_in_period")]
    NothingInPeriod,

    /// <summary>Passages were found, but the chat model that read them judged that none answers the question.</summary>
    [JsonStringEnumMemberName("model_found_no_answer")]
    ModelFoundNoAnswer,
}

/// <summary>The lead of an extractive answer: who (when one speaker), on what (when the topic is the user's own words), how many.</summary>
/// <param name="Speaker">The one speaker quoted, or null.</param>
/// <param name="Topic">The topic as the user wrote it, or null when it could not be cut out of the question whole.</param>
/// <param name="Count">How many statements are quoted.</param>
/// <param name="NewestFirst">Whether the statements are ordered newest first (the question asked what was said lately).</param>
public sealed record AnswerLead(string? Speaker, string? Topic, int Count, bool NewestFirst = false)
{
    /// <summary>"Sergey Lavrov on North Korea, 2 statements:", "2 statements by Jen Psaki:", "On sanctions, 3 statements, newest first:".</summary>
    public override string ToString()
    {
        var statements = (Count == 1 ? "1 statement" : $"{Count} statements") + (NewestFirst && Count > 1 ? ", newest first" : "");
        return (Speaker, Topic) switch
        {
            ({ } s, { } t) => $"{s} on {t}, {statements}:",
            ({ } s, null) => $"{statements[0..1].ToUpperInvariant()}{statements[1..]} by {s}:",
            (null, { } t) => $"On {t}, {statements}:",
            _ => $"{statements[0..1].ToUpperInvariant()}{statements[1..]}:",
        };
    }
}
