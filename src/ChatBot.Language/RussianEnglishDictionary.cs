using System.Diagnostics;

namespace ChatBot.Language;

/// <summary>
/// A Russian-English word list made by inverting an English-Russian dictionary. Each Russian gloss is filed under the
/// Snowball stems of its words; under one stem, the glosses (lemmas) it came from are kept apart, so that the
/// question's word picks the lemma closest to it (расширении -> расширение, not расширенный). For each lemma the
/// English headwords are ordered by a score: lower where the Russian word comes earlier in the English article (a
/// first gloss beats a fifth) and where its sense carries no usage label, and lower for longer articles (common
/// words have long articles). Country and place names are kept apart (<see cref="LookupName"/>).
/// </summary>
internal sealed class RussianEnglishDictionary
{
    /// <summary>A labelled sense (specialist, dated, figurative) counts as this many glosses further down.</summary>
    private const int LabelPenalty = 4;

    /// <summary>Each doubling of an article's length counts as this many glosses further up (the score).</summary>
    private const double ArticleLengthBonus = 0.25;

    /// <summary>How much a verb (adjective) lemma is preferred for a word form with a verb's (adjective's) ending.</summary>
    private const int PartOfSpeechBonus = 4;

    // Endings of adjective forms, and of adjective lemmas, leaving out those nouns share (-ие, -ий: заявление, высказываний).
    private static readonly string[] s_adjectiveEndings =
        ["ый", "ая", "ое", "ые", "ого", "ому", "ым", "ых", "ую", "ыми", "ой", "ские", "ский", "ских", "ским", "ском"];

    private static readonly string[] s_adjectiveLemmaEndings = ["ый", "ой", "ский", "кий"];

    // Endings of finite verb forms and infinitives (говорит, играют, сказал, заявила, обсуждались, оценивать).
    private static readonly string[] s_verbEndings =
        ["ет", "ют", "ит", "ат", "ят", "ал", "ил", "ял", "ел", "ла", "ли", "ло", "ть", "ся", "сь"];

    private readonly Dictionary<string, Lemma[]> _words;
    private readonly Dictionary<string, string> _names;
    private readonly HashSet<string> _namePrefixes;

    private RussianEnglishDictionary(Dictionary<string, Lemma[]> words, Dictionary<string, string> names, int maxNameWords, int headwords, TimeSpan loadTime)
    {
        _words = words;
        _names = names;
        _namePrefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in names.Keys)
        {
            for (var space = key.IndexOf(' ', StringComparison.Ordinal); space > 0; space = key.IndexOf(' ', space + 1))
            {
                _namePrefixes.Add(key[..space]);
            }
        }

        Headwords = headwords;
        LoadTime = loadTime;
        MaxPhraseWords = Math.Max(maxNameWords, words.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max());
    }

    /// <summary>Russian keys of common words (stems of a word or a phrase of a few words).</summary>
    public int Count => _words.Count;

    /// <summary>English articles read.</summary>
    public int Headwords { get; }

    /// <summary>How long reading and inverting took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>The longest Russian phrase (in words) the dictionary holds.</summary>
    public int MaxPhraseWords { get; }

    /// <summary>
    /// English translations of a Russian word or phrase, best first, or null when unknown. <paramref name="words"/>
    /// are the words as written (lower case, ё as е), <paramref name="stems"/> their stems.
    /// </summary>
    public string[]? LookupWord(IReadOnlyList<string> words, IReadOnlyList<string> stems) => LookupEntry(words, stems)?.English;

    /// <summary>
    /// The translations of a Russian word or phrase (<see cref="LookupWord"/>) and the senses a caller may choose among,
    /// the dictionary's best first (one for a cognate); null when unknown.
    /// </summary>
    public (string[] English, string[] Senses)? LookupEntry(IReadOnlyList<string> words, IReadOnlyList<string> stems) =>
        Lookup(words, stems) is { } lemma ? (lemma.English, lemma.Senses) : null;

    private Lemma? Lookup(IReadOnlyList<string> words, IReadOnlyList<string> stems)
    {
        if (!_words.TryGetValue(string.Join(' ', stems), out var lemmas))
        {
            return null;
        }

        var phrase = string.Join(' ', words);
        // The lemma closest to the word as written, weighed against how good a translation its best English word is
        // (a comma-split fragment such as "газа" in "выпускание воздуха, газа" is close in form but a poor gloss).
        var best = lemmas[0];
        var bestFit = Closeness(phrase, best.Text) - best.Score;
        for (var i = 1; i < lemmas.Length; i++)
        {
            var fit = Closeness(phrase, lemmas[i].Text) - lemmas[i].Score;
            if (fit > bestFit)
            {
                best = lemmas[i];
                bestFit = fit;
            }
        }

        return best;
    }

    /// <summary>The English name of a country or place written in Russian (any case form), or null.</summary>
    public string? LookupName(IReadOnlyList<string> words, RussianStemmer stemmer)
    {
        // Depth first over each word's forms, following only prefixes some name has.
        var options = words.Select(w => NameBases(w, stemmer)).ToList();
        string? Search(int i, string prefix)
        {
            foreach (var option in options[i])
            {
                var text = i == 0 ? option : prefix + " " + option;
                if (i == options.Count - 1)
                {
                    if (_names.TryGetValue(text, out var english))
                    {
                        return english;
                    }
                }
                else if (_namePrefixes.Contains(text) && Search(i + 1, text) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        return options.Count == 0 ? null : Search(0, string.Empty);
    }

    /// <summary>
    /// Reads the dictd dictionary at <paramref name="dictdBasePath"/> (when it exists) and the country names, and inverts them.
    /// </summary>
    public static RussianEnglishDictionary Load(string? dictdBasePath, CountryNames countries, RussianStemmer stemmer, int translationsPerWord, int alternativeMaxGlossRank, double alternativeMinLengthShare = 0, int senses = 1, int senseMaxGlossRank = 0, int cognatePrefix = 3, double cognateMaxDistance = 0)
    {
        var clock = Stopwatch.StartNew();
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        string StemOf(string word)
        {
            if (!stems.TryGetValue(word, out var stem))
            {
                stem = stemmer.Stem(word);
                stems[word] = stem;
            }

            return stem;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var maxNameWords = 1;
        foreach (var (russian, english) in RussianFunctionWords.Places.Concat(countries.Russian))
        {
            var words = Words(russian);
            maxNameWords = Math.Max(maxNameWords, words.Length);
            foreach (var key in Combinations(words.Select(w => NameBases(w, stemmer)).ToList()))
            {
                names.TryAdd(key, english);
            }
        }

        var candidates = new Dictionary<string, Dictionary<string, List<Candidate>>>(StringComparer.Ordinal);
        void Add(string key, string lemma, Candidate candidate)
        {
            if (!candidates.TryGetValue(key, out var byLemma))
            {
                candidates[key] = byLemma = new(StringComparer.Ordinal);
            }

            if (!byLemma.TryGetValue(lemma, out var list))
            {
                byLemma[lemma] = list = [];
            }

            list.Add(candidate);
        }

        var headwords = 0;
        var cognates = new Dictionary<string, (string English, double Distance)>(StringComparer.Ordinal);
        var skeletons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(dictdBasePath) && DictdReader.Exists(dictdBasePath))
        {
            foreach (var (headword, article) in DictdReader.ReadEntries(dictdBasePath))
            {
                if (!IsPlainWord(headword))
                {
                    continue;
                }

                headwords++;
                var lengthBonus = ArticleLengthBonus * Math.Log2(Math.Max(2, article.Length));
                foreach (var (gloss, rank, labelled) in MuellerArticle.Glosses(article))
                {
                    var words = Words(gloss);
                    var lemma = string.Join(' ', words);
                    var candidate = new Candidate(headword, rank + (labelled ? LabelPenalty : 0), rank + (labelled ? LabelPenalty : 0) - lengthBonus, article.Length);
                    // A Russian word of the gloss that sounds like the headword is its cognate, even inside a phrase
                    // ("format": "формат книги" gives формат -> format); the headword sounding most alike wins
                    // (гуманитарный: humanitarian, not humane; трибуна: tribune, not tribunate).
                    if (cognateMaxDistance > 0)
                    {
                        var english = SoundSkeleton(headword);
                        foreach (var word in words)
                        {
                            if (!skeletons.TryGetValue(word, out var russianSkeleton)) skeletons[word] = russianSkeleton = SoundSkeleton(CyrillicTransliterator.Transliterate(word));
                            if (CognateDistance(russianSkeleton, english, cognatePrefix, cognateMaxDistance) is { } distance
                                && (!cognates.TryGetValue(word, out var best) || distance < best.Distance))
                            {
                                cognates[word] = (headword, distance);
                            }
                        }
                    }

                    Add(string.Join(' ', words.Select(StemOf)), lemma, candidate);
                    if (words.Length == 1 && FleetingVowelStem(words[0]) is { } oblique)
                    {
                        Add(oblique, lemma, candidate);
                    }
                }
            }
        }

        var entries = new Dictionary<string, Lemma[]>(candidates.Count, StringComparer.Ordinal);
        foreach (var (key, byLemma) in candidates)
        {
            var lemmas = new List<Lemma>(byLemma.Count);
            foreach (var (lemma, list) in byLemma)
            {
                list.Sort(static (a, b) => a.Score.CompareTo(b.Score));
                var chosen = new List<string>(translationsPerWord);
                foreach (var candidate in list)
                {
                    if (chosen.Count >= Math.Max(1, translationsPerWord)
                        || (chosen.Count > 0 && (candidate.Rank > alternativeMaxGlossRank || candidate.ArticleLength < alternativeMinLengthShare * list[0].ArticleLength)))
                    {
                        break;
                    }

                    if (!chosen.Contains(candidate.English, StringComparer.OrdinalIgnoreCase))
                    {
                        chosen.Add(candidate.English);
                    }
                }

                // The senses a caller may choose among (by how often the corpus uses each), best first; a loanword's English
                // cognate among them is its sense whatever the dictionary's order (формат -> format, not size).
                // Besides the first, only words among whose first senses this is (устаревший: "outdated" as well as
                // "motheaten"; запрет: not "negative").
                var options = list.Where((c, i) => i == 0 || c.Rank <= senseMaxGlossRank).Select(c => c.English).Distinct(StringComparer.OrdinalIgnoreCase).Take(Math.Max(1, senses)).ToArray();
                if (cognates.TryGetValue(lemma, out var found) && found.English is { } cognate)
                {
                    chosen.Remove(cognate);
                    chosen.Insert(0, cognate);
                    options = [cognate];
                }

                lemmas.Add(new Lemma(lemma, [.. chosen.Take(Math.Max(1, translationsPerWord))], options, list[0].Score));
            }

            lemmas.Sort(static (a, b) => a.Score.CompareTo(b.Score));
            entries[key] = [.. lemmas];
        }

        return new RussianEnglishDictionary(entries, names, maxNameWords, headwords, clock.Elapsed);
    }

    // The forms a name's word is filed and looked up under: its stem and the word without each case ending, so that
    // Корея and Корее (whose Snowball stems differ) meet at "коре".
    private static List<string> NameBases(string word, RussianStemmer stemmer)
    {
        var normal = RussianStemmer.Normalise(word);
        var bases = new List<string> { normal, stemmer.Stem(normal) };
        foreach (var ending in NameMatcher.CaseEndings)
        {
            if (normal.Length - ending.Length >= 3 && normal.EndsWith(ending, StringComparison.Ordinal))
            {
                bases.Add(normal[..^ending.Length]);
            }
        }

        return bases;
    }

    // Nouns whose last vowel drops in the other cases (беженец -> беженца, рынок -> рынка): the stem of those forms.
    private static string? FleetingVowelStem(string word)
    {
        foreach (var (nominative, oblique) in new[] { ("ец", "ц"), ("ок", "к"), ("ек", "к"), ("ёк", "к") })
        {
            if (word.Length > nominative.Length + 2 && word.EndsWith(nominative, StringComparison.Ordinal))
            {
                return word[..^nominative.Length] + oblique;
            }
        }

        return null;
    }

    private static IEnumerable<string> Combinations(List<List<string>> parts)
    {
        if (parts.Count == 0)
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> From(int i, string prefix)
        {
            foreach (var option in parts[i])
            {
                var text = i == 0 ? option : prefix + " " + option;
                if (i == parts.Count - 1)
                {
                    yield return text;
                }
                else
                {
                    foreach (var rest in From(i + 1, text))
                    {
                        yield return rest;
                    }
                }
            }
        }

        foreach (var key in From(0, string.Empty))
        {
            if (seen.Add(key))
            {
                yield return key;
            }
        }
    }

    private static string[] Words(string phrase) =>
        phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(RussianStemmer.Normalise).ToArray();

    // How close a lemma is to the question's word form: letters shared from the start, less half the difference in
    // length (миссии: миссия 5, мисс 3; расширении: расширение 9, расширенный 7.5); a verb form prefers a verb lemma
    // (играет: играть, not игра), an adjective form an adjective (холодной: холодный, not холодно).
    private static double Closeness(string form, string lemma)
    {
        var shared = 0;
        while (shared < form.Length && shared < lemma.Length && form[shared] == lemma[shared])
        {
            shared++;
        }

        var closeness = shared - (Math.Abs(lemma.Length - form.Length) / 2.0);
        if (VerbForm(form) && (lemma.EndsWith("ть", StringComparison.Ordinal) || lemma.EndsWith("ться", StringComparison.Ordinal)))
        {
            closeness += PartOfSpeechBonus;
        }
        else if (AdjectiveForm(form) && s_adjectiveLemmaEndings.Any(e => lemma.EndsWith(e, StringComparison.Ordinal)))
        {
            closeness += PartOfSpeechBonus;
        }

        return closeness;
    }

    private static bool AdjectiveForm(string form) =>
        form.Length > 4 && !form.Contains(' ', StringComparison.Ordinal) && s_adjectiveEndings.Any(e => form.EndsWith(e, StringComparison.Ordinal));

    private static bool VerbForm(string form) =>
        form.Length > 4 && !form.Contains(' ', StringComparison.Ordinal) && s_verbEndings.Any(e => form.EndsWith(e, StringComparison.Ordinal));

    // One English word (a capital first letter allowed: Russian, November); no abbreviations, phrases, compounds or forms with apostrophes.
    private static bool IsPlainWord(string headword) =>
        headword.Length > 1 && char.IsAsciiLetter(headword[0]) && headword.Skip(1).All(char.IsAsciiLetterLower);

    private readonly record struct Candidate(string English, int Rank, double Score, int ArticleLength);

    private sealed record Lemma(string Text, string[] English, string[] Senses, double Score);

    /// <summary>
    /// Whether an English word is the Russian word's cognate (a loanword either way): once both are reduced to how they
    /// sound (k and c, z and s, y and i, g and h, ts and c, x and ks are one), their first <paramref name="prefix"/>
    /// letters agree and they differ in at most <paramref name="maxDistance"/> of the longer's letters (формат, format;
    /// парламент, parliament).
    /// </summary>
    internal static bool IsCognate(string russian, string english, int prefix, double maxDistance) =>
        CognateDistance(SoundSkeleton(CyrillicTransliterator.Transliterate(russian)), SoundSkeleton(english), prefix, maxDistance) is not null;

    // The edit distance of two sound skeletons as a share of the longer, or null when they are no cognates.
    private static double? CognateDistance(string russian, string english, int prefix, double maxDistance)
    {
        if (russian.Length < prefix || english.Length < prefix || string.CompareOrdinal(russian, 0, english, 0, prefix) != 0) return null;
        var longer = Math.Max(russian.Length, english.Length);
        var limit = (int)Math.Floor(maxDistance * longer);
        var edits = NameMatcher.Distance(russian, english, limit);
        return edits <= limit ? (double)edits / longer : null;
    }

    private static string SoundSkeleton(string latin)
    {
        var s = new string(latin.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());
        foreach (var (from, to) in s_sounds) s = s.Replace(from, to, StringComparison.Ordinal);
        return s;
    }

    // Applied in order: English x and -tion first (санкция, sanction: -tsiya is -tion), then the romanisation's digraphs,
    // then single letters. Russian writes a Latin h as г (гуманитарный, humanitarian), so g and h are one too.
    private static readonly (string From, string To)[] s_sounds =
        [("tion", "tsiya"), ("x", "ks"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ts", "c"), ("ch", "c"), ("ph", "f"), ("k", "c"), ("z", "s"), ("y", "i"), ("g", "h")];
}
