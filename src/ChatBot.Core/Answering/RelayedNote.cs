using ChatBot.Retrieval;
using ChatBot.Text;

namespace ChatBot.Answering;

/// <summary>
/// The warning shown under a quote that carries someone else's words (<see cref="QuoteResult.Relayed"/>), so a reader
/// does not attribute them to the speaker: "Relays the words of President Putin: “…”". One wording for every front end.
/// </summary>
public static class RelayedNote
{
    /// <summary>Longest excerpt of the relayed words shown in the note, in characters.</summary>
    public const int MaxExcerpt = 90;

    /// <summary>The note for <paramref name="quote"/>, or null when it relays nobody.</summary>
    public static string? For(QuoteResult quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Relayed.Count == 0) return null;
        var sources = quote.Relayed.Select(r => r.Source).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var whose = sources.Count == 0 ? "someone else's words" : $"the words of {string.Join(" and ", sources)}";
        var first = quote.Relayed[0];
        var excerpt = Whitespace.Collapse(first.Of(quote.Text)).Trim('"', '“', '”', '«', '»', '„', '‘', '’', ' ');
        if (excerpt.Length > MaxExcerpt) excerpt = excerpt[..excerpt.LastIndexOf(' ', MaxExcerpt)].TrimEnd(',', ';', ':') + " …";
        var more = quote.Relayed.Count > 1 ? $" (and {quote.Relayed.Count - 1} more passage{(quote.Relayed.Count > 2 ? "s" : "")})" : "";
        return $"Relays {whose}, not {quote.Speaker}'s own: “{excerpt}”{more}";
    }
}
