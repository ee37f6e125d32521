namespace ChatBot.Language;

/// <summary>A question translated word by word into English.</summary>
/// <param name="English">The English query: framing words ("what", "said", "about", "according to"), content words,
/// names in Latin letters, numbers and Latin words as written. Word order follows the question.</param>
/// <param name="Language">The question's language as an ISO 639-1 code ("ru").</param>
/// <param name="UntranslatedWords">Words of the question that neither the dictionary nor a known name resolved, as written;
/// they appear transliterated in <paramref name="English"/>. Empty when every word was translated.</param>
public sealed record TranslatedQuery(string English, string Language, IReadOnlyList<string> UntranslatedWords)
{
    /// <summary>The English part by part (a framing word, a content word or phrase, a name), in order.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];

    /// <summary>Parts the dictionary gives several senses for: which part, and the senses, the dictionary's best first (the one in <see cref="English"/>).</summary>
    public IReadOnlyList<WordSenses> Ambiguous { get; init; } = [];

    /// <summary>The translation with <paramref name="chosen"/> senses (one per <see cref="Ambiguous"/> word, in its order) in place of the dictionary's first.</summary>
    public TranslatedQuery WithSenses(IReadOnlyList<string> chosen)
    {
        if (chosen.Count != Ambiguous.Count) throw new ArgumentException($"{Ambiguous.Count} senses expected, {chosen.Count} given.", nameof(chosen));
        var parts = Parts.ToArray();
        for (var i = 0; i < chosen.Count; i++) parts[Ambiguous[i].Part] = chosen[i];
        return this with { English = Compose(parts, English.EndsWith('?')), Parts = parts };
    }

    /// <summary>The English of <paramref name="parts"/>: the non-empty ones joined by spaces, a question mark after a question.</summary>
    public static string Compose(IEnumerable<string> parts, bool question) => string.Join(' ', parts.Where(p => p.Length > 0)) + (question ? "?" : "");
}

/// <summary>A word of a translated question with several English senses.</summary>
/// <param name="Part">Its index among <see cref="TranslatedQuery.Parts"/>.</param>
/// <param name="Senses">The senses, the dictionary's best first.</param>
public sealed record WordSenses(int Part, IReadOnlyList<string> Senses);
