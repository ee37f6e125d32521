namespace ChatBot.Text;

/// <summary>
/// A stretch of a passage that gives another person's words, not the speaker's own: [<see cref="Start"/>,
/// <see cref="End"/>) in the text it was found in (for a quote, relative to the quote's text). A quotation covers its
/// quotation marks; quote/unquote covers the words between the spoken markers; reported speech covers the reported
/// clause, not the "X said that" leading to it.
/// </summary>
/// <param name="Start">First character of the relayed words.</param>
/// <param name="End">End (exclusive) of the relayed words.</param>
/// <param name="Kind">How the words are relayed.</param>
/// <param name="Source">
/// Who is relayed, as the passage names them ("President Putin", "the Secretary-General"); null when the passage
/// does not say or says it with a pronoun ("he", "they", "you": the last may be the journalist asking).
/// </param>
public readonly record struct RelayedSpan(int Start, int End, RelayKind Kind, string? Source)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>The covered characters of <paramref name="text"/>.</summary>
    public string Of(string text) => text.Substring(Start, Length);
}
