using System.Text.RegularExpressions;
using ChatBot.Model;
using ChatBot.Storage;
using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>
/// Who held which office, read from the stored documents' titles, so that a question naming the office instead of
/// the person ("Colombia's president", "the Vatican's foreign minister", "the White House press secretary", "the chair
/// of the Council of Economic Advisers") finds that speaker. A title names a speaker with a post after the name ("Statement
/// by Juan Manuel Santos Calderón, President of Colombia, ...") or before it ("Press Briefing by Press Secretary Jen Psaki
/// and Chair of the Council of Economic Advisers Cecilia Rouse"). Office words are compared after folding synonyms
/// ("minister for foreign affairs", "foreign minister", "top diplomat"; "advisor", "adviser"), and a post held for a
/// country matches only when the question names that country next to the office ("Iran's president", "the Iranian
/// president", "the president of Iran"). Nothing is hard-coded per person: an office no title names resolves to nobody,
/// and the question is searched as written. Immutable and thread-safe; the titles are read the first time a query is.
/// </summary>
public sealed partial class OfficeDirectory
{
    /// <summary>Most distinct speakers an office may name before it is too vague to filter by ("the president").</summary>
    public const int MaxHolders = 12;

    /// <summary>How many words other than the office's own may stand inside the office phrase ("the White House").</summary>
    private const int SlackWords = 3;

    // Countries whose names, adjectives or capitals do not share a stem ("French", "Dutch", "Kremlin", "Vatican").
    private static readonly (string Country, string[] Aliases)[] s_irregular =
    [
        ("russia", ["russian federation", "moscow", "kremlin"]),
        ("united states", ["united states of america", "america", "american", "us", "u s", "usa", "washington", "white house"]),
        ("china", ["people republic of china", "beijing"]),
        ("ukraine", ["kyiv", "kiev"]),
        ("united kingdom", ["uk", "britain", "great britain", "british", "london", "united kingdom of great britain and northern ireland"]),
        ("france", ["french", "paris"]),
        ("germany", ["berlin"]),
        ("netherlands", ["dutch", "holland", "the hague"]),
        ("holy see", ["vatican", "vatican city"]),
        ("switzerland", ["swiss"]),
        ("denmark", ["danish"]),
        ("finland", ["finnish"]),
        ("sweden", ["swedish"]),
        ("norway", ["norwegian"]),
        ("poland", ["polish", "warsaw"]),
        ("spain", ["spanish", "madrid"]),
        ("greece", ["greek", "athens"]),
        ("turkey", ["turkish", "ankara", "türkiye"]),
        ("israel", ["israeli"]),
        ("iran", ["iranian", "tehran", "islamic republic of iran"]),
        ("iraq", ["iraqi", "baghdad"]),
        ("syria", ["syrian arab republic", "damascus"]),
        ("north korea", ["dprk", "pyongyang", "democratic people republic of korea"]),
        ("south korea", ["republic of korea", "seoul"]),
        ("venezuela", ["bolivarian republic of venezuela", "caracas"]),
        ("bolivia", ["plurinational state of bolivia"]),
        ("philippines", ["filipino", "philippine", "manila"]),
        ("new zealand", ["kiwi"]),
        ("saudi arabia", ["saudi", "riyadh"]),
        ("united arab emirates", ["uae", "emirati"]),
        ("cyprus", ["cypriot"]),
        ("thailand", ["thai"]),
        ("pakistan", ["pakistani", "islamabad"]),
        ("bangladesh", ["bangladeshi"]),
        ("afghanistan", ["afghan"]),
        ("belarus", ["belarusian", "minsk"]),
        ("egypt", ["egyptian", "cairo"]),
        ("japan", ["japanese", "tokyo"]),
        ("india", ["new delhi"]),
    ];

    // Official sites whose titles name posts without a country.
    private static readonly (string Host, string Country)[] s_sites =
    [
        ("whitehouse.gov", "united states"), ("whitehouse.archives.gov", "united states"), ("state.gov", "united states"),
        ("mid.ru", "russia"), ("kremlin.ru", "russia"), ("gov.uk", "united kingdom"),
    ];

    // Office words with the same meaning, folded to one token before comparing (longest phrase first).
    private static readonly (string[] Phrase, string Token)[] s_synonyms = new (string Phrase, string Token)[]
    {
        ("minister for foreign affairs", "foreignminister"), ("minister of foreign affairs", "foreignminister"),
        ("federal minister for foreign affairs", "foreignminister"), ("foreign minister", "foreignminister"),
        ("foreign affairs minister", "foreignminister"), ("foreign secretary", "foreignminister"), ("top diplomat", "foreignminister"),
        ("chief diplomat", "foreignminister"), ("secretary of state", "foreignminister"), ("minister for foreign", "foreignminister"),
        ("secretary for relations with states", "foreignminister"),
        ("permanent representative", "unrepresentative"), ("un representative", "unrepresentative"), ("un ambassador", "unrepresentative"),
        ("ambassador to the united nations", "unrepresentative"), ("ambassador to the un", "unrepresentative"),
        ("representative to the united nations", "unrepresentative"), ("representative to the un", "unrepresentative"),
        ("vice president", "vicepresident"), ("prime minister", "primeminister"), ("premier", "primeminister"),
        ("head of government", "primeminister"), ("head of state", "president"), ("advisor", "adviser"), ("advisors", "advisers"),
        ("chairman", "chair"), ("chairwoman", "chair"), ("chairperson", "chair"), ("spokesman", "spokesperson"),
        ("spokeswoman", "spokesperson"), ("press secretary", "presssecretary"), ("covid 19", "covid"), ("covid", "covid"),
    }.Select(s => (s.Phrase.Split(' '), s.Token)).OrderByDescending(s => s.Item1.Length).ToArray();

    private readonly Lazy<Index> _index;

    private OfficeDirectory(Func<Index> read) => _index = new(read, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>No one known.</summary>
    public static OfficeDirectory Empty { get; } = new(() => new Index([], new Dictionary<string, string>()));

    /// <summary>
    /// The offices the titles of <paramref name="documents"/> give the speakers of <paramref name="speakers"/>, and the
    /// posts their turns carry (<see cref="SpeakerSummary.Posts"/>: a moderator's introduction, "U.S. Trade Representative
    /// Katherine Tai"), each held for the government of the site of a document that gives it.
    /// </summary>
    public static OfficeDirectory From(IReadOnlyList<DocumentInfo> documents, SpeakerDirectory speakers, IReadOnlyList<SpeakerSummary>? summaries = null) =>
        new(() => Read(documents, speakers, summaries ?? []));

    /// <summary>
    /// The offices named in <paramref name="query"/> that someone is known to have held, each with the stored names
    /// and where its words stand. Words under <paramref name="masked"/> (dates, quoted text) are not read.
    /// </summary>
    public IReadOnlyList<NameMention> Find(string query, ReadOnlySpan<bool> masked = default)
    {
        var index = _index.Value;
        if (index.Entries.Count == 0) return [];
        var words = Words(query, masked);
        var tokens = words.Select(w => w.Token).ToList();
        var countries = CountryMentions(tokens, index.Countries);

        var matches = new List<(Entry Entry, int First, int Last)>();
        foreach (var entry in index.Entries)
        {
            var window = Window(tokens, entry.Office);
            if (window is null) continue;
            // A country named next to the office ("Iran's president", "the president of Iran") must be the post's.
            var near = countries.Where(c => Next(tokens, c, window.Value)).ToList();
            if (near.Count > 0 && !near.Any(c => c.Country == entry.Country)) continue;
            matches.Add((entry, window.Value.First, window.Value.Last));
        }

        if (matches.Count == 0) return [];
        // The most specific office wins ("national security adviser" over "adviser"); a country-bound reading over a loose one.
        int best = matches.Max(m => m.Entry.Office.Count * 2 + (m.Entry.Country is null ? 0 : 1));
        var chosen = matches.Where(m => m.Entry.Office.Count * 2 + (m.Entry.Country is null ? 0 : 1) == best).ToList();
        var names = chosen.SelectMany(m => m.Entry.Names).Distinct().ToList();
        if (names.Count > MaxHolders) return [];
        int first = chosen.Min(m => m.First), last = chosen.Max(m => m.Last);
        // The country words next to the office belong to it.
        foreach (var c in countries.Where(c => Next(tokens, c, (first, last))))
        {
            first = Math.Min(first, c.First);
            last = Math.Max(last, c.Last);
        }

        int start = words[first].Start, end = words[last].Start + words[last].Length;
        return [new NameMention(names, start, end - start) { IsOffice = true }];
    }

    /// <summary>
    /// Whether a country stands next to an office: right before it ("Iran's president", "the Iranian president"; one
    /// word may stand between, "White House national security adviser") or after it behind "of" ("president of Iran").
    /// </summary>
    private static bool Next(List<string> tokens, (string Country, int First, int Last) c, (int First, int Last) office)
    {
        if (c.Last < office.First) return office.First - c.Last <= 2;
        if (c.First <= office.Last) return false;
        var between = tokens.Skip(office.Last + 1).Take(c.First - office.Last - 1).ToList();
        return between.Count is >= 1 and <= 2 && between[0] == "of" && between.Skip(1).All(t => t == "the");
    }

    /// <summary>The shortest run of tokens holding every office token, if it is tight enough.</summary>
    private static (int First, int Last)? Window(List<string> tokens, IReadOnlyList<string> office)
    {
        (int First, int Last)? best = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!office.Contains(tokens[i])) continue;
            var missing = new HashSet<string>(office, StringComparer.Ordinal);
            int extra = 0;
            for (int j = i; j < tokens.Count && extra <= SlackWords; j++)
            {
                if (!missing.Remove(tokens[j]) && !office.Contains(tokens[j]) && !LexicalAnalyzer.StopWords.Contains(tokens[j])) extra++;
                if (missing.Count > 0) continue;
                if (extra <= SlackWords && (best is null || j - i < best.Value.Last - best.Value.First)) best = (i, j);
                break;
            }
        }

        return best;
    }

    private static List<(string Country, int First, int Last)> CountryMentions(List<string> tokens, IReadOnlyDictionary<string, string> countries)
    {
        var found = new List<(string, int, int)>();
        for (int i = 0; i < tokens.Count; i++)
        {
            for (int n = Math.Min(6, tokens.Count - i); n >= 1; n--)
            {
                var phrase = string.Join(' ', tokens.Skip(i).Take(n));
                if (countries.TryGetValue(phrase, out var country) || (n == 1 && Adjective(phrase, countries) is { } adjective && (country = adjective) is not null))
                {
                    found.Add((country, i, i + n - 1));
                    i += n - 1;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>A one-word country named by its adjective ("Colombian", "Iranian", "Chinese"): the longest shared stem.</summary>
    private static string? Adjective(string word, IReadOnlyDictionary<string, string> countries)
    {
        if (word.Length < 5) return null;
        string? best = null;
        int bestLength = 0;
        foreach (var (name, country) in countries)
        {
            if (name.Contains(' ')) continue;
            int shared = 0;
            while (shared < name.Length && shared < word.Length && name[shared] == word[shared]) shared++;
            if (shared >= Math.Max(4, name.Length - 2) && shared > bestLength)
            {
                best = country;
                bestLength = shared;
            }
        }

        return best;
    }

    private static Index Read(IReadOnlyList<DocumentInfo> documents, SpeakerDirectory speakers, IReadOnlyList<SpeakerSummary> summaries)
    {
        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (country, aliases) in s_irregular)
        {
            countries.TryAdd(Fold(country), country);
            foreach (var alias in aliases) countries.TryAdd(Fold(alias), country);
        }

        // Names by their last word, to find them in titles word by word.
        var byLastWord = speakers.Names.GroupBy(n => LexicalAnalyzer.Terms(n, keepStopWords: true).LastOrDefault() ?? "")
            .Where(g => g.Key.Length > 0).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var posts = new List<(string Name, string Post, string? Country)>();
        foreach (var document in documents)
        {
            // Invisible format characters (a word joiner in "COVID-\u206019", a soft hyphen) are dropped before the title is read.
            var title = new string(document.Title.Replace('\u00A0', ' ').Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
            foreach (var name in NamesIn(title, byLastWord))
            {
                int at = title.IndexOf(name, StringComparison.OrdinalIgnoreCase);
                if (at < 0) continue;
                // After the name: "Name, President of Colombia, general debate ..."
                var after = title[(at + name.Length)..];
                if (PostAfterRegex().Match(after) is { Success: true } m)
                {
                    var post = m.Groups["post"].Value;
                    string? country = null;
                    // "... of People's Republic of China": the first "of" after which a known country stands, else the last.
                    var tails = OfRegex().Matches(post).Select(o => (o.Index, Country: Fold(ParentheticalRegex().Replace(post[(o.Index + o.Length)..], "")))).ToList();
                    if (tails.Count > 0)
                    {
                        var (cut, named) = tails.FirstOrDefault(t => countries.ContainsKey(t.Country), tails[^1]);
                        country = named;
                        post = post[..cut];
                    }

                    AddOffices(name, post, country);
                }

                // Before the name: "Press Briefing by Press Secretary Jen Psaki", "... and Chair of the Council of Economic Advisers Cecilia Rouse"
                var before = title[..at];
                // An honorific between post and name is neither ("Response Coordinator Dr. Ashish Jha").
                if (PostBeforeRegex().Match(before) is { Success: true } b && HonorificRegex().Replace(b.Groups["post"].Value, "") is { } postBefore && postBefore.Any(char.IsLetter) && IsOnePersonsPost(postBefore))
                    posts.Add((name, postBefore, SiteCountry(document.Url)));
            }
        }

        var urls = documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Url, StringComparer.Ordinal);
        foreach (var summary in summaries.Where(s => s.Role == SpeakerRole.Principal))
            foreach (var (post, documentId) in summary.Posts)
                AddOffices(summary.Name, post, SiteCountry(urls.GetValueOrDefault(documentId)));

        // "State Councillor and Minister for Foreign Affairs": each office on its own, and only one person's.
        void AddOffices(string name, string post, string? country)
        {
            foreach (var part in post.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (IsOnePersonsPost(part)) posts.Add((name, part, country));
        }

        foreach (var (_, _, country) in posts)
            if (country is not null) countries.TryAdd(country, country);
        // Countries are compared folded; aliases point at the folded name the titles use.
        var canonical = countries.ToDictionary(kv => kv.Key, kv => Fold(kv.Value), StringComparer.Ordinal);
        foreach (var (country, aliases) in s_irregular)
        {
            var titleName = posts.Select(p => p.Country).FirstOrDefault(c => c is not null && aliases.Select(Fold).Append(Fold(country)).Contains(c));
            if (titleName is null) continue;
            foreach (var alias in aliases.Append(country)) canonical[Fold(alias)] = titleName;
        }

        var entries = posts
            .Select(p => (p.Name, Office: OfficeTokens(p.Post), Country: p.Country is null ? null : canonical.GetValueOrDefault(p.Country, p.Country)))
            .Where(p => p.Office.Count > 0)
            .GroupBy(p => (string.Join(' ', p.Office), p.Country))
            .Select(g => new Entry(g.First().Office, g.Key.Country, g.Select(p => p.Name).Distinct().ToList()))
            .ToList();
        return new Index(entries, canonical);
    }

    /// <summary>
    /// Whether a phrase is one person's post: its head word (the last before "of", "for", "to", "on" or "with") is no
    /// plural ("Karine Jean-Pierre, Members of BTS, and ..." gives her no post "Members").
    /// </summary>
    private static bool IsOnePersonsPost(string post)
    {
        var words = post.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int end = Array.FindIndex(words, w => w is "of" or "for" or "to" or "on" or "with");
        var head = (end > 0 ? words[end - 1] : words.LastOrDefault() ?? "").TrimEnd(',', '.');
        return !(head.Length > 3 && head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal));
    }

    /// <summary>The government a document's site belongs to, for posts its titles give without a country.</summary>
    private static string? SiteCountry(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        foreach (var (host, country) in s_sites)
            if (uri.Host.EndsWith(host, StringComparison.OrdinalIgnoreCase)) return country;
        return null;
    }

    /// <summary>Stored names found whole in a title.</summary>
    private static IEnumerable<string> NamesIn(string title, Dictionary<string, List<string>> byLastWord)
    {
        var folded = " " + Fold(title) + " ";
        return LexicalAnalyzer.Terms(title, keepStopWords: true)
            .SelectMany(w => byLastWord.GetValueOrDefault(w) ?? [])
            .Where(n => folded.Contains(" " + Fold(n) + " ", StringComparison.Ordinal))
            .Distinct();
    }

    /// <summary>An office's words, folded, synonyms joined, small words dropped.</summary>
    internal static IReadOnlyList<string> OfficeTokens(string post)
    {
        var tokens = Tokens(post);
        return tokens.Where(t => !LexicalAnalyzer.StopWords.Contains(t) && t is not ("white" or "house" or "u" or "s" or "us" or "acting" or "the")).Distinct().ToList();
    }

    /// <summary>Words of a text, folded, with synonym phrases joined into one token each.</summary>
    private static List<string> Tokens(string text) => Words(text, default).Select(w => w.Token).ToList();

    private static List<(string Token, int Start, int Length)> Words(string text, ReadOnlySpan<bool> masked)
    {
        var raw = new List<(string Token, int Start, int Length)>();
        foreach (var (start, length) in LexicalAnalyzer.WordSpans(text))
        {
            if (!masked.IsEmpty && masked[start]) continue;
            raw.Add((LexicalAnalyzer.Fold(text.AsSpan(start, length)), start, length));
        }

        var result = new List<(string Token, int Start, int Length)>(raw.Count);
        for (int i = 0; i < raw.Count;)
        {
            bool joined = false;
            foreach (var (phrase, token) in s_synonyms)
            {
                if (i + phrase.Length > raw.Count) continue;
                bool same = true;
                for (int k = 0; k < phrase.Length && same; k++) same = raw[i + k].Token == phrase[k];
                if (!same) continue;
                var last = raw[i + phrase.Length - 1];
                result.Add((token, raw[i].Start, last.Start + last.Length - raw[i].Start));
                i += phrase.Length;
                joined = true;
                break;
            }

            if (joined) continue;
            result.Add(raw[i]);
            i++;
        }

        return result;
    }

    private static string Fold(string text) => string.Join(' ', LexicalAnalyzer.Terms(text, keepStopWords: true));

    private sealed record Entry(IReadOnlyList<string> Office, string? Country, IReadOnlyList<string> Names);

    private sealed record Index(IReadOnlyList<Entry> Entries, IReadOnlyDictionary<string, string> Countries);

    // ", President of Colombia," right after the name (up to the next comma).
    [GeneratedRegex(@"^\s*,\s*(?<post>[^,]{3,120}?)\s*(?:,|$)")]
    private static partial Regex PostAfterRegex();

    [GeneratedRegex(@"\s+of\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex OfRegex();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex ParentheticalRegex();

    [GeneratedRegex(@"\b(?:Dr|Mr|Mrs|Ms|Prof)\.?\s*$")]
    private static partial Regex HonorificRegex();

    // The capitalised words (with small linking words) right before the name, after "by", "and", "with", "&" or a comma.
    [GeneratedRegex(@"(?:^|\bby|\band|\bwith|&|,)\s+(?<post>(?:(?:[\p{Lu}][\p{L}\p{M}\-\.]*|of|the|for|on|to|COVID-19)\s+){1,10}?)$")]
    private static partial Regex PostBeforeRegex();
}

/// <summary>A person named in a query, by name or by office: the stored names and where the words stand.</summary>
public sealed record NameMention(IReadOnlyList<string> Names, int Index, int Length)
{
    /// <summary>Whether the mention is an office ("Russia's foreign minister") rather than a name.</summary>
    public bool IsOffice { get; init; }
}
