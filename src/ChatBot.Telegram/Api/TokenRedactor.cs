namespace ChatBot.Telegram.Api;

/// <summary>Removes the bot token (and its secret half) from text before it reaches a log or an exception.</summary>
internal sealed class TokenRedactor(string token)
{
    private const string Mask = "<token>";
    private readonly string _token = token;
    private readonly string _secret = token.Contains(':') ? token[(token.IndexOf(':') + 1)..] : token;

    /// <summary>The text with every occurrence of the token replaced.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || _secret.Length == 0) return text ?? "";
        return text.Replace(_token, Mask, StringComparison.Ordinal).Replace(_secret, Mask, StringComparison.Ordinal);
    }

    /// <summary>Whether the exception or any inner one mentions the token.</summary>
    public bool Leaks(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains(_secret, StringComparison.Ordinal)) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Leaks)) return true;
        }

        return false;
    }
}
