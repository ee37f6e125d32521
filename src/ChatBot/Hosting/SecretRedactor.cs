using System.Text.RegularExpressions;

namespace ChatBot.Hosting;

/// <summary>
/// Removes secrets from text bound for a log or an error message: the configured secrets themselves (chat model key,
/// Telegram token, Qdrant key, webhook secret), and anything shaped like a credential (an Authorization header's
/// value, a bearer token, an <c>api_key</c> field, OpenAI-style and ChatBot API keys), which covers an upstream
/// service echoing a request's headers in its error body.
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "[redacted]";

    /// <summary>Configuration keys whose values are secrets.</summary>
    public static readonly string[] SecretKeys =
        ["ChatBot:Chat:ApiKey", "ChatBot:Qdrant:ApiKey", "ChatBot:Telegram:Token", "ChatBot:Telegram:WebhookSecret", "OPENAI_API_KEY", "TELEGRAM_BOT_TOKEN", "QDRANT_API_KEY"];

    private readonly string[] _secrets;

    /// <summary>A redactor for the given secret values (short or empty values are ignored).</summary>
    public SecretRedactor(IEnumerable<string?> secrets) =>
        _secrets = secrets.OfType<string>().Select(s => s.Trim()).Where(s => s.Length >= 6).Distinct().OrderByDescending(s => s.Length).ToArray();

    /// <summary>A redactor for the secrets in <paramref name="configuration"/> and the environment.</summary>
    public static SecretRedactor FromConfiguration(IConfiguration configuration) =>
        new(SecretKeys.Select(k => configuration[k] ?? Environment.GetEnvironmentVariable(k)));

    [GeneratedRegex(@"(?i)(authorization[""']?\s*[:=]\s*[""']?)(?:(bearer|basic|token)\s+)?[^\s""',;}]+")]
    private static partial Regex AuthorizationRegex();

    [GeneratedRegex(@"(?i)\bbearer\s+[A-Za-z0-9\-._~+/]{8,}=*")]
    private static partial Regex BearerRegex();

    [GeneratedRegex(@"(?i)((?:api[-_]?key|x-api-key|access[-_]?token|secret)[""']?\s*[:=]\s*[""']?)[^\s""',;}]+")]
    private static partial Regex KeyFieldRegex();

    [GeneratedRegex(@"\b(?:sk-[A-Za-z0-9_\-]{16,}|cbk_[A-Za-z0-9_\-]{16,}|\d{6,12}:[A-Za-z0-9_\-]{30,})")]
    private static partial Regex KeyShapeRegex();

    /// <summary>The text with every secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        text = AuthorizationRegex().Replace(text, m => m.Groups[1].Value + (m.Groups[2].Success ? m.Groups[2].Value + " " : "") + Mask);
        text = BearerRegex().Replace(text, "Bearer " + Mask);
        text = KeyFieldRegex().Replace(text, m => m.Groups[1].Value + Mask);
        return KeyShapeRegex().Replace(text, Mask);
    }
}
