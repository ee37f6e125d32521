namespace ChatBot.Answering;

/// <summary>Answers questions from the transcripts with verified quotes. Thread-safe.</summary>
public interface IAnswerService
{
    /// <summary>
    /// Answers <paramref name="question"/>. <paramref name="history"/> holds the conversation's earlier answers,
    /// oldest first, so an elliptical follow-up ("And about Syria?") is resolved against them.
    /// </summary>
    /// <exception cref="ArgumentException">The question is empty or too long.</exception>
    Task<Answer> AskAsync(string question, IReadOnlyList<Answer>? history = null, AskOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>Per-call settings of <see cref="IAnswerService.AskAsync"/>.</summary>
public sealed record AskOptions
{
    /// <summary>Most quotes to cite (1 to 10); null uses the configured default.</summary>
    public int? Limit { get; init; }

    /// <summary>Quotes only: skip the language model even when one is configured.</summary>
    public bool QuotesOnly { get; init; }
}
