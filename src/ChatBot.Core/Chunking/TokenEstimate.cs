namespace ChatBot.Chunking;

/// <summary>
/// A tokenizer-free estimate of subword tokens for English: words count 1.3 tokens, long words and
/// punctuation more. Used to size chunks when the model's own tokenizer is not available.
/// </summary>
public static class TokenEstimate
{
    /// <summary>Estimated token count of <paramref name="text"/>.</summary>
    public static int Count(string text) => Count(text.AsSpan());

    /// <summary>Estimated token count of <paramref name="text"/>.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        double tokens = 0;
        int wordLength = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                wordLength++;
                continue;
            }

            if (wordLength > 0) { tokens += WordTokens(wordLength); wordLength = 0; }
            if (!char.IsWhiteSpace(c)) tokens += 1;
        }

        if (wordLength > 0) tokens += WordTokens(wordLength);
        return (int)Math.Ceiling(tokens);
    }

    private static double WordTokens(int length) => length <= 6 ? 1.2 : 1.2 + (length - 6) / 4.0;
}
