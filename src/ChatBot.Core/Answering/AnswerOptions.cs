namespace ChatBot.Answering;

/// <summary>How answers are made (<c>ChatBot:Answers</c>).</summary>
public sealed class AnswerOptions
{
    /// <summary>Quotes cited when the caller gives no limit.</summary>
    public int DefaultQuotes { get; set; } = 3;

    /// <summary>Most quotes a caller may ask for.</summary>
    public int MaxQuotes { get; set; } = 10;
}
