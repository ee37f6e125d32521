namespace ChatBot.Text;

/// <summary>White space for display: runs of spaces, tabs, line breaks and non-breaking spaces become one space.</summary>
public static class Whitespace
{
    /// <summary>The text with white space collapsed and trimmed; the words are untouched.</summary>
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
