using System.Collections.Frozen;
using ChatBot.Model;
using ChatBot.Storage;
using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>
/// The store's speakers indexed by surname, so "Lavrov", "lavrov's" or "Sergei Lavrov" find "Sergey Lavrov",
/// "Sergei Lavrov" and "Sergey V. Lavrov" alike. Generic labels ("Senior Administration Official", "The President")
/// are reachable by their full name only, never by a common word. Immutable.
/// </summary>
public sealed class SpeakerDirectory
{
    private static readonly FrozenSet<string> s_genericWords = new[]
    {
        "official", "officials", "president", "moderator", "operator", "aide", "question", "unattributed", "secretary",
        "administrator", "minister", "ambassador", "chair", "director", "spokesperson", "spokesman", "participant",
        "staff", "representative", "envoy", "advisor", "adviser", "general", "governor", "senator", "mayor", "the",
        "senior", "administration", "house", "white", "acting", "deputy", "vice", "press", "mr", "mrs", "ms", "dr",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Dictionary<string, List<string>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byFullName = new(StringComparer.Ordinal);

    /// <summary>Builds the directory from the store's speaker list.</summary>
    public SpeakerDirectory(IEnumerable<SpeakerSummary> speakers)
    {
        foreach (var s in speakers)
        {
            if (s.Role == SpeakerRole.Question) continue;
            _byFullName.TryAdd(FullKey(s.Name), s.Name);
            var words = LexicalAnalyzer.Terms(s.Name, keepStopWords: true);
            if (words.Count < 2) continue;
            var surname = words[^1];
            if (surname.Length < 3 || s_genericWords.Contains(surname) || LexicalAnalyzer.StopWords.Contains(surname)) continue;
            if (!_bySurname.TryGetValue(surname, out var list)) _bySurname[surname] = list = [];
            if (!list.Contains(s.Name)) list.Add(s.Name);
        }
    }

    /// <summary>Every stored name but journalists'.</summary>
    public IReadOnlyCollection<string> Names => _byFullName.Values;

    /// <summary>An empty directory.</summary>
    public static SpeakerDirectory Empty { get; } = new([]);

    /// <summary>Stored names sharing this surname (folded, e.g. "lavrov"), or null.</summary>
    public IReadOnlyList<string>? BySurname(string foldedWord) => _bySurname.GetValueOrDefault(foldedWord);

    /// <summary>
    /// Stored names matching what a user typed: a full name exactly (case-insensitive), else every name sharing
    /// a surname the text contains. Empty when nothing matches.
    /// </summary>
    public IReadOnlyList<string> Resolve(string typed)
    {
        if (_byFullName.TryGetValue(FullKey(typed), out var exact)) return [exact];
        var result = new List<string>();
        foreach (var word in LexicalAnalyzer.Terms(typed, keepStopWords: true))
        {
            if (_bySurname.TryGetValue(word, out var names))
                result.AddRange(names.Where(n => !result.Contains(n)));
        }

        return result;
    }

    private static string FullKey(string name) => string.Join(' ', LexicalAnalyzer.Terms(name, keepStopWords: true));
}
