using System.Text.RegularExpressions;
using ChatBot.Text;

namespace ChatBot.Retrieval;

/// <summary>
/// Reads a question the way a person means it: a speaker named in it ("What did Lavrov say...") and dates
/// ("in 2014", "since 2016", "in November 2017", "between 2012 and 2014") become filters, and the framing
/// ("What did ... say about", "according to", "his position on") is removed, so passages are matched on the
/// topic alone. Thread-safe.
/// </summary>
public static partial class QueryAnalyzer
{
    private const string Year = @"(?:19[4-9]\d|20\d\d)";
    private const string MonthName = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex(@"\b(?:between|from)\s+(?<a>" + Year + @")\s+(?:and|to|until|till|-|–)\s+(?<b>" + Year + @")\b|\b(?<a>" + Year + @")\s*[-–]\s*(?<b>" + Year + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearRangeRegex();

    [GeneratedRegex(@"\b(?<op>since|after|before|until|till|prior\s+to)\s+(?:the\s+year\s+)?(?<y>" + Year + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpenRangeRegex();

    [GeneratedRegex(@"\b(?:in\s+|during\s+|of\s+)?(?<m>" + MonthName + @")\s+(?<y>" + Year + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYearRegex();

    [GeneratedRegex(@"(?<![\d/.-])\b(?:(?:in|during|of|from)\s+)?(?:the\s+year\s+)?(?<y>" + Year + @")\b(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"\bon\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingOnRegex();

    [GeneratedRegex(@"\bthe\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingTheRegex();

    // Occasions a statement is made at: "the 2014 speech", "the 2017 APEC meeting", "the 2022 General Assembly".
    [GeneratedRegex(@"^[\s,]*(?:[\w-]+\s+){0,2}?(?:speech|speeches|address|statement|remarks|interview|press|briefing|session|debate|general\s+assembly|UN|UNGA|United\s+Nations|meeting|ministerial|summit|conference|forum|visit|trip)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OccasionAfterRegex();

    // Framing: verbs of saying and opinion nouns with their prepositions, and set phrases. Matched words are not topic.
    [GeneratedRegex(
        @"\b(?:say|says|said|saying|think|thinks|thought|believe|believes|believed|feel|feels|felt|mean|means|meant|claim|claims|claimed|tell|tells|told|state|states|stated|argue|argues|argued)\b" +
        @"|\b(?:talk(?:s|ed|ing)?|speak(?:s|ing)?|spoke(?:n)?|comment(?:s|ed|ing)?|remark(?:s|ed)?|statement(?:s)?|view(?:s)?|opinion(?:s)?|position(?:s)?|stance(?:s)?|thoughts|take|attitude|assessment|words|quote(?:s|d)?|quotation(?:s)?|mention(?:s|ed)?|discuss(?:es|ed)?|describe(?:s|d)?|characteri[sz]e(?:s|d)?|see(?:s)?|view(?:ed)?)\s+(?:about|on|of|regarding|concerning|towards?|to|in\s+relation\s+to|with\s+regard\s+to)\b" +
        @"|\b(?:mention(?:s|ed)?|discuss(?:es|ed)?|describe(?:s|d)?|characteri[sz]e(?:s|d)?|assess(?:es|ed)?)\b" +
        @"|\b(?:(?:UN|his|her|their|the)\s+)?(?:speech|speeches|address|interview|press\s+conference)(?:\s+at\s+the\s+(?:UN|United\s+Nations))?\b|\baccording\s+to\b|\b(?:tell|show|give|find|get)\s+(?:me|us)\b|\bin\s+(?:his|her|their)\s+(?:own\s+)?(?:words|view|opinion)\b|\bregarding\b|\bconcerning\b|\bever\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex FramingRegex();

    /// <summary>
    /// Reads <paramref name="query"/> against the store's <paramref name="speakers"/> and, when given, the places
    /// its documents were recorded at ("Da Nang", "Lima"): a place named in the query becomes a filter too; and who
    /// held which office (<paramref name="offices"/>): "Russia's foreign minister" names those speakers.
    /// </summary>
    public static AnalyzedQuery Analyze(string query, SpeakerDirectory speakers, IReadOnlyCollection<string>? places = null, OfficeDirectory? offices = null)
    {
        var masked = new bool[query.Length];
        var keep = new List<(int Index, int Length)>(); // dates that name an event: topic, not filter
        DateOnly? from = null, to = null;

        void Mask(int start, int length)
        {
            for (int i = start; i < start + length && i < masked.Length; i++) masked[i] = true;
        }

        void Widen(DateOnly a, DateOnly b)
        {
            from = from is { } f && f < a ? f : a;
            to = to is { } t && t > b ? t : b;
        }

        bool Free(Match m) => !masked.AsSpan(m.Index, m.Length).Contains(true);
        bool Kept(Match m) => keep.Any(k => m.Index < k.Index + k.Length && k.Index < m.Index + m.Length);

        // "the 2015 nuclear agreement", "the 7 October 2023 attack": the date names the event talked about, not when
        // it was talked about, so it stays topic; "the 2014 speech" is still when.
        bool NamesAnEvent(int index, int length) =>
            TrailingTheRegex().IsMatch(query.AsSpan(0, index)) && !OccasionAfterRegex().IsMatch(query.AsSpan(index + length));

        foreach (Match m in YearRangeRegex().Matches(query))
        {
            int a = int.Parse(m.Groups["a"].Value), b = int.Parse(m.Groups["b"].Value);
            if (a > b) (a, b) = (b, a);
            Widen(new DateOnly(a, 1, 1), new DateOnly(b, 12, 31));
            Mask(m.Index, m.Length);
        }

        foreach (Match m in OpenRangeRegex().Matches(query))
        {
            if (!Free(m)) continue;
            int y = int.Parse(m.Groups["y"].Value);
            switch (Regex.Replace(m.Groups["op"].Value.ToLowerInvariant(), @"\s+", " "))
            {
                case "since": from = new DateOnly(y, 1, 1); break;
                case "after": from = new DateOnly(y + 1, 1, 1); break;
                case "before" or "prior to": to = new DateOnly(y - 1, 12, 31); break;
                default: to = new DateOnly(y, 12, 31); break;
            }

            Mask(m.Index, m.Length);
        }

        foreach (var (date, index, length) in DateText.FindAll(query))
        {
            if (masked.AsSpan(index, length).Contains(true)) continue;
            if (NamesAnEvent(index, length))
            {
                keep.Add((index, length));
                continue;
            }

            Widen(date, date);
            var on = TrailingOnRegex().Match(query[..index]);
            Mask(on.Success ? on.Index : index, (on.Success ? index - on.Index : 0) + length);
        }

        foreach (Match m in MonthYearRegex().Matches(query))
        {
            if (!Free(m) || Kept(m)) continue;
            if (NamesAnEvent(m.Index, m.Length))
            {
                keep.Add((m.Index, m.Length));
                continue;
            }

            int y = int.Parse(m.Groups["y"].Value), month = DateText.MonthNumber(m.Groups["m"].Value);
            Widen(new DateOnly(y, month, 1), new DateOnly(y, month, DateTime.DaysInMonth(y, month)));
            Mask(m.Index, m.Length);
        }

        foreach (Match m in YearRegex().Matches(query))
        {
            if (!Free(m) || Kept(m)) continue;
            if (NamesAnEvent(m.Index, m.Length)) continue;

            int y = int.Parse(m.Groups["y"].Value);
            Widen(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            Mask(m.Index, m.Length);
        }

        // Quoted words are what someone said, never who: "Who said 'Putin's price hike'?" searches the words.
        var quoted = new bool[query.Length];
        foreach (Match m in QuotedRegex().Matches(query))
            for (int i = m.Index; i < m.Index + m.Length; i++) quoted[i] = true;
        var blocked = new bool[query.Length];
        for (int i = 0; i < query.Length; i++) blocked[i] = masked[i] || quoted[i];

        // People named in the query, by office ("Russia's foreign minister") or by name ("Lavrov", "Karine Jean-Pierre").
        var mentions = new List<NameMention>();
        if (offices is not null) mentions.AddRange(offices.Find(query, blocked));
        var words = LexicalAnalyzer.WordSpans(query).ToList();
        for (int w = 0; w < words.Count; w++)
        {
            var (start, length) = words[w];
            if (Unavailable(w) || !speakers.IsNameWord(Folded(w))) continue;
            // The run of name words from here ("Gabriel Boric", "Karine Jean-Pierre", "Ri Yong Ho"), read as one name.
            int end = w;
            while (end < words.Count && !Unavailable(end) && speakers.IsNameWord(Folded(end))) end++;
            var run = Enumerable.Range(w, end - w).ToList();
            if (speakers.Match(run.Select(Folded).ToList()) is not { } names) continue;
            var held = run.Where(i => speakers.Holds(names, Folded(i))).ToList();
            if (held.Count == 1 && NamesSomeoneElse(held[0] + 1)) continue;
            // A run ending in the surname is one name, given names the store does not spell included ("Anthony Fauci" for
            // "Dr. Fauci"), as is a capitalised word right before a surname the store keeps alone ("Rochelle Walensky" for
            // "Dr. Walensky"; before "Hussein" of "Abdullah II ibn Al Hussein", "Saddam" stays), and an honorific before it all ("Dr. Anthony Fauci").
            int opening = held[^1] == run[^1] ? run[0] : held[0];
            if (opening == held[0] && held.Count == 1 && speakers.SurnameOnly(names) && opening > 0 && IsGivenName(opening - 1)) opening--;
            if (opening > 0 && Honorific(opening - 1)) opening--;
            int from0 = words[opening].Start, to0 = words[held[^1]].Start + words[held[^1]].Length;
            mentions.Add(new NameMention(names, from0, to0 - from0));
            w = held[^1];
        }

        // An office right before a name is that person's title ("deputy press secretary Andrew Bates", "Press Secretary
        // Jen Psaki"): the name says who, not everyone who held the office.
        var titles = mentions.Where(o => o.IsOffice).Select(o => (Office: o, Name: mentions.FirstOrDefault(n => !n.IsOffice && TitleOf(o, n)))).Where(t => t.Name is not null).ToList();
        foreach (var (office, _) in titles) mentions.Remove(office);

        bool TitleOf(NameMention office, NameMention name)
        {
            int end = office.Index + office.Length;
            if (name.Index < end) return false;
            var gap = query[end..name.Index];
            if (gap.All(c => char.IsWhiteSpace(c) || c == ',')) return true;
            var between = LexicalAnalyzer.WordSpans(gap).ToList();
            return between.Count <= 3 && between.All(w => char.IsUpper(gap[w.Start]));
        }

        // A surname followed at once by another capitalised word that is no name here is part of another person's
        // name ("George Orwell" is not Yosiwo George).
        bool NamesSomeoneElse(int next) => next < words.Count && Joined(next - 1) && PlainCapitalised(next);

        // A capitalised word right before, that is no common word nor anyone's name ("Did", "Has" are common words).
        bool IsGivenName(int i) => !Unavailable(i) && Joined(i) && PlainCapitalised(i) && !speakers.IsNameWord(Folded(i));

        // Capitalised, and neither a common word nor one of the question's framing ("Say", "Respond").
        bool PlainCapitalised(int i)
        {
            var word = query.Substring(words[i].Start, words[i].Length);
            return char.IsUpper(word[0]) && !LexicalAnalyzer.StopWords.Contains(Folded(i)) && !FramingRegex().IsMatch(word) && !ReportingVerbRegex().IsMatch(word);
        }

        // Word i and the next stand side by side, only white space between.
        bool Joined(int i) => string.IsNullOrWhiteSpace(query[(words[i].Start + words[i].Length)..words[i + 1].Start]);

        bool Honorific(int i) => !Unavailable(i) && Folded(i) is "dr" or "mr" or "mrs" or "ms" or "prof" or "sir" or "dame";

        bool Unavailable(int i) => blocked[words[i].Start] || mentions.Any(m => words[i].Start >= m.Index && words[i].Start < m.Index + m.Length);
        string Folded(int i) => LexicalAnalyzer.Fold(query.AsSpan(words[i].Start, words[i].Length));

        // A person is a filter when the question is about their words: named before the verb of saying ("What did Lavrov
        // say", "How did Iran's president describe"), after "according to" or "by"; named after it, they are the topic
        // ("what did Lavrov say about the American president's address").
        int anchor = FramingAnchor(query, blocked, mentions.Count > 0 ? mentions.Min(m => m.Index) : int.MaxValue);
        // With no verb, "Lavrov on Trump" and "Psaki about inflation" name the speaker before the preposition.
        if (anchor == int.MaxValue)
        {
            anchor = mentions.OrderBy(m => m.Index).Select(m => OnAfterRegex().Match(query, m.Index + m.Length)).FirstOrDefault(m => m.Success)?.Index ?? int.MaxValue;
        }

        // Named after "according to" or "by", a person is the one whose words are meant, and the others named are topic.
        var attributed = mentions.Where(m => SubjectAfterRegex().IsMatch(query.AsSpan(0, m.Index))).ToList();
        // A clause before the verb's own ("Asked whether Biden was pleased ..., how did Brian Deese respond") names the
        // topic; the subject is in the verb's clause when anyone is named there.
        int clause = anchor == int.MaxValue ? -1 : ClauseStart(query, quoted, anchor);
        if (!mentions.Any(m => m.Index >= clause && m.Index < anchor)) clause = -1;
        // Likewise the subject follows the question's auxiliary: "Which US president did Sigmar Gabriel quote" asks for
        // Gabriel's words about a president.
        if (anchor != int.MaxValue && AuxiliaryRegex().Matches(query[..anchor]).Where(m => !blocked[m.Index]).Select(m => m.Index + m.Length)
                .LastOrDefault(after => mentions.Any(m => m.Index >= after && m.Index < anchor)) is var subjectFrom and > 0)
            clause = Math.Max(clause, subjectFrom);
        var found = new List<string>();
        foreach (var mention in mentions.OrderBy(m => m.Index))
        {
            bool subject = attributed.Count > 0 ? attributed.Contains(mention) : mention.Index < anchor && mention.Index >= clause;
            if (!subject && found.Count == 0 && !mentions.Any(m => m.Index < anchor)) subject = anchor == int.MaxValue;
            if (!subject) continue;
            foreach (var n in mention.Names) if (!found.Contains(n)) found.Add(n);
            Mask(mention.Index, mention.Length);
            foreach (var (office, _) in titles.Where(t => t.Name == mention)) Mask(office.Index, office.Length);
        }

        var foundPlaces = new List<string>();
        foreach (var place in places ?? [])
        {
            if (place.Length < 4) continue;
            for (int at = query.IndexOf(place, StringComparison.OrdinalIgnoreCase); at >= 0; at = query.IndexOf(place, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                int end = at + place.Length;
                bool whole = (at == 0 || !char.IsLetterOrDigit(query[at - 1])) && (end == query.Length || !char.IsLetterOrDigit(query[end]));
                if (!whole || masked.AsSpan(at, place.Length).Contains(true)) continue;
                Mask(at, place.Length);
                if (!foundPlaces.Contains(place)) foundPlaces.Add(place);
            }
        }

        foreach (Match m in FramingRegex().Matches(query))
            if (!IsPartOfName(query, m)) Mask(m.Index, m.Length);
        foreach (Match m in RequestRegex().Matches(query)) Mask(m.Index, m.Length);
        foreach (Match m in VenueRegex().Matches(query)) Mask(m.Index, m.Length);
        bool newestFirst = false;
        foreach (Match m in VagueTimeRegex().Matches(query))
        {
            Mask(m.Index, m.Length);
            newestFirst = true;
        }

        var topicWords = new List<string>();
        int first = -1, last = -1;
        foreach (var (start, length) in words)
        {
            if (masked[start]) continue;
            var word = query.Substring(start, length);
            if (LexicalAnalyzer.StopWords.Contains(LexicalAnalyzer.Fold(word))) continue;
            topicWords.Add(word);
            if (first < 0) first = start;
            last = start + length;
        }

        var topic = string.Join(' ', topicWords);
        // For people, the topic as they wrote it ("a new reset with Trump"), when no filter words sit inside it.
        bool asWritten = first >= 0 && !masked.AsSpan(first, last - first).Contains(true);
        // A quotation the topic opens is closed in it ("rocket man" keeps its closing mark).
        if (asWritten && last < query.Length && query[last] is '"' or '”' or '’' && Unclosed(query[first..last], query[last])) last++;
        var display = asWritten ? query[first..last] : topic;
        return new AnalyzedQuery(topic, found.Count > 0 ? found : null, from, to)
        {
            DisplayTopic = display, TopicAsWritten = asWritten, Places = foundPlaces.Count > 0 ? foundPlaces : null, NewestFirst = newestFirst,
        };
    }

    /// <summary>
    /// Where the question's verb of saying stands: the first verb of saying or responding after the first person named
    /// ("which states did Deanne Criswell say": "states" is no verb here), else the first anywhere; a framing noun ("In
    /// his 2017 speech, what did Abbas say") only when the question has no such verb ("Lavrov's speech about Trump").
    /// <see cref="int.MaxValue"/> when it has none.
    /// </summary>
    private static int FramingAnchor(string query, bool[] blocked, int firstMention)
    {
        var verbs = new List<int>();
        var nouns = new List<int>();
        foreach (Match m in FramingRegex().Matches(query))
        {
            if (blocked[m.Index] || IsPartOfName(query, m)) continue;
            if (SubjectBeforeRegex().IsMatch(query.AsSpan(m.Index))) continue;
            (FramingNounRegex().IsMatch(m.Value) ? nouns : verbs).Add(m.Index);
        }

        // Verbs of responding and proposing end the subject as well ("How did Ri Yong Ho respond to Trump"), though
        // they stay topic words: the passage may use them ("we propose the creation of ...").
        foreach (Match m in ReportingVerbRegex().Matches(query))
            if (!blocked[m.Index] && !IsPartOfName(query, m)) verbs.Add(m.Index);

        foreach (var candidates in new[] { verbs, nouns })
        {
            if (candidates.Count == 0) continue;
            candidates.Sort();
            return candidates.FirstOrDefault(i => i > firstMention, candidates[0]);
        }

        return int.MaxValue;
    }

    /// <summary>Where the clause holding <paramref name="index"/> starts: after the last comma, semicolon, colon or dash before it, outside quotations.</summary>
    private static int ClauseStart(string query, bool[] quoted, int index)
    {
        for (int i = Math.Min(index, query.Length) - 1; i >= 0; i--)
        {
            if (!quoted[i] && query[i] is ',' or ';' or ':' or '—' or '–') return i + 1;
        }

        return 0;
    }

    /// <summary>
    /// The topic as a lead shows it: without a verb of responding that opens it ("respond to Trump calling ..." reads
    /// "Trump calling ..."). Only for display: the search reads the verb, since the passage may use it.
    /// </summary>
    public static string LeadTopic(string displayTopic) =>
        LeadingReportingVerbRegex().Match(displayTopic) is { Success: true } opening && opening.Length < displayTopic.Length ? displayTopic[opening.Length..] : displayTopic;

    /// <summary>Whether <paramref name="text"/> opens a quotation that <paramref name="close"/> would close.</summary>
    private static bool Unclosed(string text, char close) => close switch
    {
        '"' => text.Count(c => c == '"') % 2 == 1,
        '”' => text.Count(c => c == '“') > text.Count(c => c == '”'),
        _ => text.Count(c => c == '‘') > text.Count(c => c == '’'),
    };

    /// <summary>A framing word inside a capitalised name ("the United States", "Secretary of State") is not framing.</summary>
    private static bool IsPartOfName(string query, Match m)
    {
        if (!char.IsUpper(query[m.Index])) return false;
        var before = query.AsSpan(0, m.Index).TrimEnd();
        int space = before.LastIndexOfAny(' ', '\u00A0');
        var previous = before[(space + 1)..];
        return previous.Length > 0 && (char.IsUpper(previous[0]) || previous is "of");
    }

    // Where the words were said, not what they are about: "at the 2017 General Assembly", "in his General Assembly
    // address", "at the UN" (the date inside is read as a date first).
    [GeneratedRegex(@"\b(?:(?:at|to|before|tell|tells|told|address|addressed|addressing)\s+(?:the\s+)?(?:\d{4}\s+)?(?:UN\s+|United\s+Nations\s+)?General\s+Assembly(?:['’]s\s+general\s+debate)?|(?:UN\s+)?General\s+Assembly\s+(?:speech|speeches|address|addresses|statement|debate)|at\s+the\s+(?:UN|United\s+Nations)(?!\s+(?-i:[A-Z])))\b", RegexOptions.IgnoreCase)]
    private static partial Regex VenueRegex();

    // When, vaguely: no date to filter on and no word a passage would hold, but the newest statements are wanted first.
    [GeneratedRegex(@"\b(?:recently|lately|nowadays|these\s+days|of\s+late|latest|most\s+recent(?:ly)?|newest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VagueTimeRegex();

    // The auxiliary verb of a question ("What did Lavrov say", "Which president did Gabriel quote").
    [GeneratedRegex(@"\b(?:did|does|do|has|have|had|will|would|can|could|should|is|was|were|are)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AuxiliaryRegex();

    // "on" or "about" right after a name ("Lavrov on Trump").
    [GeneratedRegex(@"\G['’]?s?\s+(?:on|about)\s", RegexOptions.IgnoreCase)]
    private static partial Regex OnAfterRegex();

    // Text in quotation marks: “...”, "...", ‘...’, or '...' opened after a space.
    [GeneratedRegex(@"“[^”]{2,300}”|""[^""]{2,300}""|‘[^’]{2,300}’|(?<=^|\s)'[^']{2,300}'(?=\W|$)")]
    private static partial Regex QuotedRegex();

    // "according to X", "by X", "from X" right before a name: X is whose words are meant.
    [GeneratedRegex(@"(?:\baccording\s+to|\bby|\bfrom|\bin\s+the\s+words\s+of|\bquoting)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectAfterRegex();

    // Verbs that follow the person whose words are asked about, kept in the topic (see FramingAnchor).
    private const string ReportingVerbs = @"(?:respond(?:s|ed)?|repl(?:y|ies|ied)|react(?:s|ed)?|answer(?:s|ed)?|propos(?:e|es|ed)|warn(?:s|ed)?|urg(?:e|es|ed)|promis(?:e|es|ed)|suggest(?:s|ed)?|explain(?:s|ed)?|admit(?:s|ted)?|insist(?:s|ed)?|den(?:y|ies|ied)|acknowledg(?:e|es|ed)|announc(?:e|es|ed)|prais(?:e|es|ed)|critici[sz](?:e|es|ed)|condemn(?:s|ed)?|accus(?:e|es|ed)|blam(?:e|es|ed)|defend(?:s|ed)?|dismiss(?:es|ed)?|reject(?:s|ed)?|welcom(?:e|es|ed)|predict(?:s|ed)?|pledg(?:e|es|ed)|vow(?:s|ed)?|demand(?:s|ed)?|ask(?:s|ed)?|interpret(?:s|ed)?|conced(?:e|es|ed)|agree(?:s|d)?|confirm(?:s|ed)?|reveal(?:s|ed)?|stress(?:es|ed)?|emphasi[sz](?:e|es|ed)|recall(?:s|ed)?|call(?:s|ed)?\s+for)";

    [GeneratedRegex(@"\b" + ReportingVerbs + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportingVerbRegex();

    // A verb of responding that opens the topic as written, with its preposition: the question's, not the subject's.
    [GeneratedRegex(@"^" + ReportingVerbs + @"(?:\s+(?:to|for|on|about|that|with|against))?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingReportingVerbRegex();

    // Framing that introduces the speaker rather than follows them ("according to Lavrov", "tell me what Lavrov said").
    [GeneratedRegex(@"^(?:according\s+to|(?:tell|show|give|find|get)\s+(?:me|us)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectBeforeRegex();

    // Framing nouns: the occasion or the opinion, not the verb of saying.
    [GeneratedRegex(@"\b(?:speech|speeches|address|interview|press\s+conference|statement|statements|view|views|opinion|opinions|position|positions|stance|stances|thoughts|attitude|assessment|words|quotation|quotations|remarks?|comments?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FramingNounRegex();

    // What the user wants the answer to look like, not what it is about: "give me a quotable line on", "with the date and link".
    [GeneratedRegex(@"\b(?:a\s+)?(?:quotable|citable|short|good)\s+(?:line|lines|quote|quotes|sentence|soundbite)(?:\s+(?:on|about))?\b|\b(?:a\s+)?(?:line|quote|soundbite)\s+(?:on|about)\b|\bwith\s+(?:the\s+|a\s+|its\s+)?(?:date|dates|link|links|source|sources|citation|citations|url)(?:\s*(?:,|and)\s*(?:the\s+|a\s+)?(?:date|dates|link|links|source|sources|citation|citations|url))*\b|\b(?:please|pls)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequestRegex();
}


/// <summary>What <see cref="QueryAnalyzer"/> read out of a query.</summary>
/// <param name="Topic">Content words to match passages on, in their original order and spelling.</param>
/// <param name="Speakers">Stored speaker names the query named, or null.</param>
/// <param name="From">Earliest date the query named.</param>
/// <param name="To">Latest date the query named.</param>
public sealed record AnalyzedQuery(string Topic, IReadOnlyList<string>? Speakers, DateOnly? From, DateOnly? To)
{
    /// <summary>The topic as the user wrote it, small words included ("chance of a new reset with Trump").</summary>
    public string DisplayTopic { get; init; } = Topic;

    /// <summary>Whether <see cref="DisplayTopic"/> is one stretch of the query's own words.</summary>
    public bool TopicAsWritten { get; init; }

    /// <summary>Document places the query named ("Da Nang"), or null.</summary>
    public IReadOnlyList<string>? Places { get; init; }

    /// <summary>Whether the query asks for what was said recently ("lately", "the latest"): the newest of the best results first.</summary>
    public bool NewestFirst { get; init; }
}
