using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>Where a found passage lies, for keeping results diverse.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="TurnIndex">The turn within it.</param>
/// <param name="Ordinal">The chunk's place within the document.</param>
/// <param name="Start">Start of the chunk in the document's text.</param>
/// <param name="End">End (exclusive) of the chunk.</param>
/// <param name="Words">The chunk's words, white space folded (the same words stored twice count once).</param>
/// <param name="QuoteWords">The quote's words, white space folded.</param>
public sealed record PassagePlace(string DocumentId, int TurnIndex, int Ordinal, int Start, int End, string Words, string QuoteWords);

/// <summary>
/// Diverse results, the one rule for search and for fitting the relevance models: the ranking's order, skipping a passage
/// that overlaps or lies next to one already chosen from the same turn (the windows of one answer are one result) and
/// identical passages or quotes (a file stored twice counts once). Distant passages of one turn stay: a long speech is
/// one turn, and its second passage on the question can rank above another speaker's first.
/// </summary>
public static class ResultDiversity
{
    /// <summary>At most <paramref name="limit"/> of <paramref name="ranked"/>, best first.</summary>
    /// <param name="onePerTurn">At most one passage per turn (for counting statements).</param>
    public static List<T> Choose<T>(IReadOnlyList<T> ranked, int limit, Func<T, PassagePlace> place, bool onePerTurn = false)
    {
        var chosen = new List<(T Item, PassagePlace Place)>();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < ranked.Count && chosen.Count < limit; i++)
        {
            var p = place(ranked[i]);
            if (texts.Contains(p.Words) || texts.Contains(p.QuoteWords)) continue;
            if (chosen.Any(c => c.Place.DocumentId == p.DocumentId && c.Place.TurnIndex == p.TurnIndex
                                && (onePerTurn || Math.Abs(c.Place.Ordinal - p.Ordinal) <= 1 || (c.Place.Start < p.End && p.Start < c.Place.End)))) continue;
            chosen.Add((ranked[i], p));
            texts.Add(p.Words);
            texts.Add(p.QuoteWords);
        }

        return chosen.Select(c => c.Item).ToList();
    }

    /// <summary>The place of a passage and its quote.</summary>
    public static PassagePlace Of(ChatBot.Model.Chunk chunk, string quote) =>
        new(chunk.DocumentId, chunk.TurnIndex, chunk.Ordinal, chunk.Start, chunk.End, Whitespace.Collapse(chunk.Text), Whitespace.Collapse(quote));
}
