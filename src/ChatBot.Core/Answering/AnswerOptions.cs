namespace ChatBot.Answering;

/// <summary>How answers are made (<c>ChatBot:Answers</c>).</summary>
public sealed class AnswerOptions
{
    /// <summary>Quotes cited when the caller gives no limit.</summary>
    public int DefaultQuotes { get; set; } = 3;

    /// <summary>Most quotes a caller may ask for.</summary>
    public int MaxQuotes { get; set; } = 10;

    /// <summary>
    /// Whether a chat model that reads the chosen passages and finds that none answers the question
    /// (<see cref="AnswerService.NoAnswerReply"/>) turns the answer into a refusal. Off, the verified quotes are shown instead.
    /// </summary>
    public bool ModelMayRefuse { get; set; } = true;
}
