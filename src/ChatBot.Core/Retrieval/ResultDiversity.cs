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
/// Diverse results, the one rule for search and for fitting the relevance model: first one passage per turn (five
/// windows of one answer are one result); only when that leaves fewer than the limit, further passages of the same
/// turns (a long speech is one turn, and a question about one speech may match nothing else), never overlapping or
/// next to one already chosen. Identical passages or quotes (a file stored twice) count once. The ranking's order is kept.
/// </summary>
public static class ResultDiversity
{
    /// <summary>At most <paramref name="limit"/> of <paramref name="ranked"/>, best first.</summary>
    public static List<T> Choose<T>(IReadOnlyList<T> ranked, int limit, Func<T, PassagePlace> place)
    {
        var chosen = new List<(int Index, PassagePlace Place)>();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var perTurn in new[] { 1, limit })
        {
            for (int i = 0; i < ranked.Count && chosen.Count < limit; i++)
            {
                if (chosen.Any(c => c.Index == i)) continue;
                var p = place(ranked[i]);
                if (texts.Contains(p.Words) || texts.Contains(p.QuoteWords)) continue;
                var sameTurn = chosen.Select(c => c.Place).Where(c => c.DocumentId == p.DocumentId && c.TurnIndex == p.TurnIndex).ToList();
                if (sameTurn.Count >= perTurn) continue;
                if (sameTurn.Any(c => Math.Abs(c.Ordinal - p.Ordinal) <= 1 || (c.Start < p.End && p.Start < c.End))) continue;
                chosen.Add((i, p));
                texts.Add(p.Words);
                texts.Add(p.QuoteWords);
            }
        }

        return chosen.OrderBy(c => c.Index).Select(c => ranked[c.Index]).ToList();
    }

    /// <summary>The place of a passage and its quote.</summary>
    public static PassagePlace Of(ChatBot.Model.Chunk chunk, string quote) =>
        new(chunk.DocumentId, chunk.TurnIndex, chunk.Ordinal, chunk.Start, chunk.End, Whitespace.Collapse(chunk.Text), Whitespace.Collapse(quote));
}
