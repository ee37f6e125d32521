using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatBot.Telegram;

/// <summary>Checks <see cref="TelegramOptions"/> at start. Messages name settings, never the token's value.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    [GeneratedRegex(@"^[0-9]{1,20}:[A-Za-z0-9_-]{20,200}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        const string s = TelegramOptions.SectionName;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
            errors.Add($"{s}:Token (or the {TelegramOptions.TokenEnvironmentVariable} environment variable) is required.");
        else if (!TokenPattern().IsMatch(options.Token))
            errors.Add($"{s}:Token does not look like a bot token from BotFather (digits, a colon, then letters, digits, '_' or '-').");

        if (!IsHttpUrl(options.ApiBaseUrl))
            errors.Add($"{s}:ApiBaseUrl must be an absolute http or https URL.");
        if (!Enum.IsDefined(options.Mode))
            errors.Add($"{s}:Mode must be Polling or Webhook.");

        if (options.Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
                errors.Add($"{s}:WebhookUrl must be an absolute https URL in webhook mode.");
            if (options.WebhookSecret is null || !SecretPattern().IsMatch(options.WebhookSecret))
                errors.Add($"{s}:WebhookSecret is required in webhook mode: 1-256 characters of A-Z, a-z, 0-9, '_' and '-'.");
            if (string.IsNullOrWhiteSpace(options.WebhookPath) || !options.WebhookPath.StartsWith('/'))
                errors.Add($"{s}:WebhookPath must start with '/'.");
        }
        else if (string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            errors.Add($"{s}:StateDirectory is required in polling mode.");
        }

        if (options.PollTimeout < TimeSpan.Zero || options.PollTimeout > TimeSpan.FromSeconds(50))
            errors.Add($"{s}:PollTimeout must be between 0 and 50 seconds.");
        if (options.RequestTimeout <= TimeSpan.Zero)
            errors.Add($"{s}:RequestTimeout must be positive.");
        if (options.MaxRetries is < 0 or > 10)
            errors.Add($"{s}:MaxRetries must be between 0 and 10.");
        if (options.MaxRetryAfter < TimeSpan.Zero)
            errors.Add($"{s}:MaxRetryAfter must not be negative.");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
            errors.Add($"{s}:RetryBaseDelay must not be negative and RetryMaxDelay not below it.");
        if (options.QuestionsPerMinute < 1 || options.InlineQueriesPerMinute < 1)
            errors.Add($"{s}:QuestionsPerMinute and InlineQueriesPerMinute must be at least 1.");
        if (options.MaxQuestionLength is < 1 or > 4000)
            errors.Add($"{s}:MaxQuestionLength must be between 1 and 4000.");
        if (options.SourceContextParagraphs is < 0 or > 10)
            errors.Add($"{s}:SourceContextParagraphs must be between 0 and 10.");
        if (options.InlineResults is < 1 or > 50)
            errors.Add($"{s}:InlineResults must be between 1 and 50.");
        if (options.MaxConcurrentUpdates is < 1 or > 64)
            errors.Add($"{s}:MaxConcurrentUpdates must be between 1 and 64.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
