namespace ChatBot.Telegram.Tests.Spec;

/// <summary>Finds the shared API descriptions: <c>../shared/specs/</c> next to the repository root (never copied in).</summary>
internal static class SpecFiles
{
    public static string TelegramBotApi => Find("telegram-bot-api.json");

    private static string Find(string name)
    {
        if (Environment.GetEnvironmentVariable("CHATBOT_SPECS_DIR") is { Length: > 0 } configured)
            return Path.Combine(configured, name);

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "ChatBot.sln"))) continue;
            var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "specs", name));
            if (File.Exists(candidate)) return candidate;
        }

        var fallback = Path.Combine("/work/shared/specs", name);
        return File.Exists(fallback)
            ? fallback
            : throw new FileNotFoundException($"The Telegram Bot API spec {name} was not found in ../shared/specs/ (set CHATBOT_SPECS_DIR).");
    }
}
