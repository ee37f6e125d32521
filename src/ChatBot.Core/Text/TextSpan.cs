namespace ChatBot.Text;

/// <summary>A half-open character range [Start, End) in some text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>The covered characters of <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);

    /// <summary>The covered characters of <paramref name="text"/> as a string.</summary>
    public string Of(string text) => text.Substring(Start, Length);
}
