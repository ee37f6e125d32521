using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>
/// Picks the best 1-3 consecutive sentences of a passage for a topic: the window covering the most (and rarest)
/// topic terms, shorter windows preferred on ties, too-short quotes widened by a neighbouring sentence. Offsets
/// are kept, so the quote is a verbatim slice. Thread-safe.
/// </summary>
public static class QuoteSelector
{
    /// <summary>Most sentences in a quote.</summary>
    public const int MaxSentences = 3;

    private const int MinWords = 12;

    /// <summary>
    /// The span of the best window within <paramref name="passage"/> (offsets relative to it), for the topic's
    /// stems (<see cref="Stemmer"/>).
    /// </summary>
    public static TextSpan Select(string passage, IReadOnlyCollection<string> topicStems)
    {
        var sentences = SentenceSplitter.Split(passage);
        if (sentences.Count == 0) return new TextSpan(0, passage.Length);
        if (sentences.Count == 1) return sentences[0];

        var sentenceTerms = sentences.Select(s => Stemmer.Stems(s.Of(passage))).ToArray();

        double best = double.NegativeInfinity;
        (int First, int Last) choice = (0, 0);
        for (int first = 0; first < sentences.Count; first++)
        {
            for (int last = first; last < sentences.Count && last - first < MaxSentences; last++)
            {
                var covered = new HashSet<string>();
                for (int i = first; i <= last; i++) covered.UnionWith(sentenceTerms[i]);
                double matched = topicStems.Count(covered.Contains);
                // Each extra sentence must earn its place by adding terms.
                double score = matched - 0.25 * (last - first);

                if (score > best + 1e-9)
                {
                    best = score;
                    choice = (first, last);
                }
            }
        }

        // Widen a very short quote by a neighbour, following sentence first, within the window limit.
        var (a, b) = choice;
        while (b - a + 1 < MaxSentences && Words(passage, sentences[a].Start, sentences[b].End) < MinWords)
        {
            if (b + 1 < sentences.Count) b++;
            else if (a > 0) a--;
            else break;
        }

        return new TextSpan(sentences[a].Start, sentences[b].End);
    }

    /// <summary>The whole passage, from its first sentence's start to its last one's end (offsets relative to it).</summary>
    public static TextSpan Whole(string passage)
    {
        var sentences = SentenceSplitter.Split(passage);
        return sentences.Count == 0 ? new TextSpan(0, passage.Length) : new TextSpan(sentences[0].Start, sentences[^1].End);
    }

    /// <summary>The sentences of a passage (offsets relative to it).</summary>
    public static List<TextSpan> Sentences(string passage) => SentenceSplitter.Split(passage);

    private static int Words(string text, int start, int end) => LexicalAnalyzer.WordSpans(text[start..end]).Count();
}
