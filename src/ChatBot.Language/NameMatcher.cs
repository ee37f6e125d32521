using System.Globalization;
using System.Text;

namespace ChatBot.Language;

/// <summary>
/// Finds the known Latin spelling of a name written in Cyrillic, tolerant of romanisation variants and Russian case
/// endings: Лавров, Лаврова, Лавровым -> "Sergey Lavrov"; Байден -> "Joe Biden"; Зеленского -> "Volodymyr Zelensky".
/// Both sides are reduced to a spelling skeleton (y/j/i merged, kh -> h, c/q -> k, w -> v, ts/tz -> z, doubled letters and
/// final vowels dropped) and compared with a small edit distance.
/// </summary>
public sealed partial class NameMatcher(int maxEditDistance = 1, int minLengthForEdits = 5)
{
    private const int MaxCachedNames = 100_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string[], string[], string[])> _names = new(StringComparer.Ordinal);

    // Case endings of Russian nouns and adjectives (longest first); a name is tried as written and without each.
    internal static readonly string[] CaseEndings =
    [
        "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями",
        "ым", "им", "ом", "ем", "ой", "ей", "ою", "ах", "ях", "ую", "юю", "ая", "яя",
        "а", "я", "у", "ю", "е", "и", "ы",
    ];

    /// <summary>A matcher with the tolerance of <paramref name="options"/>.</summary>
    public NameMatcher(LanguageOptions options)
        : this(options.NameMaxEditDistance, options.NameMinLengthForEdits)
    {
    }

    /// <summary>
    /// The known name (as given) one of whose words is a spelling of <paramref name="cyrillicWord"/>, or null. The
    /// closest spelling wins; among equally close names a match on the last word (a surname) beats one on a first
    /// name, then the spelling nearer the plain romanisation, then the earlier name in the list.
    /// </summary>
    public string? MatchName(string cyrillicWord, IEnumerable<string> knownLatinNames) =>
        Find(cyrillicWord, knownLatinNames)?.Name;

    /// <summary>The best match with the word of the name it matched (e.g. "Lavrov" of "Sergey Lavrov").</summary>
    internal NameMatch? Find(string cyrillicWord, IEnumerable<string> knownLatinNames)
    {
        ArgumentNullException.ThrowIfNull(cyrillicWord);
        ArgumentNullException.ThrowIfNull(knownLatinNames);
        var candidates = CandidateKeys(cyrillicWord);
        if (candidates.Count == 0)
        {
            return null;
        }

        NameMatch? best = null;
        var romanised = CyrillicTransliterator.Transliterate(cyrillicWord.Trim()).ToLowerInvariant();
        foreach (var name in knownLatinNames)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var (words, keys, spoken) = Parts(name);
            for (var w = 0; w < words.Length; w++)
            {
                var key = keys[w];
                if (key.Length < 2)
                {
                    continue;
                }

                var allowed = key.Length >= minLengthForEdits ? maxEditDistance : 0;
                foreach (var candidate in candidates)
                {
                    var distance = Distance(candidate, key, allowed);
                    if (distance > 0 && spoken[w] != key)
                    {
                        distance = Math.Min(distance, Distance(candidate, spoken[w], allowed));
                    }

                    if (distance > allowed)
                    {
                        continue;
                    }

                    var isLast = w == words.Length - 1 && words.Length > 1;
                    var match = new NameMatch(name, words[w], distance, isLast);
                    if (best is null || Better(match, best, romanised))
                    {
                        best = match;
                    }
                }
            }
        }

        return best;
    }

    // Closer skeletons first; then a surname over a first name; then the spelling nearer the plain romanisation
    // (Порошенко: "Poroshenko" over a misspelt "Poroshenk" of the same skeleton); then list order.
    private static bool Better(NameMatch match, NameMatch best, string romanised)
    {
        if (match.Distance != best.Distance)
        {
            return match.Distance < best.Distance;
        }

        if (match.IsSurname != best.IsSurname)
        {
            return match.IsSurname;
        }

        var limit = romanised.Length + 8;
        return Distance(romanised, match.Word.ToLowerInvariant(), limit) < Distance(romanised, best.Word.ToLowerInvariant(), limit);
    }

    // Known names come back on every question: their words and skeletons are kept (bounded; cleared when full).
    private (string[] Words, string[] Keys, string[] SpokenKeys) Parts(string name)
    {
        if (_names.TryGetValue(name, out var parts))
        {
            return parts;
        }

        if (_names.Count >= MaxCachedNames)
        {
            _names.Clear();
        }

        var words = name.Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        parts = (words, words.Select(Key).ToArray(), words.Select(w => Key(AsSpoken(w))).ToArray());
        _names[name] = parts;
        return parts;
    }

    /// <summary>
    /// An English name as Russian writes what it sounds like: a vowel before one consonant and a silent final "e" says its
    /// name ("Bates" is Бейтс, "Jake" Джейк, "Price" Прайс, "Rose" Роуз), and a final "ce" is an "s".
    /// </summary>
    internal static string AsSpoken(string latin)
    {
        var m = SilentEndingRegex().Match(latin);
        if (!m.Success)
        {
            return latin;
        }

        var vowel = char.ToLowerInvariant(m.Groups["v"].Value[0]) switch
        {
            'a' => "ei",
            'i' => "ai",
            'o' => "ou",
            _ => "yu",
        };
        var consonant = m.Groups["c"].Value.ToLowerInvariant() is "c" ? "s" : m.Groups["c"].Value;
        return m.Groups["stem"].Value + vowel + consonant + m.Groups["s"].Value;
    }

    // A vowel, one consonant and a silent final "e" (or "es"), after a consonant: "Bates", "Jake", "Price".
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<stem>.*[^aeiouy])(?<v>[aiou])(?<c>[bcdfgklmnprstvz])e(?<s>s?)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SilentEndingRegex();

    /// <summary>The spelling skeleton of a Latin word (see the class summary).</summary>
    internal static string Key(string latin)
    {
        var folded = new StringBuilder(latin.Length);
        foreach (var c in latin.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        var s = folded.ToString()
            .Replace("dzh", "j", StringComparison.Ordinal).Replace("tch", "ch", StringComparison.Ordinal).Replace("sch", "sh", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal).Replace("ck", "k", StringComparison.Ordinal)
            .Replace("kh", "h", StringComparison.Ordinal).Replace("x", "ks", StringComparison.Ordinal)
            .Replace("tz", "z", StringComparison.Ordinal).Replace("ts", "z", StringComparison.Ordinal)
            .Replace('w', 'v').Replace('q', 'k').Replace('y', 'i').Replace('j', 'i')
            .Replace("ch", "\u0001", StringComparison.Ordinal).Replace('c', 'k').Replace("\u0001", "ch", StringComparison.Ordinal);
        var key = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (key.Length == 0 || key[^1] != c)
            {
                key.Append(c);
            }
        }

        // Final vowels carry the case or the romanisation's taste (Psaki, Zelenskiy/Zelensky, Syria/Siriya).
        var end = key.Length;
        while (end > 2 && "aeiou".Contains(key[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        return key.ToString(0, end);
    }

    private static List<string> CandidateKeys(string cyrillicWord)
    {
        var word = cyrillicWord.Trim().ToLowerInvariant().Replace('ё', 'е');
        var keys = new List<string>();
        void Add(string form)
        {
            var key = Key(CyrillicTransliterator.Transliterate(form));
            if (key.Length >= 2 && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        if (word.Length == 0)
        {
            return keys;
        }

        Add(word);
        foreach (var ending in CaseEndings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                Add(word[..^ending.Length]);
            }
        }

        return keys;
    }

    // Levenshtein distance, giving up (returning limit + 1) once it must exceed limit.
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
