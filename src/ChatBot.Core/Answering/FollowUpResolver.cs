using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Retrieval;

namespace ChatBot.Answering;

/// <summary>
/// Makes an elliptical follow-up standalone without a language model: "And about Syria?" after a question on
/// Lavrov and North Korea becomes "What did Sergey Lavrov say about Syria?"; "And in 2014?" keeps the topic and
/// changes the year. A question that names its own speaker and topic is left as it is. Thread-safe.
/// </summary>
public static partial class FollowUpResolver
{
    [GeneratedRegex(@"^\s*(?:(?:and|also|so|then|but|ok(?:ay)?)\b|(?:what|how)\s+(?:about|else)\b|anything\s+(?:else|on|about)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex EllipticalOpeningRegex();

    /// <summary>The standalone question, and whether <paramref name="question"/> was taken as a follow-up.</summary>
    public static (string Question, bool IsFollowUp) Resolve(string question, IReadOnlyList<Answer>? history, QueryInterpretation analyzed)
    {
        var previous = history?.LastOrDefault(a => a.Topic is not null);
        if (previous is null) return (question, false);

        var topicTerms = ChatBot.Text.LexicalAnalyzer.Terms(analyzed.Topic);
        bool elliptical = EllipticalOpeningRegex().IsMatch(question) || topicTerms.Count <= 2;
        if (!elliptical || (analyzed.Speakers is not null && topicTerms.Count > 0)) return (question, false);

        var topic = topicTerms.Count > 0 ? analyzed.Topic : previous.Topic!;
        var speaker = analyzed.Speakers?.FirstOrDefault() ?? previous.Speakers?.FirstOrDefault();
        var when = DatePhrase(analyzed.From, analyzed.To);
        if (when is null && topicTerms.Count == 0 && analyzed.Speakers is null) return (question, false);

        var standalone = speaker is null ? $"What was said about {topic}{when}?" : $"What did {speaker} say about {topic}{when}?";
        return (standalone, true);
    }

    private static string? DatePhrase(DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null) return null;
        if (from is { } f && to is { } t)
        {
            if (f.Month == 1 && f.Day == 1 && t.Month == 12 && t.Day == 31)
                return f.Year == t.Year ? $" in {f.Year}" : $" between {f.Year} and {t.Year}";
            return f == t ? string.Create(CultureInfo.InvariantCulture, $" on {f:MMMM d, yyyy}") : string.Create(CultureInfo.InvariantCulture, $" between {f:MMMM d, yyyy} and {t:MMMM d, yyyy}");
        }

        return from is { } s ? $" since {s.Year}" : $" before {to!.Value.Year + 1}";
    }
}
