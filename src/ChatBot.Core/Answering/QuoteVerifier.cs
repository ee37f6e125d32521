using System.Text;
using System.Text.RegularExpressions;

namespace ChatBot.Answering;

/// <summary>
/// Checks a generated answer against the passages it was given: every quoted span must appear verbatim in the
/// passage it cites (comparing with white space and quote marks normalised, nothing else), and every citation
/// must name a passage that exists. Thread-safe.
/// </summary>
public static partial class QuoteVerifier
{
    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex CitationRegex();

    // Text between matching quote marks: “…”, "…", «…». Single quotes are left alone (apostrophes).
    [GeneratedRegex(@"“(?<q>[^“”]{3,}?)”|""(?<q>[^""]{3,}?)""|«(?<q>[^«»]{3,}?)»")]
    private static partial Regex QuotedRegex();

    /// <summary>The outcome of a check.</summary>
    /// <param name="Text">The answer with citations of missing passages removed.</param>
    /// <param name="FabricatedQuotes">Quoted spans found in no cited passage.</param>
    /// <param name="DroppedCitations">Citation numbers that named no passage.</param>
    /// <param name="ValidCitations">Distinct citation numbers that name a passage.</param>
    public sealed record Result(string Text, IReadOnlyList<string> FabricatedQuotes, IReadOnlyList<int> DroppedCitations, IReadOnlyList<int> ValidCitations);

    /// <summary>Checks <paramref name="answer"/> against <paramref name="passages"/> (cited as [1] to [n]).</summary>
    public static Result Verify(string answer, IReadOnlyList<string> passages)
    {
        var dropped = new List<int>();
        var text = CitationRegex().Replace(answer, m =>
        {
            int n = int.Parse(m.Groups[1].Value);
            if (n >= 1 && n <= passages.Count) return m.Value;
            dropped.Add(n);
            return "";
        });
        text = Regex.Replace(text, @"[ \t]+([.,;:!?])", "$1");

        var normalizedPassages = passages.Select(Normalize).ToList();
        var fabricated = new List<string>();
        foreach (Match m in QuotedRegex().Matches(text))
        {
            var quote = m.Groups["q"].Value;
            var cited = CitationsNear(text, m.Index + m.Length);
            var candidates = cited.Count > 0 ? cited.Select(n => normalizedPassages[n - 1]) : normalizedPassages;
            var needle = Normalize(quote).Trim(' ', '.', ',', ';', ':');
            if (needle.Length == 0) continue;
            if (!candidates.Any(p => p.Contains(needle, StringComparison.Ordinal))) fabricated.Add(quote);
        }

        var valid = CitationRegex().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).Distinct().Order().ToList();
        return new Result(text, fabricated, dropped, valid);
    }

    /// <summary>White space collapsed to single spaces; curly and angle quote marks made straight.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space) { sb.Append(' '); space = false; }
            sb.Append(c switch
            {
                '“' or '”' or '„' or '‟' or '«' or '»' or '″' => '"',
                '‘' or '’' or '‚' or '‛' or '′' => '\'',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>Citation numbers right after a quote: within the rest of its sentence, up to 120 characters.</summary>
    private static List<int> CitationsNear(string text, int from)
    {
        int end = Math.Min(text.Length, from + 120);
        int stop = text.IndexOfAny(['\n'], from, end - from);
        if (stop > 0) end = stop;
        return CitationRegex().Matches(text[from..end]).Select(m => int.Parse(m.Groups[1].Value)).ToList();
    }
}
