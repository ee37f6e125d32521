using System.Text.RegularExpressions;
using ChatBot.Model;
using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>
/// Who spoke as which country's foreign minister, president or prime minister, read from the stored documents'
/// titles ("Statement by Sergey Lavrov, Minister for Foreign Affairs of Russia, ..."), so that a question naming the
/// office instead of the person ("Russia's foreign minister", "Moscow's top diplomat", "the Chinese president")
/// is filtered to those speakers. Only what the titles say is used: an office no title names for that country
/// resolves to nobody, and the question is then searched as written. Immutable and thread-safe.
/// </summary>
public sealed partial class OfficeHolders
{
    // Country, its adjective and its capital (as used for its government: "Moscow's top diplomat").
    private static readonly (string Country, string[] Aliases)[] s_countries =
    [
        ("russia", ["russia", "russian", "russian federation", "moscow", "kremlin"]),
        ("united states", ["united states", "united states of america", "america", "american", "us", "u.s.", "usa", "washington"]),
        ("china", ["china", "chinese", "beijing", "people's republic of china", "people’s republic of china"]),
        ("ukraine", ["ukraine", "ukrainian", "kyiv", "kiev"]),
        ("united kingdom", ["united kingdom", "uk", "britain", "great britain", "british", "london"]),
        ("france", ["france", "french", "paris"]),
        ("germany", ["germany", "german", "berlin"]),
        ("india", ["india", "indian", "new delhi", "delhi"]),
        ("brazil", ["brazil", "brazilian", "brasilia"]),
        ("japan", ["japan", "japanese", "tokyo"]),
        ("iran", ["iran", "iranian", "tehran"]),
        ("israel", ["israel", "israeli"]),
        ("turkey", ["turkey", "turkish", "ankara", "türkiye"]),
        ("syria", ["syria", "syrian", "damascus"]),
        ("belarus", ["belarus", "belarusian", "minsk"]),
        ("poland", ["poland", "polish", "warsaw"]),
        ("italy", ["italy", "italian", "rome"]),
        ("canada", ["canada", "canadian", "ottawa"]),
        ("south africa", ["south africa", "south african", "pretoria"]),
        ("saudi arabia", ["saudi arabia", "saudi", "riyadh"]),
        ("egypt", ["egypt", "egyptian", "cairo"]),
        ("mexico", ["mexico", "mexican"]),
        ("venezuela", ["venezuela", "venezuelan", "caracas"]),
        ("cuba", ["cuba", "cuban", "havana"]),
        ("north korea", ["north korea", "north korean", "dprk", "pyongyang", "democratic people's republic of korea", "democratic people’s republic of korea"]),
        ("south korea", ["south korea", "south korean", "republic of korea", "seoul"]),
    ];

    // Every alias folded as titles and queries are ("people's republic of china" -> "people republic of china").
    private static readonly Dictionary<string, string> s_byAlias = s_countries
        .SelectMany(c => c.Aliases.Select(a => (Alias: Fold(a), c.Country))).DistinctBy(x => x.Alias).ToDictionary(x => x.Alias, x => x.Country);

    private static readonly int MaxAliasWords = s_byAlias.Keys.Max(a => a.Split(' ').Length);

    private static readonly (string Office, Regex InTitle)[] s_offices =
    [
        ("foreign minister", TitleForeignMinisterRegex()),
        ("president", TitlePresidentRegex()),
        ("prime minister", TitlePrimeMinisterRegex()),
    ];

    private readonly Lazy<Dictionary<(string Office, string Country), List<string>>> _holders;

    private OfficeHolders(Func<Dictionary<(string Office, string Country), List<string>>> read)
    {
        _holders = new(read, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>No one known.</summary>
    public static OfficeHolders Empty { get; } = new(() => []);

    /// <summary>
    /// Reads the documents' titles: a speaker named in a title that names an office and a country held it. The
    /// titles are read the first time a query names an office, not before.
    /// </summary>
    public static OfficeHolders FromTitles(IReadOnlyList<DocumentInfo> documents, SpeakerDirectory speakers) => new(() => Read(documents, speakers));

    private static Dictionary<(string Office, string Country), List<string>> Read(IReadOnlyList<DocumentInfo> documents, SpeakerDirectory speakers)
    {
        var result = new Dictionary<(string Office, string Country), List<string>>();
        // Names by their last word, whatever its length ("Wang Yi"), to find them in titles word by word.
        var byLastWord = speakers.Names.GroupBy(n => LexicalAnalyzer.Terms(n, keepStopWords: true).LastOrDefault() ?? "")
            .Where(g => g.Key.Length > 0).ToDictionary(g => g.Key, g => g.Select(n => (Name: n, Folded: " " + Fold(n) + " ")).ToList());
        foreach (var document in documents)
        {
            var title = document.Title;
            var offices = s_offices.Where(o => o.InTitle.IsMatch(title)).Select(o => o.Office).ToList();
            if (offices.Count == 0) continue;
            var terms = LexicalAnalyzer.Terms(title, keepStopWords: true);
            var folded = " " + string.Join(' ', terms) + " ";
            var countries = new List<string>();
            for (int i = 0; i < terms.Count; i++)
            {
                for (int n = 1; n <= MaxAliasWords && i + n <= terms.Count; n++)
                {
                    if (s_byAlias.TryGetValue(string.Join(' ', terms.Skip(i).Take(n)), out var country) && !countries.Contains(country)) countries.Add(country);
                }
            }

            if (countries.Count == 0) continue;
            var names = terms.SelectMany(w => byLastWord.GetValueOrDefault(w) ?? []).Where(n => folded.Contains(n.Folded, StringComparison.Ordinal)).Select(n => n.Name).Distinct();
            foreach (var name in names)
            {
                foreach (var office in offices)
                {
                    foreach (var country in countries)
                    {
                        if (!result.TryGetValue((office, country), out var list)) result[(office, country)] = list = [];
                        if (!list.Contains(name)) list.Add(name);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The first office named in <paramref name="query"/> ("Russia's foreign minister") that someone is known to have
    /// held, with the stored names and where the words stand; null when none is.
    /// </summary>
    public (IReadOnlyList<string> Names, int Index, int Length)? Find(string query)
    {
        foreach (Match m in QueryOfficeRegex().Matches(query))
        {
            if (_holders.Value.Count == 0) return null;
            var office = m.Value.ToLowerInvariant() switch
            {
                var o when o.Contains("president", StringComparison.Ordinal) => "president",
                var o when o.Contains("prime", StringComparison.Ordinal) || o.Contains("premier", StringComparison.Ordinal) => "prime minister",
                _ => "foreign minister",
            };

            // The country is the one to three words just before the office ("Russia's", "the Russian", "the United States'").
            var before = LexicalAnalyzer.WordSpans(query[..m.Index]).ToList();
            for (int words = Math.Min(3, before.Count); words >= 1; words--)
            {
                var first = before[^words];
                var last = before[^1];
                if (query.AsSpan(last.Start + last.Length, m.Index - last.Start - last.Length).Trim().TrimStart('\'').TrimStart('’').Trim().Length > 0) break;
                var place = Fold(query.Substring(first.Start, last.Start + last.Length - first.Start));
                if (!s_byAlias.TryGetValue(place, out var country) || !_holders.Value.TryGetValue((office, country), out var names)) continue;
                int start = first.Start;
                if (words < before.Count && Fold(query.Substring(before[^(words + 1)].Start, before[^(words + 1)].Length)) == "the") start = before[^(words + 1)].Start;
                return (names, start, m.Index + m.Length - start);
            }
        }

        return null;
    }

    private static string Fold(string text) => string.Join(' ', LexicalAnalyzer.Terms(text, keepStopWords: true));

    // The office after the country: "Russia's foreign minister", "the Russian foreign minister", "Moscow's top diplomat".
    [GeneratedRegex(@"\b(?:foreign\s+minister|top\s+diplomat|chief\s+diplomat|foreign\s+secretary|minister\s+(?:of|for)\s+foreign\s+affairs|president|prime\s+minister|premier)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QueryOfficeRegex();

    [GeneratedRegex(@"\b(?:foreign\s+minister|minister\s+(?:of|for)\s+foreign\s+affairs|secretary\s+of\s+state|foreign\s+secretary|minister\s+for\s+foreign)", RegexOptions.IgnoreCase)]
    private static partial Regex TitleForeignMinisterRegex();

    [GeneratedRegex(@"\bpresident\b(?!\s+of\s+the\s+(?:general\s+assembly|security\s+council))", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePresidentRegex();

    [GeneratedRegex(@"\bprime\s+minister\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePrimeMinisterRegex();
}
