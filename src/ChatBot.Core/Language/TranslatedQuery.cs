namespace ChatBot.Language;

/// <summary>A question translated word by word into English.</summary>
/// <param name="English">The English query: framing words ("what", "said", "about", "according to"), content words,
/// names in Latin letters, numbers and Latin words as written. Word order follows the question.</param>
/// <param name="Language">The question's language as an ISO 639-1 code ("ru").</param>
/// <param name="UntranslatedWords">Words of the question that neither the dictionary nor a known name resolved, as written;
/// they appear transliterated in <paramref name="English"/>. Empty when every word was translated.</param>
public sealed record TranslatedQuery(string English, string Language, IReadOnlyList<string> UntranslatedWords);
