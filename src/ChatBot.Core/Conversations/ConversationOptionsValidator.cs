using Microsoft.Extensions.Options;

namespace ChatBot.Conversations;

/// <summary>Checks <see cref="ConversationOptions"/> when they are built (at start with <c>ValidateOnStart</c>).</summary>
public sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string s = ConversationOptions.Section;
        var errors = new List<string>();
        if (options.MaxAnswers is < 0 or > ConversationOptions.MaxAnswersLimit)
            errors.Add($"{s}:MaxAnswers must be between 0 and {ConversationOptions.MaxAnswersLimit}.");
        if (options.IdleExpiry <= TimeSpan.Zero)
            errors.Add($"{s}:IdleExpiry must be positive.");
        if (options.AnswerMaxAge <= TimeSpan.Zero)
            errors.Add($"{s}:AnswerMaxAge must be positive.");
        if (options.MaxConversations < 1)
            errors.Add($"{s}:MaxConversations must be at least 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
