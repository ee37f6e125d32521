using System.Collections.Frozen;
using ChatBot.Model;
using ChatBot.Storage;
using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>
/// The store's speakers indexed by the words of their names, so "Lavrov", "lavrov's" or "Sergei Lavrov" find "Sergey
/// Lavrov", "Sergei Lavrov" and "Sergey V. Lavrov" alike, and "Gabriel Boric" finds "Gabriel Boric Font", not "Sigmar
/// Gabriel". One word alone names a person only when it is a surname: the last word, or the one before it in a name of
/// three words or more ("Evo Morales Ayma", "Bruno Eduardo Rodríguez Parrilla", "Ri Yong Ho"); two or more words name the
/// people whose names hold most of them. Generic labels ("Senior Administration Official", "The President") are
/// reachable by their full name only, never by a common word. Immutable.
/// </summary>
public sealed class SpeakerDirectory
{
    private static readonly FrozenSet<string> s_genericWords = new[]
    {
        "official", "officials", "president", "moderator", "operator", "aide", "question", "unattributed", "secretary",
        "administrator", "minister", "ambassador", "chair", "director", "spokesperson", "spokesman", "participant",
        "staff", "representative", "envoy", "advisor", "adviser", "general", "governor", "senator", "mayor", "the",
        "senior", "administration", "house", "white", "acting", "deputy", "vice", "press", "mr", "mrs", "ms", "dr",
        "one", "two", "three", "four", "five", "six", "first", "second", "third",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Generational suffixes: "Joseph R. Biden, Jr" is found by "Biden".
    private static readonly FrozenSet<string> s_suffixes = new[] { "jr", "sr", "ii", "iii", "iv" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Two spellings of one given name share at least this many first letters ("Sergey", "Sergei").</summary>
    private const int SpellingPrefix = 4;

    private readonly Dictionary<string, List<string>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _wordsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastWordOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _titledOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byFullName = new(StringComparer.Ordinal);

    /// <summary>Builds the directory from the store's speaker list.</summary>
    public SpeakerDirectory(IEnumerable<SpeakerSummary> speakers)
    {
        foreach (var s in speakers)
        {
            if (s.Role == SpeakerRole.Question) continue;
            _byFullName.TryAdd(FullKey(s.Name), s.Name);
            var words = LexicalAnalyzer.Terms(s.Name, keepStopWords: true);
            if (words.Count < 2 || _wordsOf.ContainsKey(s.Name)) continue;
            // Every word of the name counts within a run of two or more ("Theresa May"); alone, only a surname that is
            // no common word ("May" alone is the verb).
            var distinctive = words.Where(w => !s_genericWords.Contains(w) && w.Length >= 2).ToList();
            if (distinctive.Count == 0) continue;
            _wordsOf[s.Name] = distinctive;
            _lastWordOf[s.Name] = distinctive.Last(w => !s_suffixes.Contains(w) || w == distinctive[0]);
            _order[s.Name] = _order.Count;
            foreach (var w in distinctive) Add(_byWord, w, s.Name);
            foreach (var surname in words.Count >= 3 ? [words[^1], words[^2]] : new[] { words[^1] })
            {
                if (surname.Length >= 3 && distinctive.Contains(surname) && !LexicalAnalyzer.StopWords.Contains(surname)) Add(_bySurname, surname, s.Name);
            }
        }

        // A title and surname ("Dr. Walensky", "Mr. Sullivan") is the person the one full name with that surname names
        // ("Rochelle Walensky", "Jake Sullivan"): transcripts label one official both ways. With two such full names
        // ("Boris Johnson", "Carole Johnson") it could be either, and is left out.
        foreach (var (surname, holders) in _bySurname)
        {
            var full = holders.Where(h => _wordsOf[h].Count >= 2 && _lastWordOf[h] == surname).ToList();
            var titled = holders.Where(h => _wordsOf[h].Count == 1).ToList();
            if (full.Count == 1 && titled.Count > 0) _titledOf[full[0]] = titled;
        }
    }

    private static void Add(Dictionary<string, List<string>> index, string key, string name)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (!list.Contains(name)) list.Add(name);
    }

    /// <summary>Every stored name but journalists'.</summary>
    public IReadOnlyCollection<string> Names => _byFullName.Values;

    /// <summary>An empty directory.</summary>
    public static SpeakerDirectory Empty { get; } = new([]);

    /// <summary>Whether a word (folded, e.g. "boric") is part of a stored name.</summary>
    public bool IsNameWord(string foldedWord) => _byWord.ContainsKey(foldedWord);

    /// <summary>
    /// The people a run of typed words (folded, in order) names: those whose names hold the most of the words (a word
    /// counts when it is one of the name's words or another spelling of it), at least two, or one that is their surname.
    /// Null when the words name nobody.
    /// </summary>
    public IReadOnlyList<string>? Match(IReadOnlyList<string> typed)
    {
        // In the directory's order (the store lists the most frequent speakers first), whatever the typed order.
        var candidates = typed.SelectMany(t => _byWord.GetValueOrDefault(t) ?? []).Distinct().OrderBy(n => _order[n]).ToList();
        (int Words, bool Surname) best = (0, false);
        var chosen = new List<string>();
        foreach (var name in candidates)
        {
            var words = _wordsOf[name];
            int count = typed.Count(t => words.Any(w => SameWord(w, t)));
            bool valid = count >= 2 || (count == 1 && typed.Any(t => IsSurnameOf(t, name)));
            // Among names holding as many of the words, those found by a surname: the run ends with one, or holds the
            // name's last word. "Anthony Fauci" is Dr. Fauci, not Mark Anthony Brantley; "Lavrov Trump" is both; "Morales"
            // is Evo Morales Ayma and Jimmy Morales.
            var score = (count, IsSurnameOf(typed[^1], name) || typed.Any(t => SameWord(_lastWordOf[name], t)));
            if (!valid || score.CompareTo(best) < 0) continue;
            if (score.CompareTo(best) > 0) chosen.Clear();
            best = score;
            chosen.Add(name);
        }

        // The titled names each chosen full name stands for (found when the directory was built).
        foreach (var name in chosen.ToList())
            foreach (var titled in _titledOf.GetValueOrDefault(name) ?? [])
                if (!chosen.Contains(titled)) chosen.Add(titled);

        return chosen.Count > 0 ? chosen : null;
    }

    /// <summary>Whether one of <paramref name="names"/> is kept by its surname alone ("Dr. Walensky", "Ambassador Tai").</summary>
    public bool SurnameOnly(IReadOnlyList<string> names) => names.Any(n => _wordsOf.TryGetValue(n, out var words) && words.Count == 1);

    private bool IsSurnameOf(string typed, string name) => _bySurname.TryGetValue(typed, out var holders) && holders.Contains(name);

    /// <summary>Whether a typed word of a run is one of <see cref="Match"/>'s chosen names' words.</summary>
    public bool Holds(IReadOnlyList<string> names, string typed) => names.Any(n => _wordsOf.TryGetValue(n, out var words) && words.Any(w => SameWord(w, typed)));

    /// <summary>
    /// Stored names matching what a user typed: a full name exactly (case-insensitive), else the people its words name
    /// (<see cref="Match"/>). Empty when nothing matches.
    /// </summary>
    public IReadOnlyList<string> Resolve(string typed)
    {
        if (_byFullName.TryGetValue(FullKey(typed), out var exact)) return [exact];
        return Match(LexicalAnalyzer.Terms(typed, keepStopWords: true)) ?? [];
    }

    private static bool SameWord(string stored, string typed)
    {
        if (stored == typed) return true;
        if (stored.Length < SpellingPrefix + 1 || typed.Length < SpellingPrefix + 1) return false;
        int n = 0;
        while (n < stored.Length && n < typed.Length && stored[n] == typed[n]) n++;
        return n >= SpellingPrefix && Math.Abs(stored.Length - typed.Length) <= 1;
    }

    private static string FullKey(string name) => string.Join(' ', LexicalAnalyzer.Terms(name, keepStopWords: true));
}
