namespace ChatBot.Text;

/// <summary>Splits a stretch of text into words (letters and digits, with inner apostrophes, hyphens and dots) and punctuation.</summary>
internal static class Tokens
{
    /// <summary>The tokens of [<paramref name="start"/>, <paramref name="end"/>); white space separates and is dropped.</summary>
    public static List<Token> Read(string text, int start, int end)
    {
        var tokens = new List<Token>();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(new Token(i, i + 1, false));
                i++;
                continue;
            }

            int wordStart = i;
            while (i < end)
            {
                if (char.IsLetterOrDigit(text[i])) i++;
                else if (IsJoiner(text[i]) && i + 1 < end && char.IsLetterOrDigit(text[i + 1])) i++;
                else if (text[i] is '’' or '\'' && i > wordStart && text[i - 1] == 's' && (i + 1 >= end || !char.IsLetterOrDigit(text[i + 1]))) i++; // "leaders’"
                else break;
            }

            if (i < end && text[i] == '.' && IsAbbreviation(text.AsSpan(wordStart, i - wordStart))) i++; // "Mr.", "V."
            tokens.Add(new Token(wordStart, i, true));
        }

        return tokens;
    }

    /// <summary>Number of words in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static int CountWords(string text, int start, int end)
    {
        int count = 0;
        foreach (var token in Read(text, start, end))
        {
            if (token.IsWord) count++;
        }

        return count;
    }

    /// <summary>A title abbreviation or an initial, whose dot belongs to the word.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> word) =>
        (word.Length == 1 && char.IsUpper(word[0])) || word is "Mr" or "Mrs" or "Ms" or "Dr" or "Prof" or "St" or "Gen" or "Sen" or "Rep" or "Gov" or "Amb" or "Hon" or "Adm" or "Lt" or "Col";

    private static bool IsJoiner(char c) => c is '’' or '\'' or '-' or '‑' or '.';
}
