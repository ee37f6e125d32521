namespace ChatBot.Conversations;

/// <summary>
/// Bounds of the conversation store (<c>ChatBot:Conversations</c>), shared by the HTTP API and the Telegram bot.
/// Checked at start by <see cref="ConversationOptionsValidator"/>.
/// </summary>
public sealed class ConversationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "ChatBot:Conversations";

    /// <summary>Largest accepted <see cref="MaxAnswers"/>.</summary>
    public const int MaxAnswersLimit = 50;

    /// <summary>Earlier answers kept per conversation for follow-ups (0 to <see cref="MaxAnswersLimit"/>; 0 keeps none).</summary>
    public int MaxAnswers { get; set; } = 6;

    /// <summary>Time without a question after which a conversation is forgotten (its id then answers 404).</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Age after which an answer no longer informs follow-ups or <c>/source</c>, even in a busy conversation.</summary>
    public TimeSpan AnswerMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most conversations kept at once; past it the least recently used is dropped.</summary>
    public int MaxConversations { get; set; } = 10_000;
}
