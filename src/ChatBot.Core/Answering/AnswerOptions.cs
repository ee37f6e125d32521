namespace ChatBot.Answering;

/// <summary>How answers are made (<c>ChatBot:Answers</c>).</summary>
public sealed class AnswerOptions
{
    /// <summary>Quotes cited when the caller gives no limit.</summary>
    public int DefaultQuotes { get; set; } = 3;

    /// <summary>Most quotes a caller may ask for.</summary>
    public int MaxQuotes { get; set; } = 10;

    /// <summary>How long the language model may take before the answer falls back to quotes.</summary>
    public TimeSpan ModelTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
