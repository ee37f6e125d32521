using ChatBot.Model;
using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>
/// A verbatim quote: <see cref="Text"/> is exactly the document's stored text from <see cref="Start"/> to
/// <see cref="End"/>, which is itself a slice of the source file. <see cref="Question"/> is the question it
/// answers, shown as context and never as part of the quote.
/// </summary>
public sealed record QuoteResult
{
    /// <summary>The quote, verbatim.</summary>
    public required string Text { get; init; }

    /// <summary>Who said it.</summary>
    public required string Speaker { get; init; }

    /// <summary>The speaker's office, when known.</summary>
    public string? Post { get; init; }

    /// <summary>The speaker's role.</summary>
    public required SpeakerRole Role { get; init; }

    /// <summary>Start of the quote in the document's stored text.</summary>
    public required int Start { get; init; }

    /// <summary>End (exclusive) of the quote in the document's stored text.</summary>
    public required int End { get; init; }

    /// <summary>Relevance (fused rank score; higher is better).</summary>
    public required double Score { get; init; }

    /// <summary>The question the passage answers, or null.</summary>
    public string? Question { get; init; }

    /// <summary>Where it was said.</summary>
    public required DocumentInfo Document { get; init; }

    /// <summary>The chunk the quote was cut from.</summary>
    public required Guid ChunkId { get; init; }

    /// <summary>The turn the quote lies in (for "show the whole answer").</summary>
    public required int TurnIndex { get; init; }

    /// <summary>Cosine similarity of the query and the whole passage, when the search used vectors.</summary>
    public double? VectorSimilarity { get; init; }

    /// <summary>Whether the passage answers the question, as the relevance policy judged it; null when not judged.</summary>
    public RelevanceVerdict? Relevance { get; init; }

    /// <summary>
    /// Stretches of <see cref="Text"/> that give someone else's words, not the speaker's ("As President Putin said,
    /// “…”", "the Secretary-General told us that …", "quote … end quote"), with offsets relative to <see cref="Text"/>
    /// and, when the passage names them, who is relayed. Found by <see cref="RelayedSpeech"/> in the whole passage, so
    /// a cue just before the quote still counts. Front ends should mark these words so that nobody attributes them to
    /// <see cref="Speaker"/>. Empty when none are detected (detection favours precision: an empty list does not prove
    /// that every word is the speaker's).
    /// </summary>
    public IReadOnlyList<RelayedSpan> Relayed { get; init; } = [];
}
