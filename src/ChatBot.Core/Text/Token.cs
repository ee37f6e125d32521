namespace ChatBot.Text;

/// <summary>A word or one punctuation character, by offsets into its text.</summary>
internal readonly record struct Token(int Start, int End, bool IsWord)
{
    /// <summary>The token lower-cased.</summary>
    public string Lower(string text) => text.Substring(Start, End - Start).TrimEnd('.').ToLowerInvariant();
}
