using System.Collections.Frozen;

namespace ChatBot.Parsing;

/// <summary>
/// A speaker's full name and post as the transcript introduces them before they first speak. A label gives only a
/// surname ("AMBASSADOR TAI:", "MR. SULLIVAN:"); the moderator's words before it usually give the rest ("Joining us ...
/// we have National Security Advisor Jake Sullivan, Secretary of Commerce Gina Raimondo, and U.S. Trade Representative
/// Katherine Tai."). Only the mention nearest before the first turn counts, and only with a given name before the
/// surname, so a title or honorific ("Ambassador Tai") is never taken for a first name.
/// </summary>
internal static class Introductions
{
    /// <summary>Most words of a post before the given name ("Director of the National Economic Council").</summary>
    private const int MaxPostWords = 7;

    // Words that stand before a surname without being a given name.
    private static readonly FrozenSet<string> s_notGivenNames = new[]
    {
        "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "madame", "dame", "prof", "professor", "rev", "reverend", "father",
        "ambassador", "secretary", "president", "director", "administrator", "chair", "chairman", "chairwoman", "advisor",
        "adviser", "representative", "senator", "governor", "mayor", "general", "admiral", "coordinator", "commissioner",
        "surgeon", "chief", "deputy", "press", "vice", "special", "assistant", "senior", "national", "minister", "leader",
        "speaker", "officer", "counselor", "counsellor", "judge", "justice", "captain", "colonel", "lieutenant", "sergeant",
        "congressman", "congresswoman", "spokesperson", "spokesman", "envoy", "prime", "king", "queen", "prince", "princess",
        "the", "and", "or", "with", "by", "to", "of", "thank", "thanks", "welcome", "joining", "over", "from", "both", "also",
        "doctors", "drs", "messrs", "secretaries", "ambassadors", "senators", "governors", "mayors", "directors", "administrators",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // The last word of a post ("U.S. Trade Representative", "Secretary of Commerce" ends with its head before "of").
    private static readonly FrozenSet<string> s_postHeads = new[]
    {
        "representative", "advisor", "adviser", "secretary", "director", "administrator", "coordinator", "chair", "chairman",
        "chairwoman", "commissioner", "general", "ambassador", "counselor", "counsellor", "spokesperson", "envoy", "officer",
        "chief", "mayor", "governor", "senator", "minister", "president", "czar", "counsel", "lead", "head",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> s_postConnectives = new[] { "of", "for", "the", "on", "and" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The full name ("Katherine Tai") and post ("U.S. Trade Representative", or null) the text before
    /// <paramref name="before"/> gives a person with <paramref name="surname"/>: the name from the mention nearest to it,
    /// the post from the nearest mention of that name with a post of two words or more; null when no mention there has
    /// a given name.
    /// </summary>
    public static (string Name, string? Post)? Find(string text, int before, string surname)
    {
        if (surname.Length < 2) return null;
        int at = Math.Min(before, text.Length);
        // The name from the nearest mention with a given name; the post from the nearest mention of that name giving one.
        string? name = null;
        while ((at = at <= 0 ? -1 : text.LastIndexOf(surname, at - 1, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int end = at + surname.Length;
            bool whole = (at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]));
            // Written as a name: capitalised ("Tai"), not the label's capitals ("TAI:").
            if (!whole || !char.IsUpper(text[at]) || !HasLowerCase(text.AsSpan(at + 1, surname.Length - 1))) continue;
            var words = WordsBefore(text, at);
            int i = words.Count - 1;
            if (i >= 0 && words[i].Length == 2 && words[i][1] == '.' && char.IsUpper(words[i][0])) i--; // a middle initial: "John F. Kirby"
            if (i < 0 || !IsGivenName(words[i])) continue;
            var mentioned = string.Join(' ', words.Skip(i).Append(text.Substring(at, surname.Length)));
            name ??= mentioned;
            if (!string.Equals(mentioned, name, StringComparison.Ordinal)) continue;
            if (Post(words, i) is { } post) return (name, post);
        }

        return name is null ? null : (name, null);
    }

    private static bool HasLowerCase(ReadOnlySpan<char> letters)
    {
        foreach (var c in letters)
        {
            if (char.IsLower(c)) return true;
        }

        return false;
    }

    private static bool IsGivenName(string word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).All(c => char.IsLower(c) || c is '-' or '\'' or '’') && !s_notGivenNames.Contains(word);

    /// <summary>The capitalised words right before the given name at <paramref name="given"/>, if they end with a post's head word.</summary>
    private static string? Post(List<string> words, int given)
    {
        int start = given;
        while (start > 0 && given - start < MaxPostWords)
        {
            var w = words[start - 1];
            // A word ending a sentence ("Thanks.") ends the walk; an abbreviation ("U.S.") does not.
            bool sentenceEnd = w.EndsWith('.') && w.Count(c => c == '.') == 1 && w.Length > 2;
            if (char.IsUpper(w[0]) && !w.EndsWith(',') && !sentenceEnd) start--;
            else if (s_postConnectives.Contains(w) && start - 1 > 0 && char.IsUpper(words[start - 2][0])) start--;
            else break;
        }

        while (start < given && s_postConnectives.Contains(words[start])) start++;
        if (start == given) return null;
        var post = words.Skip(start).Take(given - start).ToList();
        // An honorific right before the name is no post ("Dr. Rochelle Walensky").
        while (post.Count > 0 && post[^1].TrimEnd('.') is "Dr" or "Mr" or "Mrs" or "Ms") post.RemoveAt(post.Count - 1);
        // One word ("Ambassador Katherine Tai", "Secretary Xavier Becerra") is a form of address rather than the post.
        if (post.Count < 2) return null;
        // The head is the last word before "of"/"for" ("Secretary of Commerce"), else the last word.
        int of = post.FindIndex(w => w is "of" or "for" or "on");
        var head = (of > 0 ? post[of - 1] : post[^1]).TrimEnd('.', ',');
        return s_postHeads.Contains(head) ? string.Join(' ', post) : null;
    }

    /// <summary>Up to a dozen words before <paramref name="at"/> on the same sentence, in order.</summary>
    private static List<string> WordsBefore(string text, int at)
    {
        int from = Math.Max(0, at - 160);
        var span = text[from..at];
        // Stop at the end of the previous sentence or line break between paragraphs.
        int cut = Math.Max(span.LastIndexOf(". ", StringComparison.Ordinal) is var p and >= 0 && !EndsWithInitial(span, p) ? p + 2 : 0, span.LastIndexOf("\n\n", StringComparison.Ordinal) + 1);
        return span[cut..].Split([' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).TakeLast(12).ToList();
    }

    // "U.S. Trade" or "John F. Kirby": a full stop after one capital letter ends no sentence.
    private static bool EndsWithInitial(string span, int dot) => dot >= 1 && char.IsUpper(span[dot - 1]) && (dot == 1 || !char.IsLetter(span[dot - 2]) || span[dot - 2] == '.');
}
