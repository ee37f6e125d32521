using System.Text.RegularExpressions;
using Telegram.Bot.Types;

namespace ChatBot.Telegram.Handling;

/// <summary>
/// A text message read for the bot: the command word (lower case, null for plain text), its argument, and whether
/// the message addresses this bot (always in private chats; in groups a command, an @mention or a reply to the bot).
/// </summary>
/// <param name="Command">"ask", "source"...; null for plain text.</param>
/// <param name="Argument">The text after the command, or the whole text with the bot's @mention removed; trimmed.</param>
/// <param name="Addressed">Whether the message is for this bot.</param>
/// <param name="NamedThisBot">Whether the bot was named ("/ask@bot", "@bot") or replied to, rather than a bare command.</param>
internal sealed partial record IncomingText(string? Command, string Argument, bool Addressed, bool NamedThisBot)
{
    [GeneratedRegex(@"^/(?<command>[A-Za-z0-9_]{1,32})(?:@(?<bot>[A-Za-z0-9_]{1,64}))?(?=\s|$)")]
    private static partial Regex CommandPattern();

    /// <summary>Reads a message's text, or returns null when it has none.</summary>
    public static IncomingText? Parse(Message message, string? botUsername, long? botId, bool isPrivate)
    {
        if (message.Text is not { } text) return null;
        bool repliedToBot = botId is long id && message.ReplyToMessage?.From?.Id == id;

        var command = CommandPattern().Match(text);
        if (command.Success)
        {
            var bot = command.Groups["bot"];
            bool forUs = !bot.Success || (botUsername is not null && string.Equals(bot.Value, botUsername, StringComparison.OrdinalIgnoreCase));
            return new IncomingText(
                command.Groups["command"].Value.ToLowerInvariant(),
                text[command.Length..].Trim(),
                Addressed: forUs,
                NamedThisBot: (bot.Success && forUs) || repliedToBot || isPrivate);
        }

        bool mentioned = false;
        string argument = text;
        if (!string.IsNullOrEmpty(botUsername))
        {
            string mention = "(?<![A-Za-z0-9_])@" + Regex.Escape(botUsername) + "(?![A-Za-z0-9_])";
            const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
            mentioned = Regex.IsMatch(text, mention, options);
            if (mentioned) argument = Regex.Replace(text, mention, " ", options);
        }

        bool addressed = isPrivate || mentioned || repliedToBot;
        return new IncomingText(null, CollapseSpaces(argument).Trim(), addressed, addressed);
    }

    private static string CollapseSpaces(string text) => Regex.Replace(text, "[ \t]{2,}", " ");
}
