using System.Text.RegularExpressions;

namespace ChatBot.Parsing;

/// <summary>Person-like names mentioned in a title ("Press Briefing by Press Secretary Jen Psaki" gives "Jen Psaki").</summary>
internal static partial class TitleNames
{
    [GeneratedRegex(@"(?:[\p{Lu}][\p{L}\p{M}\-]*\.?[ \u00A0]+)*[\p{Lu}][\p{L}\p{M}\-]+")]
    private static partial Regex CapitalisedRunRegex();

    /// <summary>
    /// For each run of capitalised words in the title, its last two words, or three when the middle one is an
    /// initial ("John F. Kirby"). Possessives are removed. Callers match these by surname, so runs that are not
    /// names ("Press Briefing") do no harm.
    /// </summary>
    public static List<string> Extract(string title)
    {
        var names = new List<string>();
        var clean = title.Replace("’s", "", StringComparison.Ordinal).Replace("'s", "", StringComparison.Ordinal).Replace('\u00A0', ' ');
        foreach (Match m in CapitalisedRunRegex().Matches(clean))
        {
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2) continue;
            int take = words.Length >= 3 && words[^2].Length == 2 && words[^2][1] == '.' ? 3 : 2;
            names.Add(string.Join(' ', words[^take..]));
        }

        return names;
    }

    /// <summary>
    /// The words of the title's capitalised run that end with <paramref name="name"/>, before the name:
    /// "Foreign Minister Sergey Lavrov’s comments" gives "Foreign Minister" for "Sergey Lavrov". Only a whole office
    /// is returned: the run must start the title or follow "by", "and", "with" or a comma, so "NSC Coordinator for
    /// Strategic Communications John Kirby" gives nothing rather than half an office.
    /// </summary>
    public static string? PostBefore(string title, string name)
    {
        var clean = title.Replace('\u00A0', ' ');
        int at = clean.IndexOf(name, StringComparison.Ordinal);
        if (at <= 0) return null;
        var words = clean[..at].TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = 0;
        while (n < words.Length && n < 4 && words[^(n + 1)].Length > 0 && char.IsUpper(words[^(n + 1)][0])) n++;
        if (n == 0) return null;
        bool whole = n == words.Length || words[^(n + 1)] is "by" or "and" or "with" || words[^(n + 1)].EndsWith(',');
        return whole ? string.Join(' ', words[^n..]) : null;
    }

    /// <summary>
    /// The full name in the title for a surname ("Psaki" in "Press Gaggle by Press Secretary Jen Psaki En Route
    /// Atlanta" gives "Jen Psaki"): the surname with the capitalised word before it, and a middle initial if any.
    /// </summary>
    public static string? FullNameFor(string title, string surname)
    {
        var words = title.Replace('\u00A0', ' ').Replace("’s", "", StringComparison.Ordinal).Replace("'s", "", StringComparison.Ordinal)
            .Split([' ', ',', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i < words.Length; i++)
        {
            if (!string.Equals(words[i], surname, StringComparison.OrdinalIgnoreCase)) continue;
            int first = i - 1;
            if (first > 0 && words[first].Length == 2 && words[first][1] == '.') first--; // "John F. Kirby"
            if (!char.IsUpper(words[first][0]) || words[first].Length < 2) continue;
            return string.Join(' ', words[first..(i + 1)]);
        }

        return null;
    }
}
