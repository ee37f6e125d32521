using System.Globalization;
using System.Text;
using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Retrieval;
using ChatBot.Text;

namespace ChatBot.Answering;

/// <summary>
/// Builds the <see cref="Citation"/> of a quote, the one place where titles, places and links of the three source
/// formats become citations. The event is the document's title without what the other parts already say: the
/// speaker and post it names ("Foreign Minister Sergey Lavrov’s comments ..." gives "Comments ..."; "Press Briefing by
/// Press Secretary Jen Psaki, January 20, 2021" gives "Press Briefing") and a closing date equal to the document's. A
/// UN General Debate speech is cited as "UN General Assembly, 71st session, general debate", its post with the
/// country ("Minister for Foreign Affairs of Russia") and linked to the UN's page of the speech when there is one
/// (<see cref="CitationLinkKind.Reference"/>); a published transcript's own address always comes first. Nothing a
/// reader needs is dropped: an office taken out of the title becomes the post when the quote has none, and a title
/// that cannot be shortened safely is kept whole. Thread-safe.
/// </summary>
public static class CitationBuilder
{
    /// <summary>The name of a link to the published transcript.</summary>
    public const string SourceLinkTitle = "Transcript";

    /// <summary>The name of a link to the UN's page of a General Debate statement.</summary>
    public const string UnPageLinkTitle = "UN General Debate page";

    /// <summary>Most words an office before a name can have ("Deputy Commandant for Operations for the U.S. Coast Guard Vice Admiral").</summary>
    private const int MaxOfficeWords = 16;

    /// <summary>Small words an office may hold between its capitalised words ("Secretary of Energy", "Senior Advisor to the President").</summary>
    private static readonly HashSet<string> s_officeConnectors = new(StringComparer.Ordinal) { "of", "for", "the", "to" };

    /// <summary>Articles before a name or a role ("by a Senior Administration Official").</summary>
    private static readonly HashSet<string> s_articles = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the" };

    /// <summary>Honorifics that parsers sometimes leave at the end of an office ("Response Coordinator Dr.").</summary>
    private static readonly HashSet<string> s_honorifics = new(StringComparer.OrdinalIgnoreCase) { "Dr.", "Mr.", "Mrs.", "Ms.", "Dr", "Mr", "Mrs", "Ms" };

    /// <summary>Most words after a place named in the event that can still belong to that place (", FL", ", Saudi Arabia").</summary>
    private const int MaxPlaceTailWords = 3;

    /// <summary>Words that put a person's name into a title ("Remarks by", "Interview with").</summary>
    private static readonly HashSet<string> s_prepositions = new(StringComparer.OrdinalIgnoreCase) { "by", "with", "of", "from" };

    /// <summary>The citation of a quote: its speaker and post and its document's event, place, date and link.</summary>
    public static Citation For(QuoteResult quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return For(quote.Document, quote.Speaker, quote.Post);
    }

    /// <summary>The citation of words <paramref name="speaker"/> (holding <paramref name="post"/>, when known) said in <paramref name="document"/>.</summary>
    public static Citation For(DocumentInfo document, string speaker, string? post)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(speaker);
        speaker = speaker.Trim();
        post = CleanOffice(post);
        var title = Clean(document.Title);
        string eventName;
        string? reference = null;
        if (document.Format == UnGeneralDebateParser.FormatName
            && UnGeneralDebateParser.TryReadFileName(Path.GetFileName(document.Source), out var country, out int session, out _))
        {
            eventName = $"UN General Assembly, {UnGeneralDebateTitle.Ordinal(session)} session, general debate";
            if (UnGeneralDebateTitle.Country(title, speaker, post) is { Length: > 0 } name && post?.Contains(name, StringComparison.OrdinalIgnoreCase) != true)
                post = post is null ? name : $"{post} of {name}";
            reference = UnGeneralDebatePages.Url(country, session);
        }
        else
        {
            (eventName, var office) = ShortEvent(title, speaker, document.Date);
            office = CleanOffice(office);
            // The title's office is the fuller one when it ends with the quote's ("Deputy National Security Advisor for
            // International Economics and Deputy NEC Director" for "Deputy NEC Director").
            if (post is null || (office is not null && office.EndsWith(post, StringComparison.OrdinalIgnoreCase))) post = office ?? post;
        }

        var link = SafeUrl(document.Url);
        (eventName, var place) = SplitPlace(eventName, document.Place);
        return new Citation
        {
            Speaker = speaker,
            Post = post,
            Event = eventName,
            Place = place,
            Date = document.Date,
            Year = document.Year ?? document.Date?.Year,
            Link = link ?? reference,
            LinkKind = link is not null ? CitationLinkKind.Source : reference is not null ? CitationLinkKind.Reference : null,
            LinkTitle = link is not null ? SourceLinkTitle : reference is not null ? UnPageLinkTitle : null,
        };
    }

    /// <summary>
    /// The title without the speaker's mention (office and name) and without a closing date equal to
    /// <paramref name="date"/>; with the office the mention held, when there was one.
    /// </summary>
    internal static (string Event, string? Office) ShortEvent(string title, string speaker, DateOnly? date)
    {
        var t = WithoutClosingDate(title, date);
        var (at, end) = FindName(t, speaker);
        if (at < 0) return (t, null);
        bool possessive = t.AsSpan(end).StartsWith("’s", StringComparison.Ordinal) || t.AsSpan(end).StartsWith("'s", StringComparison.Ordinal);
        if (possessive) end += 2;
        int officeStart = OfficeStart(t, at);
        if (officeStart == at) officeStart = SkipArticleBefore(t, at);
        string? office = officeStart < at && char.IsUpper(t[officeStart]) ? t[officeStart..at].Trim() : null;

        // An office reaching the title's first word through "of" may hold the title's own start ("Transcript of
        // Foreign Minister ..."): no safe cut.
        if (officeStart == 0 && office is not null && office.Split(' ').Any(s_officeConnectors.Contains)) return (t, null);
        var before = t[..officeStart].TrimEnd();
        var after = t[end..];

        // "Foreign Minister Sergey Lavrov’s comments and answers ..." gives "Comments and answers ...".
        if (before.Length == 0)
            return possessive && after.Trim().Length > 0 ? (Capitalize(after.Trim()), office) : (t, null);
        if (possessive) return (t, null);

        // The speaker after others in a list: "by A, B, and [speaker]" or "by A, [speaker], and C".
        if (EndsWithComma(before) || EndsWithWord(before, "and"))
        {
            var head = EndsWithComma(before) ? WithoutComma(before) : WithoutComma(before[..^3].TrimEnd());
            var rest = after;
            if (rest.StartsWith(", and ", StringComparison.Ordinal)) rest = " and " + rest[6..];
            return JoinList(head, rest) is { } listed ? (listed, office) : (t, null);
        }

        int space = before.LastIndexOf(' ');
        var preposition = before[(space + 1)..];
        if (!s_prepositions.Contains(preposition)) return (t, null);
        var lead = space < 0 ? "" : before[..space];

        // The speaker first in a list: "by [speaker], B, and C" or "by [speaker] and B".
        if (StartsList(after))
        {
            var rest = after.StartsWith(" and ", StringComparison.Ordinal) ? after[5..] : after.StartsWith(", and ", StringComparison.Ordinal) ? after[6..] : after[2..];
            var others = rest.Split(", ").Length == 2 && rest.Contains(", and ", StringComparison.Ordinal) ? rest.Replace(", and ", " and ", StringComparison.Ordinal) : rest;
            return ($"{lead} {With(preposition)} {others}".Trim(), office);
        }

        // The speaker alone: "Press Gaggle by Press Secretary Jen Psaki Aboard Air Force One" gives "Press Gaggle Aboard Air Force One".
        var shortened = (lead + after).Trim();
        return shortened.Length == 0 ? (t, null) : (Capitalize(shortened), office);
    }

    /// <summary>
    /// "Press Briefing by A, B" + rest, once the speaker was taken out of the list's end or middle: the list's last
    /// two names joined by "and" and "by" turned into "with" (the briefing was by them all). Null when no list was found.
    /// </summary>
    private static string? JoinList(string head, string rest)
    {
        int by = ListStart(head, head.Length);
        if (by < 0) return null;
        int word = by + 1;
        int wordEnd = head.IndexOf(' ', word);
        var preposition = head[word..wordEnd];
        var list = head[(wordEnd + 1)..];
        bool continues = rest.StartsWith(" and ", StringComparison.Ordinal) || (rest.StartsWith(", ", StringComparison.Ordinal) && StartsWithCapital(rest[2..]));
        if (!continues)
        {
            // The speaker was last: the new last name gets the "and" ("A, B" gives "A and B").
            int comma = list.LastIndexOf(", ", StringComparison.Ordinal);
            if (comma >= 0) list = list[..comma] + " and " + list[(comma + 2)..];
        }

        return $"{head[..by]} {With(preposition)} {list}{rest}".Trim();
    }

    /// <summary>Where the list of people before <paramref name="end"/> starts: the last " by " or " with " before it, or -1.</summary>
    private static int ListStart(string title, int end)
    {
        var head = title.AsSpan(0, end);
        return Math.Max(head.LastIndexOf(" by ", StringComparison.OrdinalIgnoreCase), head.LastIndexOf(" with ", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the words after a name go on listing names (", B, and C", " and B").</summary>
    private static bool StartsList(string after) =>
        (after.StartsWith(" and ", StringComparison.Ordinal) && StartsWithCapital(after[5..]))
        || (after.StartsWith(", and ", StringComparison.Ordinal) && StartsWithCapital(after[6..]))
        || (after.StartsWith(", ", StringComparison.Ordinal) && StartsWithName(after[2..])
            && (after.Contains(" and ", StringComparison.Ordinal) || after.Contains(", and ", StringComparison.Ordinal)));

    /// <summary>"by" becomes "with" once the speaker is out of the list; other prepositions stay.</summary>
    private static string With(string preposition) => preposition.Equals("by", StringComparison.OrdinalIgnoreCase) ? "with" : preposition;

    /// <summary>
    /// Where the office before the name at <paramref name="at"/> starts: the capitalised words right before it, with
    /// "of", "for", "to" or "the" between them ("Secretary of Energy"), up to a comma, a preposition, a lower-case word
    /// or an "and" that joins two people. An "and" joins two offices of one person when the list of people uses commas
    /// ("by A, Co-Chair of X and Chief of Staff Y, and C") or when an earlier "and" of the list already separated two
    /// people ("by A and Coordinator and Senior Advisor B"). <paramref name="at"/> itself when no office stands there.
    /// </summary>
    private static int OfficeStart(string title, int at)
    {
        bool commaList = title.AsSpan(0, at).Contains(", ", StringComparison.Ordinal);
        int start = at;
        int pos = at;
        for (int words = 0; words < MaxOfficeWords; words++)
        {
            var (wordStart, word) = WordBefore(title, pos);
            if (word is null || EndsWithComma(word)) break;
            if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                // With commas, people are listed "A, B, and C", so a bare "and" is inside an office; without, the
                // first "and" of the list separates the two people ("by A and Coordinator and Senior Advisor B").
                var (_, previous) = WordBefore(title, wordStart);
                int list = ListStart(title, wordStart);
                bool joinsOffices = previous is not null && !EndsWithComma(previous)
                    && (commaList || (list >= 0 && title.AsSpan(list, wordStart - list).Contains(" and ", StringComparison.OrdinalIgnoreCase)));
                if (!joinsOffices) break;
            }
            else if (char.IsUpper(word[0]) && !s_prepositions.Contains(word))
            {
                start = wordStart;
            }
            else if (!s_officeConnectors.Contains(word))
            {
                break;
            }

            pos = wordStart;
        }

        return start;
    }

    /// <summary>The word ending right before <paramref name="pos"/> (spaces skipped) and where it starts; null at the start.</summary>
    private static (int Start, string? Word) WordBefore(string title, int pos)
    {
        int end = pos;
        while (end > 0 && title[end - 1] == ' ') end--;
        if (end == 0) return (0, null);
        int start = title.LastIndexOf(' ', end - 1) + 1;
        return (start, title[start..end]);
    }

    /// <summary>Where a name at <paramref name="at"/> starts with the article before it ("a Senior Administration Official").</summary>
    private static int SkipArticleBefore(string title, int at)
    {
        var (start, word) = WordBefore(title, at);
        return word is not null && s_articles.Contains(word) ? start : at;
    }

    /// <summary>
    /// Where <paramref name="name"/> stands in <paramref name="title"/> as whole words, and where it ends; a role may
    /// stand in the plural ("Senior Administration Officials" for "Senior Administration Official"). (-1, -1) when absent.
    /// </summary>
    private static (int Start, int End) FindName(string title, string name)
    {
        for (int i = title.IndexOf(name, StringComparison.Ordinal); i >= 0; i = title.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            if (i > 0 && char.IsLetterOrDigit(title[i - 1])) continue;
            int end = i + name.Length;
            if (end < title.Length && title[end] == 's' && (end + 1 == title.Length || !char.IsLetterOrDigit(title[end + 1]))) end++;
            if (end == title.Length || !char.IsLetterOrDigit(title[end]) || title.AsSpan(end).StartsWith("’s", StringComparison.Ordinal)) return (i, end);
        }

        return (-1, -1);
    }

    /// <summary>The title without a date closing it when that date is the document's ("..., January 20, 2021").</summary>
    private static string WithoutClosingDate(string title, DateOnly? date)
    {
        if (date is not { } day || DateText.FindLast(title) is not { } found || found.Date != day) return title;
        if (title.AsSpan(found.Index + found.Length).TrimEnd(" .").Length > 0) return title;
        var head = title[..found.Index].TrimEnd().TrimEnd(',', ';', '|', '—', '-').TrimEnd();
        return head.Length > 0 ? head : title;
    }

    /// <summary>
    /// The event and the place without saying a place twice. A part of the place the event names at its start is left
    /// out of the place ("UN General Assembly, New York" for "UN General Assembly, 71st session, general debate" gives
    /// "New York"); a part the event names at its end is cut from the event instead, since the place says it more fully
    /// ("Press Gaggle Aboard Air Force One En Route Chester, PA" with "Aboard Air Force One En Route Chester,
    /// Pennsylvania" gives "Press Gaggle"). The end of a part counts too ("En Route Tallahassee" of "Aboard Air Force
    /// One En Route Tallahassee").
    /// </summary>
    private static (string Event, string? Place) SplitPlace(string eventName, string? place)
    {
        if (string.IsNullOrWhiteSpace(place)) return (eventName, null);
        var parts = Clean(MarkupText.StripEmphasis(place)).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var part in parts.ToList())
        {
            if (eventName.Contains(part, StringComparison.OrdinalIgnoreCase) && !EndsNamingPlace(eventName, part, out _))
            {
                parts.Remove(part);
                continue;
            }

            var words = part.Split(' ');
            for (int n = words.Length; n >= 2; n--)
            {
                var tail = string.Join(' ', words[^n..]);
                if (EndsNamingPlace(eventName, tail, out int cut))
                {
                    eventName = eventName[..cut].TrimEnd(' ', ',');
                    break;
                }
            }
        }

        return (eventName, parts.Count == 0 ? null : string.Join(", ", parts));
    }

    /// <summary>
    /// Whether <paramref name="eventName"/> names <paramref name="phrase"/> after some words of its own and before at
    /// most a short tail (", FL"); <paramref name="cut"/> is where the phrase starts.
    /// </summary>
    private static bool EndsNamingPlace(string eventName, string phrase, out int cut)
    {
        cut = eventName.LastIndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        if (cut <= 0 || char.IsLetterOrDigit(eventName[cut - 1])) return false;
        var tail = eventName[(cut + phrase.Length)..];
        if (tail.Length == 0) return eventName[..cut].Trim().Length > 0;
        return tail.StartsWith(", ", StringComparison.Ordinal) && tail[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxPlaceTailWords
            && eventName[..cut].Trim().Length > 0;
    }

    /// <summary>An absolute http(s) address, or null.</summary>
    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>White space collapsed; invisible format characters and object replacement marks left by web pages removed.</summary>
    private static string Clean(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (char c in title)
        {
            if (c == '\uFFFC' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            sb.Append(c);
        }

        return Whitespace.Collapse(sb.ToString());
    }

    /// <summary>
    /// An office as a reader should see it: format characters removed, an honorific left at its end dropped; null when
    /// empty or when it ends with a preposition (a piece of a title, not an office: "Background Press Call By").
    /// </summary>
    private static string? CleanOffice(string? office)
    {
        if (string.IsNullOrWhiteSpace(office)) return null;
        var words = Clean(office).Split(' ').ToList();
        while (words.Count > 0 && s_honorifics.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        if (words.Count == 0 || s_prepositions.Contains(words[^1]) || s_articles.Contains(words[^1])) return null;
        return string.Join(' ', words);
    }

    /// <summary>Whether the text ends with a comma, inside closing quotes or not ("Lasso,”").</summary>
    private static bool EndsWithComma(string text) => text.TrimEnd('”', '"', '’', '\'').EndsWith(',');

    /// <summary>The text without its closing comma, closing quotes kept ("Lasso,”" gives "Lasso”").</summary>
    private static string WithoutComma(string text)
    {
        int quotes = text.Length - text.TrimEnd('”', '"', '’', '\'').Length;
        var body = text[..^quotes];
        return (body.EndsWith(',') ? body[..^1] : body) + text[^quotes..];
    }

    private static bool EndsWithWord(string text, string word) =>
        text.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase);

    private static bool StartsWithCapital(string text) => text.Length > 0 && char.IsUpper(text[0]);

    /// <summary>Whether the text starts with a capitalised word, or an article and one ("the Cast of ...").</summary>
    private static bool StartsWithName(string text)
    {
        int space = text.IndexOf(' ');
        return StartsWithCapital(text) || (space > 0 && s_articles.Contains(text[..space]) && StartsWithCapital(text[(space + 1)..]));
    }

    private static string Capitalize(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
