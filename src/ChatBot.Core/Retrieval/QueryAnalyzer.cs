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
    public static AnalyzedQuery Analyze(string query, SpeakerDirectory speakers, IReadOnlyCollection<string>? places = null, OfficeHolders? offices = null)
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

        // Speakers: an office someone held ("Russia's foreign minister"), then surnames.
        var found = new List<string>();
        if (offices?.Find(query) is { } office && !masked.AsSpan(office.Index, office.Length).Contains(true))
        {
            found.AddRange(office.Names);
            Mask(office.Index, office.Length);
        }

        // A word that is a stored speaker's surname, with the other words of that speaker's names beside it.
        var words = LexicalAnalyzer.WordSpans(query).ToList();
        for (int w = 0; w < words.Count; w++)
        {
            var (start, length) = words[w];
            if (masked[start]) continue;
            var names = speakers.BySurname(LexicalAnalyzer.Fold(query.AsSpan(start, length)));
            if (names is null) continue;
            foreach (var n in names) if (!found.Contains(n)) found.Add(n);
            Mask(start, length);
            var nameWords = names.SelectMany(n => LexicalAnalyzer.Terms(n, keepStopWords: true)).ToHashSet();
            for (int back = w - 1; back >= 0 && nameWords.Contains(LexicalAnalyzer.Fold(query.AsSpan(words[back].Start, words[back].Length))); back--)
                Mask(words[back].Start, words[back].Length);
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

        foreach (Match m in FramingRegex().Matches(query)) Mask(m.Index, m.Length);

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
        var display = first >= 0 && !masked.AsSpan(first, last - first).Contains(true) ? query[first..last] : topic;
        return new AnalyzedQuery(topic, found.Count > 0 ? found : null, from, to) { DisplayTopic = display, Places = foundPlaces.Count > 0 ? foundPlaces : null };
    }
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

    /// <summary>Document places the query named ("Da Nang"), or null.</summary>
    public IReadOnlyList<string>? Places { get; init; }
}
