using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Language;

/// <summary>
/// Translates a Russian question word by word into an English query, offline: framing words from a curated table
/// ("что ... говорил о" -> "what ... said about"), content words from an inverted English-Russian dictionary matched
/// by Snowball stems (расширении -> expansion), countries and places by name, and other names romanised or matched
/// against known Latin names (Лаврова -> Lavrov). Numbers and Latin words pass through. The dictionary is read on the
/// first Russian question and kept; without it the translation holds the framing words and the names, and every
/// other word is reported untranslated.
/// </summary>
public sealed partial class RussianQueryTranslator : IQueryTranslator
{
    // Verbal prefixes, longest first; tried only when the whole word is unknown.
    private static readonly string[] VerbPrefixes =
        ["пере", "раз", "рас", "под", "про", "при", "вы", "за", "по", "от", "на", "об", "с", "у", "о"];

    // A word without its prefix must keep this many letters (so short words are not cut to nonsense).
    private const int MinUnprefixedLength = 5;

    private readonly LanguageOptions _options;
    private readonly Func<IEnumerable<string>> _knownNames;
    private readonly ILogger _logger;
    private readonly RussianStemmer _stemmer = new();
    private readonly NameMatcher _matcher;
    private readonly Lazy<(RussianEnglishDictionary Dictionary, CountryNames Countries)> _data;

    /// <summary>A translator reading the files named in <paramref name="options"/>.</summary>
    /// <param name="options">Dictionary paths and tolerances.</param>
    /// <param name="knownNames">Latin names to match Cyrillic names against (e.g. the store's speakers); asked on each question.</param>
    /// <param name="logger">Says once whether the dictionary was read, and how fast.</param>
    public RussianQueryTranslator(LanguageOptions options, Func<IEnumerable<string>>? knownNames = null, ILogger<RussianQueryTranslator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _knownNames = knownNames ?? (() => []);
        _logger = logger ?? NullLogger<RussianQueryTranslator>.Instance;
        _matcher = new NameMatcher(options);
        _data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether the dictionary's files were found and read (reads them if not yet done).</summary>
    public bool HasDictionary => _data.Value.Dictionary.Headwords > 0;

    /// <summary>Reads the dictionary now rather than on the first Russian question; returns how long it took.</summary>
    public TimeSpan Warm() => _data.Value.Dictionary.LoadTime;

    /// <inheritdoc />
    public TranslatedQuery? Translate(string query)
    {
        if (string.IsNullOrWhiteSpace(query) || !CyrillicTransliterator.ContainsCyrillic(query))
        {
            return null;
        }

        var dictionary = _data.Value.Dictionary;
        var tokens = Tokenize(query);
        var output = new List<string>();
        var untranslated = new List<string>();
        var ambiguous = new List<WordSenses>();
        var knownNames = Safe(_knownNames).ToList();

        for (var i = 0; i < tokens.Count;)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Mark)
            {
                i++;
                continue;
            }

            if (token.Kind != TokenKind.Cyrillic)
            {
                output.Add(token.Text);
                i++;
                continue;
            }

            i += TranslateAt(tokens, i, dictionary, knownNames, output, untranslated, ambiguous);
        }

        return new TranslatedQuery(TranslatedQuery.Compose(output, query.TrimEnd().EndsWith('?')), "ru", untranslated) { Parts = output, Ambiguous = ambiguous };
    }

    /// <summary>The English of the word (or phrase) at <paramref name="i"/>; returns how many tokens it took.</summary>
    private int TranslateAt(List<Token> tokens, int i, RussianEnglishDictionary dictionary, List<string> knownNames, List<string> output, List<string> untranslated, List<WordSenses> ambiguous)
    {
        var token = tokens[i];
        var lower = RussianStemmer.Normalise(token.Text);

        // 1. Fixed phrases and framing words.
        foreach (var (russian, english) in RussianFunctionWords.Phrases)
        {
            if (Matches(tokens, i, russian))
            {
                output.Add(english);
                return russian.Length;
            }
        }

        var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
        var previous = i > 0 ? tokens[i - 1] : null;
        if (next?.Kind == TokenKind.Number && RussianFunctionWords.BeforeNumber.TryGetValue(lower, out var beforeNumber))
        {
            output.Add(beforeNumber);
            return 1;
        }

        if (previous?.Kind == TokenKind.Number && RussianFunctionWords.YearWords.Contains(lower))
        {
            return 1;
        }

        if (RussianFunctionWords.Acronyms.TryGetValue(token.Text, out var acronym))
        {
            output.Add(acronym);
            return 1;
        }

        var capitalised = char.IsUpper(token.Text[0]);
        var properNoun = capitalised && !token.StartsSentence;
        if (!properNoun && RussianFunctionWords.Words.TryGetValue(lower, out var framing))
        {
            output.Add(framing);
            return 1;
        }

        var stem = _stemmer.Stem(lower);
        if (!properNoun && RussianFunctionWords.SayingStems.Contains(stem))
        {
            output.Add(RussianFunctionWords.Said);
            return 1;
        }

        // 2. Capitalised: a country or place, then a person. Lower case: a common word first (кита is a whale's, not
        // China's), then a place (российские).
        var nameLike = properNoun || (capitalised && SurnameShape().IsMatch(lower));
        int taken;
        if (capitalised && (taken = TranslatePlace(tokens, i, dictionary, output)) > 0)
        {
            return taken;
        }

        if (nameLike && _matcher.Find(token.Text, knownNames) is { } person)
        {
            output.Add(person.Word);
            return 1;
        }

        if (!nameLike)
        {
            if ((taken = TranslateCommonWord(tokens, i, lower, dictionary, output, ambiguous)) > 0
                || (!capitalised && (taken = TranslatePlace(tokens, i, dictionary, output)) > 0))
            {
                return taken;
            }

            if (_matcher.Find(token.Text, knownNames) is { } known)
            {
                output.Add(known.Word);
                return 1;
            }
        }

        // 5. Romanised, as the name's dictionary form where its ending says so.
        output.Add(CyrillicTransliterator.Transliterate(nameLike ? NominativeOfName(token.Text) : token.Text));
        untranslated.Add(token.Text);
        return 1;
    }

    // A country or place, longest phrase first; returns the tokens taken (0: none).
    private int TranslatePlace(List<Token> tokens, int i, RussianEnglishDictionary dictionary, List<string> output)
    {
        for (var n = Math.Min(dictionary.MaxPhraseWords, CyrillicRun(tokens, i)); n >= 1; n--)
        {
            if (dictionary.LookupName(Words(tokens, i, n), _stemmer) is { } place)
            {
                output.Add(place);
                return n;
            }
        }

        return 0;
    }

    // A common word or phrase of the dictionary, longest phrase first; returns the tokens taken (0: none).
    private int TranslateCommonWord(List<Token> tokens, int i, string lower, RussianEnglishDictionary dictionary, List<string> output, List<WordSenses> ambiguous)
    {
        for (var n = Math.Min(dictionary.MaxPhraseWords, CyrillicRun(tokens, i)); n >= 1; n--)
        {
            var words = Words(tokens, i, n);
            var stems = words.Select(_stemmer.Stem).ToList();
            if (dictionary.LookupEntry(words, stems) is var (english, senses))
            {
                // With one translation per word, the other senses are offered for the search to choose among.
                if (english.Length == 1 && senses.Length > 1)
                {
                    ambiguous.Add(new WordSenses(output.Count, senses));
                }

                output.Add(string.Join(' ', english));
                return n;
            }
        }

        // A hyphenated compound the dictionary lacks, part by part (пресс-секретаря -> press secretary).
        if (tokens[i].Text.Contains('-', StringComparison.Ordinal) && TranslateParts(tokens[i].Text, dictionary) is { } parts)
        {
            output.Add(parts);
            return 1;
        }

        // A perfective or derived verb the dictionary lists without its prefix (прокомментировала -> комментировать).
        foreach (var prefix in VerbPrefixes)
        {
            if (lower.Length - prefix.Length >= MinUnprefixedLength && lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                var bare = lower[prefix.Length..];
                if (dictionary.LookupWord([bare], [_stemmer.Stem(bare)]) is { } english)
                {
                    output.Add(string.Join(' ', english));
                    return 1;
                }
            }
        }

        return 0;
    }

    // Each part of a hyphenated word through the dictionary; null unless every part is found.
    private string? TranslateParts(string word, RussianEnglishDictionary dictionary)
    {
        var english = new List<string>();
        foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = RussianStemmer.Normalise(part);
            if (dictionary.LookupWord([lower], [_stemmer.Stem(lower)]) is not { } translated)
            {
                return null;
            }

            english.Add(translated[0]);
        }

        return english.Count > 0 ? string.Join(' ', english) : null;
    }

    /// <summary>
    /// The likely nominative of an inflected surname: Зеленского -> Зеленский, Лаврова -> Лавров, Байдена -> Байден.
    /// Words in other shapes are returned as written.
    /// </summary>
    internal static string NominativeOfName(string word)
    {
        var m = AdjectivalSurname().Match(word);
        if (m.Success)
        {
            return word[..m.Groups["ending"].Index] + (char.IsUpper(word[^1]) ? "ИЙ" : "ий");
        }

        m = InflectedSurname().Match(word);
        return m.Success ? word[..m.Groups["ending"].Index] : word;
    }

    private static bool Matches(List<Token> tokens, int i, string[] phrase)
    {
        if (i + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            var t = tokens[i + k];
            if (t.Kind != TokenKind.Cyrillic || RussianStemmer.Normalise(t.Text) != phrase[k])
            {
                return false;
            }
        }

        return true;
    }

    // Consecutive Cyrillic words from i (a mark or a number ends a phrase).
    private static int CyrillicRun(List<Token> tokens, int i)
    {
        var n = 0;
        while (i + n < tokens.Count && tokens[i + n].Kind == TokenKind.Cyrillic)
        {
            n++;
        }

        return n;
    }

    // The words of n tokens from i, lower case, hyphenated words split as the dictionary files them.
    private static List<string> Words(List<Token> tokens, int i, int n) =>
        tokens.Skip(i).Take(n).SelectMany(t => t.Text.Split('-', StringSplitOptions.RemoveEmptyEntries)).Select(RussianStemmer.Normalise).ToList();

    private IEnumerable<string> Safe(Func<IEnumerable<string>> names)
    {
        try
        {
            return names()?.ToList() ?? [];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogKnownNamesFailed(_logger, ex);
            return [];
        }
    }

    private (RussianEnglishDictionary, CountryNames) Load()
    {
        CountryNames countries;
        try
        {
            countries = CountryNames.Load(_options.CountryNames, _options.CountryNamesRussian);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or OverflowException)
        {
            LogCountriesUnreadable(_logger, _options.CountryNames, ex);
            countries = CountryNames.Empty;
        }

        try
        {
            var dictionary = RussianEnglishDictionary.Load(_options.RussianDictionary, countries, _stemmer, _options.TranslationsPerWord, _options.AlternativeMaxGlossRank, _options.AlternativeMinLengthShare, _options.SenseCandidates, _options.SenseMaxGlossRank, _options.CognatePrefix, _options.CognateMaxDistance);
            if (dictionary.Headwords == 0)
            {
                LogDictionaryMissing(_logger, _options.RussianDictionary);
            }
            else
            {
                LogDictionaryLoaded(_logger, dictionary.Count, dictionary.Headwords, (long)dictionary.LoadTime.TotalMilliseconds);
            }

            return (dictionary, countries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            LogDictionaryUnreadable(_logger, _options.RussianDictionary, ex);
            return (RussianEnglishDictionary.Load(null, countries, _stemmer, _options.TranslationsPerWord, _options.AlternativeMaxGlossRank, _options.AlternativeMinLengthShare, _options.SenseCandidates, _options.SenseMaxGlossRank, _options.CognatePrefix, _options.CognateMaxDistance), countries);
        }
    }

    private static List<Token> Tokenize(string query)
    {
        var tokens = new List<Token>();
        var sentenceStart = true;
        foreach (Match m in TokenPattern().Matches(query))
        {
            var text = m.Value;
            TokenKind kind;
            if (char.IsDigit(text[0]))
            {
                kind = TokenKind.Number;
            }
            else if (char.IsLetter(text[0]))
            {
                kind = CyrillicTransliterator.ContainsCyrillic(text) ? TokenKind.Cyrillic : TokenKind.Latin;
            }
            else
            {
                kind = TokenKind.Mark;
            }

            tokens.Add(new Token(text, kind, sentenceStart && kind != TokenKind.Mark));
            if (kind != TokenKind.Mark && !(kind == TokenKind.Latin && text.Length == 0))
            {
                sentenceStart = false;
            }

            if (kind == TokenKind.Mark && text is "." or "?" or "!" or ":" or "«" or "\"" or "“" or "„")
            {
                sentenceStart = true;
            }
        }

        return tokens;
    }

    [GeneratedRegex(@"[\p{L}\p{M}\d]*[\p{L}\p{M}][\p{L}\p{M}\d]*(?:[-'’][\p{L}\p{M}\d]+)*|\d+(?:[.,:/]\d+)*|[^\s\p{L}\p{M}\d]")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|ко|юк|ук|ич)(?:а|у|ым|ом|е|ой|ого|ому|им)?$")]
    private static partial Regex SurnameShape();

    [GeneratedRegex(@"(?:ск|цк)(?<ending>ого|ому|им|ом|ий|ая|ой|ую)$", RegexOptions.IgnoreCase)]
    private static partial Regex AdjectivalSurname();

    [GeneratedRegex(@"[бвгджзклмнпрстфхцчшщ](?<ending>а|у|ым|ом|ем|е)$", RegexOptions.IgnoreCase)]
    private static partial Regex InflectedSurname();

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Russian-English dictionary: {Keys} Russian keys from {Headwords} English articles, read in {Milliseconds} ms")]
    private static partial void LogDictionaryLoaded(ILogger logger, int keys, int headwords, long milliseconds);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Russian-English dictionary not found at {Path} (.index and .dict.dz; set ChatBot:Language:RussianDictionary, or install the Debian package mueller7-dict): Russian questions get names and framing words only")]
    private static partial void LogDictionaryMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Russian-English dictionary at {Path} could not be read: Russian questions get names and framing words only")]
    private static partial void LogDictionaryUnreadable(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Country names at {Path} could not be read")]
    private static partial void LogCountriesUnreadable(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "The list of known names could not be read; Cyrillic names are romanised only")]
    private static partial void LogKnownNamesFailed(ILogger logger, Exception exception);

    private enum TokenKind
    {
        Cyrillic,
        Latin,
        Number,
        Mark,
    }

    private sealed record Token(string Text, TokenKind Kind, bool StartsSentence);
}
