using ChatBot.Retrieval;

namespace ChatBot.SemanticKernel;

/// <summary>
/// The one-line citation a Semantic Kernel result carries: "Speaker, post · event title, place, date".
/// Kept in this one method so a shared citation model can replace it.
/// </summary>
public static class QuoteCitation
{
    /// <summary>"Sergey Lavrov, Minister for Foreign Affairs · General debate, New York, 2016-09-23"; parts that are unknown are left out.</summary>
    public static string Format(QuoteResult quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var who = string.IsNullOrWhiteSpace(quote.Post) ? quote.Speaker : $"{quote.Speaker}, {quote.Post}";
        var where = new List<string>(3) { quote.Document.Title };
        if (quote.Document.Place is { Length: > 0 } place && !quote.Document.Title.Contains(place, StringComparison.Ordinal)) where.Add(place);
        if (quote.Document.DateText is { } date) where.Add(date);
        return $"{who} · {string.Join(", ", where)}";
    }
}
