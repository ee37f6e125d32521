namespace ChatBot.Answering;

/// <summary>How answers are made (<c>ChatBot:Answers</c>).</summary>
public sealed class AnswerOptions
{
    /// <summary>Quotes cited when the caller gives no limit.</summary>
    public int DefaultQuotes { get; set; } = 3;

    /// <summary>Most quotes a caller may ask for.</summary>
    public int MaxQuotes { get; set; } = 10;

    /// <summary>
    /// Vector similarity (cosine) from which a passage counts as on topic even without the topic's words
    /// ("the DPRK" for "North Korea"). It depends on the encoder: null takes the value calibrated for the configured
    /// one (the host sets it), else <see cref="DefaultMinSimilarity"/>.
    /// </summary>
    public double? MinSimilarity { get; set; }

    /// <summary>The threshold calibrated for Universal Sentence Encoder lite, used when nothing else is known.</summary>
    public const double DefaultMinSimilarity = 0.6;

    /// <summary>How long the language model may take before the answer falls back to quotes.</summary>
    public TimeSpan ModelTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
