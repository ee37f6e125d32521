using System.Text.RegularExpressions;

namespace ChatBot.Telegram.Tests.Support;

/// <summary>Assertions shared by the bot tests.</summary>
internal static partial class Checks
{
    /// <summary>White space collapsed to single spaces, ends trimmed: how a folded quote compares with its source.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>No spec violations reached the fake server, and the token never reached a log line.</summary>
    public static void Clean(BotHarness bot)
    {
        Assert.Empty(bot.Api.Violations);
        NoTokenIn(bot.Logs.AllText());
    }

    public static void NoTokenIn(string text)
    {
        var secret = BotHarness.Token[(BotHarness.Token.IndexOf(':') + 1)..];
        Assert.DoesNotContain(BotHarness.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
