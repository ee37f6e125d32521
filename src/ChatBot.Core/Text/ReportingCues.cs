using System.Text.RegularExpressions;

namespace ChatBot.Text;

/// <summary>
/// The words that show speech is someone else's (reporting verbs, "quote … end quote", "in the words of",
/// "according to") and the words that show quoted words are a name or a term instead ("theme", "entitled", "so-called").
/// </summary>
internal static partial class ReportingCues
{
    private const string Verbs =
        "said|says|say|saying|stated|states|told|tells|declared|declares|wrote|writes|asked|asks|added|adds|noted|notes|remarked|"
        + "warned|warns|stressed|stresses|insisted|insists|promised|promises|vowed|indicated|announced|proclaimed|tweeted|posted|"
        + "replied|answered|responded|shouted|shout|cried|exclaimed|recalled|observed|argued|claimed|affirmed|reaffirmed|"
        + "emphasi[sz]ed|underlined|urged|concluded|admitted|acknowledged|explained|reiterated|pointed\\s+out|puts?\\s+it|reads|"
        + "called\\s+for|calls\\s+for|described\\s+(?:it\\s+|this\\s+|them\\s+)?as";

    /// <summary>
    /// Cues before an opening quotation mark. Groups: <c>verb</c> (the speaker is its subject), <c>forward</c> (the
    /// speaker follows: "quoting X", "in the words of X"), <c>calls</c> ("what it calls": the subject's term),
    /// <c>words</c> ("his words", "Putin’s statement"), and
    /// <c>title</c> (the quoted words are a name: "the theme", "entitled"), and <c>term</c> ("the term", "the phrase":
    /// a term unless a relay cue came first, as in "to quote Sadat’s phrase").
    /// </summary>
    [GeneratedRegex(
        @"\b(?:(?<verb>" + Verbs + @")|(?<calls>what\s+(?!is\b|was\b|’s\b|'s\b)(?:\S+\s+){1,4}?call(?:s|ed))|(?<forward>(?:[Tt]o\s+)?[Qq]uote|[Qq]uoting|(?:[Ii]n\s+)?the\s+words\s+of)|(?<words>words|remarks|statement|message|appeal|plea|warning|pledge|promise)|"
        + @"(?<title>(?i:themes?|entitled|titled|title|called|named|known\s+as|mottos?|slogans?|so-called|dubbed|labell?ed|termed|coined|resolution|initiative|programme|program|campaign|operation|hashtag|headline|brand(?:ed)?|rubric|heading|category|doctrine))|"
        + @"(?<term>(?i:terms?|word|phrase|expression|concept|notion|principle|formula|label)))\b",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex Before();

    /// <summary>An attribution right after a closing quotation mark: "…,” he said" or "…,” said the minister".</summary>
    [GeneratedRegex(
        @"\G[\s,]*(?:(?<subject>[^\s,.;:!?“”""«»]+(?:\s+[^\s,.;:!?“”""«»]+){0,5}?)\s+(?<verb>said|says|added|adds|noted|asked|asks|wrote|writes|replied|declared|stated|insisted|warned|continued|explained|told\s+\p{L}+|(?:likes|used)\s+to\s+say|puts?\s+it)|(?<verb2>said|says|added|asked|wrote|replied|declared|stated|explained)\s+(?<subject2>[^,.;:!?“”""«»]{1,60}?))\s*[,.;:!?]",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex After();

    /// <summary>A spoken "quote" that opens a quotation read out (not "quoted", "to quote X", "end quote" or "quote-unquote").</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\-])(?<!\b(?:end|close|to|of|the|a)\s)(?:and\s+I\s+)?quote(?![\p{L}\-])[\s,:.]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex QuoteOpens();

    /// <summary>The spoken end of a quotation read out.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\-])(?:end(?:\s+of)?\s+(?:the\s+)?quote|close\s+quote|unquote)(?![\p{L}\-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex QuoteCloses();

    /// <summary>
    /// A reporting verb with its clause: "X said (on Monday) that …", "X told us that …", "X said: …", or "X said he …"
    /// (a clause opened by a pronoun or an article). Group <c>verb</c> is the verb; the match ends where the clause starts.
    /// </summary>
    [GeneratedRegex(
        @"\b(?<verb>said|says|say|stated|states|told|tells|declared|declares|announced|announces|claimed|claims|asserted|asserts|argued|argues|wrote|writes|noted|stressed|stresses|emphasi[sz]ed|warned|warns|insisted|insists|promised|promises|vowed|admitted|acknowledged|affirmed|reaffirmed|assured|reminded|explained|added|indicated|pointed\s+out|made\s+(?:it\s+)?clear|mentioned|complained|suggested|confirmed|replied|answered|responded|informed|reported)\b"
        + @"(?:(?:[^\S\n]*,?\s+(?:in|at|on|during|yesterday|today|tonight|last|this|earlier|recently|publicly|again|repeatedly|clearly|explicitly|once|then|also|before|after|to|us|me|him|her|them|reporters|journalists|the|a|an|his|their|our|my|from|over|back|just|very|firmly|directly|openly|bluntly|plainly|privately|emphatically)\b(?:[^\S\n]*,?\s+[^\s.;:!?“”""]+){0,7}?)?\s+that\b|[^\S\n]*:|(?<=\b(?:said|says))\s+(?=(?:he|she|they|it|there|the|this|his|her|their|its|we|you|I)\b))",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex ReportingVerb();

    /// <summary>"we were told (directly) that …": someone unnamed told the subject; the clause is theirs.</summary>
    [GeneratedRegex(@"\b(?:was|were|been|being)\s+(?:\p{Ll}+ly\s+)?told\s+(?:\p{Ll}+ly\s+)?that\b", RegexOptions.CultureInvariant)]
    public static partial Regex PassiveTold();

    /// <summary>"as X said," / "as X put it:" — the clause after the comma is X's.</summary>
    [GeneratedRegex(
        @"\b[Aa]s\s+(?!(?:well|soon|far|long|much|many|a\s+result|it\s+is|it\s+was|I|we)\b)(?<subject>[^,.;:!?“”""]{1,80}?)\s+(?<verb>(?:(?:has|had|have)\s+)?(?:\p{Ll}+ly\s+)?(?:said|says|put\s+it|puts\s+it|noted|notes|stated|pointed\s+out|stressed|emphasi[sz]ed|mentioned|observed|remarked|told\s+(?:us|me|the\s+\p{L}+)|wrote|writes|declared|warned|reminded\s+us|indicated|likes\s+to\s+say|used\s+to\s+say))\b(?<tail>[^,.;:!?“”""]{0,60})[,:]\s*",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex AsSubjectSaid();

    /// <summary>A sentence ending "…, as X put it." — the words before the comma are X's.</summary>
    [GeneratedRegex(
        @",\s+as\s+(?<subject>[^,.;:!?“”""]{1,80}?)\s+(?<verb>(?:(?:has|had|have)\s+)?(?:\p{Ll}+ly\s+)?(?:said|says|put\s+it|puts\s+it|noted|stated|pointed\s+out|stressed|emphasi[sz]ed|mentioned|observed|remarked|wrote|writes|declared|warned|indicated|likes\s+to\s+say|used\s+to\s+say))\b[^,;:!?“”""()]{0,40}(?:\([^)]*\))?\s*[.!;]?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex AsSubjectSaidAtEnd();

    /// <summary>"in the words of X," — the words after the comma are X's.</summary>
    [GeneratedRegex(@"\b[Ii]n\s+the\s+words\s+of\s+", RegexOptions.CultureInvariant)]
    public static partial Regex InTheWordsOf();

    /// <summary>"according to X" — the rest of the sentence (or the clause before it) is X's account.</summary>
    [GeneratedRegex(@"\b[Aa]ccording\s+to\s+", RegexOptions.CultureInvariant)]
    public static partial Regex AccordingTo();

    /// <summary>Where a reported clause gives way to the speaker's own words again.</summary>
    [GeneratedRegex(@";|,\s+(?:but|however|whereas|while|and\s+(?:I|we|he|she|they|it|you)|(?:I|we)\s+(?:think|believe))\b|\s[—–]\s+(?:but|and\s+(?:I|we))\b", RegexOptions.CultureInvariant)]
    public static partial Regex ClauseBreak();

    /// <summary>The matches of <paramref name="regex"/> in [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>), which it sees as the whole input.</summary>
    public static IEnumerable<Match> MatchesIn(Regex regex, string text, int start, int length)
    {
        int end = start + length;
        for (var match = regex.Match(text, start, length); match.Success; )
        {
            yield return match;
            int next = match.Index + Math.Max(1, match.Length);
            if (next >= end) yield break;
            match = regex.Match(text, next, end - next);
        }
    }
}
