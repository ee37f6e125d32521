namespace ChatBot.Text;

/// <summary>
/// Finds the stretches of a passage that give someone else's words, so that a quote can be shown with them marked
/// and nobody takes them for the speaker's own. Three kinds (<see cref="RelayKind"/>):
/// <list type="bullet">
/// <item>quotation marks (“…”, "…", «…», „…“, ‘…’) introduced or followed by a reporting cue ("X said, “…”",
/// "“…,” he said", "to quote X", "in the words of X") with at least <see cref="RelayedSpeechOptions.MinCuedQuotationWords"/>
/// words, or, with no cue, quoted words that read as a sentence of at least
/// <see cref="RelayedSpeechOptions.MinUncuedQuotationWords"/> words;</item>
/// <item>"quote … end quote" (or "unquote") read out in a briefing;</item>
/// <item>reported speech: "X said that …", "X told us that …", "as X put it, …", "in the words of X, …",
/// "according to X, …", where X is a person (a name, a title, he/she/they, or "you", often the journalist).</item>
/// </list>
/// Precision comes before recall: scare quotes and terms ("so-called “peacekeepers”"), titles and themes
/// ("the theme “…”", "entitled “…”", words mostly capitalised), negated cues ("he never said that") and questions are
/// not marked. The speaker's own earlier words ("as I said", "we stated that …", "I told him: “…”") are not relayed
/// speech either: they are the speaker's words, and attributing them to the speaker is right. Nor is hypothetical
/// speech ("you would say, “…”") or a question in quotation marks with no cue ("The question is, “…?”"). Spans do not overlap;
/// a quotation inside a reported clause is part of the clause's span. Thread-safe: the detector holds no mutable state.
/// </summary>
public sealed class RelayedSpeech
{
    private static readonly System.Buffers.SearchValues<char> s_quotationMarks = System.Buffers.SearchValues.Create("“”„«»\"‘");

    private readonly RelayedSpeechOptions _options;

    /// <summary>Creates a detector; without <paramref name="options"/> the defaults apply.</summary>
    public RelayedSpeech(RelayedSpeechOptions? options = null) => _options = options ?? new RelayedSpeechOptions();

    /// <summary>A detector with the default options.</summary>
    public static RelayedSpeech Default { get; } = new();

    /// <summary>The relayed spans of <paramref name="text"/>, in order, not overlapping.</summary>
    public IReadOnlyList<RelayedSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Most passages hold no quotation mark and no reporting cue: one pass over each kind of cue decides that.
        bool marks = text.AsSpan().IndexOfAny(s_quotationMarks) >= 0;
        bool quoteWord = ReportingCues.QuoteOpens().IsMatch(text);
        bool reported = ReportingCues.ReportingVerb().IsMatch(text) || ReportingCues.AsSubjectSaid().IsMatch(text)
            || ReportingCues.AsSubjectSaidAtEnd().IsMatch(text) || ReportingCues.PassiveTold().IsMatch(text)
            || ReportingCues.InTheWordsOf().IsMatch(text) || ReportingCues.AccordingTo().IsMatch(text);
        if (!marks && !quoteWord && !reported) return [];

        var spans = new List<RelayedSpan>();
        foreach (var paragraph in Paragraphs.Split(text))
        {
            var sentences = SentenceSplitter.Split(text, paragraph.Start, paragraph.End);
            if (quoteWord) FindQuoteUnquote(text, paragraph, sentences, spans);
            if (marks) FindQuotations(text, paragraph, sentences, spans);
            if (reported) FindReportedSpeech(text, sentences, spans);
        }

        return Merge(spans);
    }

    /// <summary>
    /// The relayed spans that fall within <paramref name="range"/> of <paramref name="text"/> (a quote cut from a
    /// passage), clipped to it and made relative to its start. Detecting in the whole passage lets a cue before the
    /// quote ("Putin said that") name the speaker of words inside it.
    /// </summary>
    public IReadOnlyList<RelayedSpan> FindWithin(string text, TextSpan range)
    {
        var result = new List<RelayedSpan>();
        foreach (var span in Find(text))
        {
            int start = Math.Max(span.Start, range.Start), end = Math.Min(span.End, range.End);
            if (end <= start || Tokens.CountWords(text, start, end) == 0) continue;
            result.Add(span with { Start = start - range.Start, End = end - range.Start });
        }

        return result;
    }

    private void FindQuoteUnquote(string text, TextSpan paragraph, List<TextSpan> sentences, List<RelayedSpan> spans)
    {
        var closes = ReportingCues.QuoteCloses();
        foreach (var open in ReportingCues.QuoteOpens().EnumerateMatches(text.AsSpan(paragraph.Start, paragraph.Length)))
        {
            int contentStart = paragraph.Start + open.Index + open.Length;
            int limit = Math.Min(paragraph.End, contentStart + _options.MaxQuoteUnquoteChars);
            var close = closes.Match(text, contentStart, limit - contentStart);
            if (!close.Success) continue;
            var content = Trim(text, contentStart, close.Index);
            if (Tokens.CountWords(text, content.Start, content.End) < _options.MinCuedQuotationWords) continue;
            int sentenceStart = SentenceAt(sentences, paragraph.Start + open.Index).Start;
            var speaker = SpeakerOfVerbCue(text, sentenceStart, paragraph.Start + open.Index);
            if (speaker.Kind is SpeakerKind.Self or SpeakerKind.Negated) continue;
            spans.Add(new RelayedSpan(content.Start, content.End, RelayKind.QuoteUnquote, speaker.NameIn(text)));
        }
    }

    private void FindQuotations(string text, TextSpan paragraph, List<TextSpan> sentences, List<RelayedSpan> spans)
    {
        foreach (var (open, close) in QuotationMarks.Pairs(text, paragraph.Start, paragraph.End))
        {
            int words = Tokens.CountWords(text, open + 1, close);
            if (words < _options.MinCuedQuotationWords) continue;
            var sentence = SentenceAt(sentences, open);
            int windowStart = WindowStart(text, sentence.Start, open);
            var verdict = CueBefore(text, windowStart, open);
            if (verdict.Kind == CueKind.None) verdict = CueAfter(text, close + 1, paragraph.End);

            Speaker speaker;
            if (verdict.Kind == CueKind.Title) continue;
            if (verdict.Kind == CueKind.Relay) speaker = verdict.Speaker;
            else if (words >= _options.MinUncuedQuotationWords && ReadsAsSentence(text, open, close, paragraph.End)) speaker = Speaker.Nobody;
            else continue;

            if (speaker.Kind is SpeakerKind.Self or SpeakerKind.Negated) continue;
            spans.Add(new RelayedSpan(open, close + 1, RelayKind.Quotation, speaker.NameIn(text)));
        }

        // A quotation whose closing mark is missing (or in the next passage) counts only after a reporting cue, up to the paragraph end.
        foreach (int open in QuotationMarks.Unclosed(text, paragraph.Start, paragraph.End))
        {
            if (Tokens.CountWords(text, open + 1, paragraph.End) < _options.MinCuedQuotationWords) continue;
            var sentence = SentenceAt(sentences, open);
            var verdict = CueBefore(text, WindowStart(text, sentence.Start, open), open);
            if (verdict.Kind != CueKind.Relay || !(verdict.Speaker.IsOther || verdict.Speaker.Kind == SpeakerKind.None)) continue;
            spans.Add(new RelayedSpan(open, Trim(text, open, paragraph.End).End, RelayKind.Quotation, verdict.Speaker.NameIn(text)));
        }
    }

    private void FindReportedSpeech(string text, List<TextSpan> sentences, List<RelayedSpan> spans)
    {
        foreach (var sentence in sentences)
        {
            if (text[sentence.End - 1] == '?' || text.AsSpan(sentence.Start, sentence.Length).TrimEnd("”\"’)] ").EndsWith("?")) continue;
            var slice = text.AsSpan(sentence.Start, sentence.Length);

            foreach (var match in ReportingCues.ReportingVerb().EnumerateMatches(slice))
            {
                int verbStart = sentence.Start + match.Index;
                var speaker = SpeakerPhrase.Before(text, sentence.Start, verbStart);
                if (!speaker.IsOther) continue;
                AddClause(text, verbStart + match.Length, sentence.End, speaker, spans);
            }

            foreach (var match in ReportingCues.MatchesIn(ReportingCues.AsSubjectSaid(), text, sentence.Start, sentence.Length))
            {
                if (text.AsSpan(sentence.Start, match.Index - sentence.Start).TrimEnd(" ,").EndsWith("”")) continue; // "“on the menu,” as he likes to say": the quotation is the relayed part
                var verb = match.Groups["verb"];
                var subject = match.Groups["subject"];
                var speaker = SpeakerPhrase.Before(text, subject.Index, verb.Index);
                if (!speaker.IsOther) continue;
                AddClause(text, match.Index + match.Length, sentence.End, speaker, spans);
            }

            foreach (var match in ReportingCues.MatchesIn(ReportingCues.AsSubjectSaidAtEnd(), text, sentence.Start, sentence.Length))
            {
                if (text.AsSpan(sentence.Start, match.Index - sentence.Start).TrimEnd(" ,").EndsWith("”")) continue; // the quotation before it is the relayed part
                var speaker = SpeakerPhrase.Before(text, match.Groups["subject"].Index, match.Groups["verb"].Index);
                if (!speaker.IsOther) continue;
                AddClause(text, ClauseStartBefore(text, sentence.Start, match.Index, stopAtComma: false), match.Index, speaker, spans, cutAtBreak: false);
            }

            foreach (var match in ReportingCues.MatchesIn(ReportingCues.PassiveTold(), text, sentence.Start, sentence.Length))
                AddClause(text, match.Index + match.Length, sentence.End, new Speaker(SpeakerKind.ThirdPerson), spans);

            foreach (var match in ReportingCues.MatchesIn(ReportingCues.InTheWordsOf(), text, sentence.Start, sentence.Length))
            {
                int nameStart = match.Index + match.Length;
                int comma = text.AsSpan(nameStart, sentence.End - nameStart).IndexOfAny(',', ':');
                if (comma < 0) continue;
                var speaker = SpeakerPhrase.After(text, nameStart, nameStart + comma);
                if (!speaker.IsOther) continue;
                AddClause(text, nameStart + comma + 1, sentence.End, speaker, spans);
            }

            foreach (var match in ReportingCues.MatchesIn(ReportingCues.AccordingTo(), text, sentence.Start, sentence.Length))
            {
                int nameStart = match.Index + match.Length;
                int comma = text.AsSpan(nameStart, sentence.End - nameStart).IndexOfAny(',', ';');
                int nameEnd = comma < 0 ? sentence.End : nameStart + comma;
                var speaker = SpeakerPhrase.After(text, nameStart, nameEnd);
                if (!speaker.IsOther) continue;
                bool opensSentence = text.AsSpan(sentence.Start, match.Index - sentence.Start).IsWhiteSpace();
                if (opensSentence && comma >= 0) AddClause(text, nameEnd + 1, sentence.End, speaker, spans);
                else if (!opensSentence) AddClause(text, ClauseStartBefore(text, sentence.Start, match.Index, stopAtComma: true), match.Index, speaker, spans, cutAtBreak: false);
            }
        }
    }

    /// <summary>
    /// Where the clause ending at <paramref name="end"/> (", according to X", ", as X put it") starts: after the last
    /// semicolon, colon or dash before it, or with <paramref name="stopAtComma"/> the last comma ("particularly Barbuda,
    /// 90 per cent of whose infrastructure has collapsed, according to its Prime Minister"), else the sentence start.
    /// </summary>
    private static int ClauseStartBefore(string text, int sentenceStart, int end, bool stopAtComma)
    {
        var before = text.AsSpan(sentenceStart, Math.Max(0, end - sentenceStart)).TrimEnd(" ,");
        int boundary = stopAtComma ? before.LastIndexOfAny(",;:—") : before.LastIndexOfAny(";:—");
        return boundary < 0 ? sentenceStart : sentenceStart + boundary + 1;
    }

    /// <summary>Adds the reported clause [<paramref name="start"/>, <paramref name="end"/>), cut where the speaker's own words resume.</summary>
    private void AddClause(string text, int start, int end, Speaker speaker, List<RelayedSpan> spans, bool cutAtBreak = true)
    {
        if (cutAtBreak && ReportingCues.ClauseBreak().Match(text, start, end - start) is { Success: true } cut) end = cut.Index;
        var clause = Trim(text, start, end);
        if (text.AsSpan(clause.Start, clause.Length).StartsWith("that ", StringComparison.Ordinal)) clause = Trim(text, clause.Start + 5, clause.End); // "said that — that …"
        if (Tokens.CountWords(text, clause.Start, clause.End) < _options.MinReportedWords) return;
        spans.Add(new RelayedSpan(clause.Start, clause.End, RelayKind.ReportedSpeech, speaker.NameIn(text)));
    }

    /// <summary>What the words before an opening quotation mark say about it: the nearest relay or title cue wins.</summary>
    private static Cue CueBefore(string text, int windowStart, int open)
    {
        Cue found = default;
        foreach (var match in ReportingCues.MatchesIn(ReportingCues.Before(), text, windowStart, open - windowStart))
        {
            if (match.Groups["title"].Success || (match.Groups["term"].Success && !(found.Kind == CueKind.Relay && OwnedTerm(text, windowStart, match.Index))))
            {
                found = new Cue(CueKind.Title, Speaker.Nobody);
            }
            else if (match.Groups["term"].Success)
            {
                continue; // "to quote Sadat’s iconic phrase": the relay cue stands
            }
            else if (match.Groups["calls"].Success)
            {
                found = new Cue(CueKind.Relay, SpeakerPhrase.Before(text, match.Index + 4, match.Index + match.Value.LastIndexOf("call", StringComparison.Ordinal)));
            }
            else if (match.Groups["verb"].Success)
            {
                found = new Cue(CueKind.Relay, SpeakerPhrase.Before(text, windowStart, match.Index));
            }
            else if (match.Groups["forward"].Success)
            {
                int end = NameEnd(text, match.Index + match.Length, open);
                found = new Cue(CueKind.Relay, SpeakerPhrase.After(text, match.Index + match.Length, end));
            }
            else if (Possessor(text, windowStart, match.Index) is { } possessor)
            {
                found = new Cue(CueKind.Relay, possessor); // "Putin’s words", "his statement"
            }
        }

        return found;
    }

    /// <summary>Whether one of the three words before a term ("phrase", "words") is a possessive: "Sadat’s iconic phrase".</summary>
    private static bool OwnedTerm(string text, int windowStart, int termStart)
    {
        var tokens = Tokens.Read(text, windowStart, termStart);
        for (int i = tokens.Count - 1; i >= 0 && i >= tokens.Count - 3; i--)
        {
            var word = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
            if (word is "his" or "her" or "their" || word.EndsWith("’s") || word.EndsWith("'s")) return true;
        }

        return false;
    }

    /// <summary>An attribution right after the closing mark ("…,” he said"), or nothing.</summary>
    private static Cue CueAfter(string text, int after, int paragraphEnd)
    {
        var match = ReportingCues.After().Match(text, after, Math.Min(paragraphEnd, after + 120) - after);
        if (!match.Success) return default;
        var subject = match.Groups["subject"].Success ? match.Groups["subject"] : match.Groups["subject2"];
        var speaker = match.Groups["subject"].Success
            ? SpeakerPhrase.Before(text, subject.Index, subject.Index + subject.Length)
            : SpeakerPhrase.After(text, subject.Index, subject.Index + subject.Length);
        return new Cue(CueKind.Relay, speaker);
    }

    /// <summary>The owner of "words", "statement", etc.: "Putin’s", "his", "the President’s"; null when none is named.</summary>
    private static Speaker? Possessor(string text, int windowStart, int nounStart)
    {
        var tokens = Tokens.Read(text, windowStart, nounStart);
        if (tokens.Count == 0 || !tokens[^1].IsWord) return null;
        var last = text.AsSpan(tokens[^1].Start, tokens[^1].End - tokens[^1].Start);
        if (last is "his" or "her" or "their" or "whose") return new Speaker(SpeakerKind.ThirdPerson);
        if (last is "my" or "our") return new Speaker(SpeakerKind.Self);
        if (last is "your") return new Speaker(SpeakerKind.Listener);
        if (!last.EndsWith("’s") && !last.EndsWith("'s") && !last.EndsWith("s’")) return null;
        // "responded to Trump’s statement:", "commented on his words:": what is answered, not whose words follow.
        if (tokens.Count > 1 && text.AsSpan(tokens[^2].Start, tokens[^2].End - tokens[^2].Start) is "to" or "on" or "about") return null;
        return SpeakerPhrase.Before(text, windowStart, tokens[^1].End + 1) is { IsOther: true } s ? s : null;
    }

    /// <summary>The speaker of the last reporting verb in [<paramref name="from"/>, <paramref name="to"/>): "Putin said today that …, quote, …".</summary>
    private static Speaker SpeakerOfVerbCue(string text, int from, int to)
    {
        var speaker = Speaker.Nobody;
        foreach (var match in ReportingCues.MatchesIn(ReportingCues.Before(), text, from, to - from))
        {
            if (match.Groups["verb"].Success) speaker = SpeakerPhrase.Before(text, from, match.Index);
        }

        return speaker;
    }

    /// <summary>Where the name after "quoting" or "in the words of" ends: a comma, colon or the opening mark.</summary>
    private static int NameEnd(string text, int start, int open)
    {
        int stop = text.AsSpan(start, open - start).IndexOfAny(",:;—–");
        return stop < 0 ? open : start + stop;
    }

    /// <summary>The cue window: the sentence before the mark, at most <see cref="RelayedSpeechOptions.CueWindowWords"/> words.</summary>
    private int WindowStart(string text, int sentenceStart, int open)
    {
        var tokens = Tokens.Read(text, sentenceStart, open);
        int words = 0;
        for (int i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i].IsWord && ++words > _options.CueWindowWords) return tokens[i].End;
        }

        return sentenceStart;
    }

    /// <summary>Quoted words that read as a sentence: a capital (or a bracketed capital) first, an end mark last, not a title in capitals.</summary>
    private bool ReadsAsSentence(string text, int open, int close, int paragraphEnd)
    {
        var inner = text.AsSpan(open + 1, close - open - 1).Trim();
        if (inner.IsEmpty) return false;
        var first = inner.TrimStart("[(.… ");
        if (first.IsEmpty || !char.IsUpper(first[0])) return false;
        // A question in quotation marks with no cue is more often the speaker's own ("The question is, “…?”").
        bool endsInside = inner[^1] is '.' or '!' or '…';
        bool endsOutside = close + 1 < paragraphEnd && text[close + 1] is '.' or '!';
        if (!endsInside && !endsOutside) return false;
        var tokens = Tokens.Read(text, open + 1, close);
        int words = 0, capitalised = 0;
        foreach (var token in tokens)
        {
            if (!token.IsWord) continue;
            words++;
            if (char.IsUpper(text[token.Start])) capitalised++;
        }

        return words > 0 && (double)capitalised / words < _options.TitleCaseShare;
    }

    private static TextSpan SentenceAt(List<TextSpan> sentences, int position)
    {
        foreach (var sentence in sentences)
        {
            if (position >= sentence.Start && position < sentence.End) return sentence;
        }

        return new TextSpan(position, position);
    }

    /// <summary>The span without surrounding white space and the punctuation that joins it to its cue.</summary>
    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ':' or '—' or '–' or '-')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ':' or ';' or '—' or '–' or '-' or '.')) end--;
        return new TextSpan(start, end);
    }

    /// <summary>Sorted, with overlapping spans joined; the joined span keeps the first one's kind and the first known source.</summary>
    private static List<RelayedSpan> Merge(List<RelayedSpan> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<RelayedSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, span.End), Source = last.Source ?? span.Source };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private enum CueKind
    {
        None,
        Relay,
        Title,
    }

    private readonly record struct Cue(CueKind Kind, Speaker Speaker);
}
