namespace ChatBot.Language;

/// <summary>Settings of the offline translation of non-English questions (configuration section <c>ChatBot:Language</c>).</summary>
public sealed class LanguageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChatBot:Language";

    /// <summary>
    /// The English-Russian dictionary in dictd format, as the path without extension of its <c>.index</c> and
    /// <c>.dict.dz</c> (or <c>.dict</c>) files. Default: Mueller's dictionary of the Debian package <c>mueller7-dict</c>.
    /// Read (and inverted to Russian-English) on the first Russian question; when missing, names are still transliterated.
    /// </summary>
    public string RussianDictionary { get; set; } = "/usr/share/dictd/mueller7";

    /// <summary>
    /// Country names: ISO 3166-1 in English (JSON of the Debian package <c>iso-codes</c>); with
    /// <see cref="CountryNamesRussian"/>, Russian country names translate to English ones. Optional.
    /// </summary>
    public string CountryNames { get; set; } = "/usr/share/iso-codes/json/iso_3166-1.json";

    /// <summary>The Russian translations of <see cref="CountryNames"/> (gettext catalogue of <c>iso-codes</c>). Optional.</summary>
    public string CountryNamesRussian { get; set; } = "/usr/share/locale/ru/LC_MESSAGES/iso_3166-1.mo";

    /// <summary>
    /// At most this many English words per Russian word (the first is the dictionary's main gloss). 1 by default: the
    /// alternatives a 1960s dictionary offers are often rare words (parley, animadvert) that blur the topic's embedding.
    /// </summary>
    public int TranslationsPerWord { get; set; } = 1;

    /// <summary>
    /// An alternative English word is kept only when the Russian word stands at most this many glosses from the
    /// start of that English word's entry (0 = only where it is the first gloss).
    /// </summary>
    public int AlternativeMaxGlossRank { get; set; } = 0;

    /// <summary>
    /// An alternative English word is kept only when its dictionary article is at least this share of the main word's
    /// (long articles belong to common words: "expansion" keeps "enlargement", "criticize" drops "animadvert").
    /// </summary>
    public double AlternativeMinLengthShare { get; set; } = 0.5;

    /// <summary>
    /// How many of a word's dictionary senses the search may choose among by how often the corpus uses each (переговоры:
    /// parley, negotiation, talk; the corpus says negotiation). 1: always the dictionary's first.
    /// </summary>
    public int SenseCandidates { get; set; } = 4;

    /// <summary>
    /// A sense other than the dictionary's first is offered only when the Russian word stands at most this many glosses
    /// from the start of that English word's entry (устаревший is the second gloss of "outdated": offered; запрет is far
    /// down "negative": not).
    /// </summary>
    public int SenseMaxGlossRank { get; set; } = 1;

    /// <summary>
    /// A Russian word's romanisation and an English word, reduced to how they sound, count as cognates (the English is
    /// chosen outright: формат is format, not size; дебаты is debate) when their first <see cref="CognatePrefix"/> letters
    /// agree and they differ in at most <see cref="CognateMaxDistance"/> of the longer's letters (парламент, parliament).
    /// </summary>
    public int CognatePrefix { get; set; } = 3;

    /// <summary>The most edits, as a share of the longer word, between cognates (see <see cref="CognatePrefix"/>); 0 turns cognates off.</summary>
    public double CognateMaxDistance { get; set; } = 0.25;

    /// <summary>
    /// Spelling tolerance of name matching: edits allowed between the romanised word and a known name's normalised
    /// spelling ("Bayden" ~ "Biden", "Zelenskiy" ~ "Zelensky").
    /// </summary>
    public int NameMaxEditDistance { get; set; } = 1;

    /// <summary>Normalised names shorter than this must match exactly (no spelling tolerance).</summary>
    public int NameMinLengthForEdits { get; set; } = 5;
}
