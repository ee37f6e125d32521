namespace ChatBot.Language;

/// <summary>
/// Turns a question written in another language into an English query the English pipeline can search
/// (speakers, dates and topic are then recognised from its words). Offline: no model, no network.
/// </summary>
public interface IQueryTranslator
{
    /// <summary>
    /// The English query, or null when the text is not in a language this translator handles
    /// (e.g. a Russian translator given a question with no Cyrillic letters). Never throws on odd input.
    /// </summary>
    TranslatedQuery? Translate(string query);
}
