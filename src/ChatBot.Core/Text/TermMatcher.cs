namespace ChatBot.Text;

/// <summary>
/// Whether a passage is about a topic by its words: the share of the topic's terms it contains, compared on
/// light stems ("sanctions" meets "sanction", "negotiating" meets "negotiations"). Thread-safe.
/// </summary>
public static class TermMatcher
{
    /// <summary>Share (0 to 1) of the topic's distinct terms found in the text.</summary>
    public static double Coverage(IReadOnlyCollection<string> topicStems, string text) => Coverage(topicStems, Stemmer.Stems(text));

    /// <summary>Share (0 to 1) of the topic's distinct terms among a text's stems (<see cref="Stemmer.Stems"/>).</summary>
    public static double Coverage(IReadOnlyCollection<string> topicStems, IReadOnlySet<string> textStems) =>
        topicStems.Count == 0 ? 0 : topicStems.Count(textStems.Contains) / (double)topicStems.Count;

    /// <summary>
    /// The coverage a passage needs: every term of a one- or two-term topic, two of three, half of a longer one.
    /// </summary>
    public static double Required(int terms) => terms switch
    {
        <= 2 => 1.0,
        3 => 2.0 / 3,
        _ => 0.5,
    };
}
