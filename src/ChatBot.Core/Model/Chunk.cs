namespace ChatBot.Model;

/// <summary>
/// A passage of one speaker turn: the unit that is indexed, embedded and retrieved. Its words are
/// <c>document.Text[Start..End]</c>. <see cref="Question"/> is the question the turn answers: context for
/// retrieval, never part of a quote.
/// </summary>
public sealed record Chunk
{
    /// <summary>Id derived from the document, its version and the chunk's position (a valid Qdrant point id).</summary>
    public required Guid Id { get; init; }

    /// <summary>The document the chunk belongs to.</summary>
    public required string DocumentId { get; init; }

    /// <summary>The document version (content hash) the chunk was cut from.</summary>
    public required string DocumentVersion { get; init; }

    /// <summary>Position of the chunk in the document, from 0.</summary>
    public required int Ordinal { get; init; }

    /// <summary>The turn the chunk lies in.</summary>
    public required int TurnIndex { get; init; }

    /// <summary>Start of the chunk in the document's text.</summary>
    public required int Start { get; init; }

    /// <summary>End (exclusive) of the chunk in the document's text.</summary>
    public required int End { get; init; }

    /// <summary>The chunk's words, equal to the document's text from <see cref="Start"/> to <see cref="End"/>.</summary>
    public required string Text { get; init; }

    /// <summary>Who said it.</summary>
    public required string Speaker { get; init; }

    /// <summary>The speaker's role.</summary>
    public required SpeakerRole Role { get; init; }

    /// <summary>The speaker's office, when known.</summary>
    public string? Post { get; init; }

    /// <summary>The question this passage answers, when it follows one.</summary>
    public string? Question { get; init; }
}
