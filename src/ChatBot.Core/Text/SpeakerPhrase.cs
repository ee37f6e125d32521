using System.Collections.Frozen;

namespace ChatBot.Text;

/// <summary>
/// Finds the subject of a reporting cue: backwards from a verb ("President Putin has said", "The Secretary-General,
/// António Guterres, said") or forwards from a preposition ("in the words of Anwar Sadat", "quoting the Pentagon").
/// Word lists, no parsing: a name is a run of capitalised words (with "of", "the", "de" between them), a title is a
/// person noun ("colleague", "spokesman"); anything else is not a person, so no speaker. Thread-safe.
/// </summary>
internal static class SpeakerPhrase
{
    private const int MaxNameWords = 8;

    private static readonly FrozenSet<string> s_self = Set("i", "we", "me", "us", "my", "our", "myself", "ourselves");
    private static readonly FrozenSet<string> s_third = Set("he", "she", "they", "him", "her", "them", "some", "many", "others", "someone", "somebody", "critics", "sources");
    private static readonly FrozenSet<string> s_negations = Set("not", "never", "nobody", "neither", "nor", "hardly");
    private static readonly FrozenSet<string> s_modals = Set("would", "could", "might", "may", "can", "should", "must");
    private static readonly FrozenSet<string> s_passive = Set("is", "was", "were", "be", "been", "being", "are", "am", "get", "got");

    /// <summary>Words between a subject and its verb: auxiliaries, adverbs of time and manner.</summary>
    private static readonly FrozenSet<string> s_between = Set(
        "has", "have", "had", "did", "does", "do", "will", "shall",
        "also", "already", "just", "once", "then", "yesterday", "today", "earlier", "again", "even", "always", "often", "himself",
        "herself", "themselves", "itself", "literally", "very", "so", "well", "recently", "rightly", "clearly", "publicly",
        "repeatedly", "famously", "aptly", "wisely", "correctly", "explicitly", "unequivocally", "openly", "directly", "personally",
        "reportedly", "allegedly", "actually", "indeed", "previously", "subsequently", "later", "first", "last", "in", "turn");

    private static readonly FrozenSet<string> s_connectors = Set("of", "the", "for", "and", "de", "del", "da", "la", "le", "al", "el", "bin", "von", "van", "der", "den");
    private static readonly FrozenSet<string> s_determiners = Set("the", "my", "our", "your", "his", "her", "their", "its", "a", "an", "this", "that", "these", "those", "one", "both", "all");

    /// <summary>Lower-case nouns that name people or a party speaking.</summary>
    private static readonly FrozenSet<string> s_personNouns = Set(
        "colleague", "colleagues", "counterpart", "counterparts", "partner", "partners", "friend", "friends", "minister", "ministers",
        "president", "prime", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "ambassadors", "official",
        "officials", "leader", "leaders", "leadership", "side", "government", "administration", "authorities", "representative",
        "representatives", "delegation", "chancellor", "envoy", "diplomat", "diplomats", "general", "king", "queen", "pope",
        "experts", "analysts", "journalist", "journalists", "reporter", "reporters", "allies", "opponents", "negotiators",
        "commander", "commanders", "chief", "head", "director", "senator", "senators", "congressman", "congresswoman",
        "governor", "mayor", "lawmakers", "members", "member", "predecessor", "predecessors", "successor", "father", "mother",
        "man", "woman", "people", "scientists", "doctors", "founders", "founder", "premier", "foreign", "defence", "defense", "state",
        "national", "security", "adviser", "advisor", "press", "house", "white", "united", "nations", "states");

    /// <summary>Capitalised words that start sentences or clauses rather than names.</summary>
    private static readonly FrozenSet<string> s_notNames = Set(
        "but", "and", "yet", "so", "then", "now", "also", "however", "indeed", "today", "yesterday", "last", "when", "if", "as",
        "because", "while", "although", "though", "here", "there", "this", "that", "these", "those", "well", "okay", "again",
        "recently", "earlier", "moreover", "furthermore", "thus", "therefore", "after", "before", "since", "once", "in", "on",
        "at", "with", "from", "by", "to", "what", "which", "who", "whom", "whose", "why", "how", "where", "instead", "only",
        "even", "just", "still", "finally", "first", "second", "third", "later", "meanwhile", "unfortunately", "fortunately",
        "clearly", "obviously", "of", "for", "or", "nor", "not", "no", "yes", "all", "every", "each", "any", "it", "is", "was",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "mr", "madam", "sir", "ladies");

    /// <summary>Capitalised words that make a name a text, not a person: "the Charter", "the Minsk Agreements".</summary>
    private static readonly FrozenSet<string> s_documents = Set(
        "charter", "treaty", "treaties", "convention", "conventions", "agreement", "agreements", "accord", "accords", "resolution",
        "resolutions", "act", "constitution", "law", "laws", "report", "reports", "agenda", "declaration", "statute", "protocol",
        "plan", "programme", "program", "strategy", "data", "survey", "index", "principles", "code", "article", "articles",
        "section", "paragraph", "document", "documents", "memorandum", "communiqué", "communique", "doctrine", "estimates",
        "figures", "statistics", "polls", "poll", "study", "studies", "rules", "standards", "guidelines", "framework", "compact",
        "consensus", "goals", "bible", "koran", "quran", "gospel", "scripture", "scriptures", "book", "constitutions", "order",
        "decree", "bill", "budget", "census", "assessment", "review", "findings", "minutes", "record", "records");

    private static readonly FrozenSet<string> s_titleAbbreviations = Set("mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "amb", "hon", "adm", "lt", "col");

    /// <summary>The subject of the verb starting at <paramref name="verbStart"/>, looking back no further than <paramref name="lowerBound"/>.</summary>
    public static Speaker Before(string text, int lowerBound, int verbStart)
    {
        var tokens = Tokens.Read(text, lowerBound, verbStart);
        bool progressive = IsIngForm(text, verbStart); // "is saying", not a passive
        int i = tokens.Count - 1;
        while (i >= 0 && tokens[i].IsWord)
        {
            var word = tokens[i].Lower(text);
            if (s_negations.Contains(word) || word.EndsWith("n’t", StringComparison.Ordinal) || word.EndsWith("n't", StringComparison.Ordinal))
                return new Speaker(SpeakerKind.Negated);
            if (s_passive.Contains(word))
            {
                if (!progressive) return Speaker.Nobody; // "it is said", "we were told"; but "he is saying" goes on to "he"
                i--;
                continue;
            }

            if (s_modals.Contains(word)) return new Speaker(SpeakerKind.Negated); // hypothetical: "you would say"
            bool adverb = word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(text[tokens[i].Start]);
            if (!s_between.Contains(word) && !adverb) break;
            i--;
        }

        if (i < 0) return Speaker.Nobody;
        if (!tokens[i].IsWord)
        {
            // An apposition: "The Secretary-General, António Guterres, said".
            if (text[tokens[i].Start] != ',') return Speaker.Nobody;
            int appositionEnd = i;
            int j = NameStartBefore(text, tokens, i - 1);
            if (j > i - 1 || j <= 0 || text[tokens[j - 1].Start] != ',') return Speaker.Nobody;
            int head = NameStartBefore(text, tokens, j - 2);
            var kind = Classify(text, tokens, head, j - 2);
            if (kind.Kind is SpeakerKind.Named) return new Speaker(SpeakerKind.Named, new TextSpan(tokens[head].Start, tokens[appositionEnd - 1].End));
            return kind.Kind == SpeakerKind.None ? Classify(text, tokens, j, appositionEnd - 1) : kind;
        }

        // "Senator Grassley, who has said": the relative pronoun stands for the name before the comma.
        if (tokens[i].Lower(text) is "who" && i >= 2 && !tokens[i - 1].IsWord && text[tokens[i - 1].Start] == ',')
            return Classify(text, tokens, NameStartBefore(text, tokens, i - 2), i - 2);
        int start = NameStartBefore(text, tokens, i);
        return Classify(text, tokens, start, i);
    }

    /// <summary>The person named right after a cue such as "quoting" or "according to", up to <paramref name="upperBound"/>.</summary>
    public static Speaker After(string text, int start, int upperBound)
    {
        var tokens = Tokens.Read(text, start, upperBound);
        if (tokens.Count == 0 || !tokens[0].IsWord) return Speaker.Nobody;
        var first = tokens[0].Lower(text);
        if (s_self.Contains(first) && !s_determiners.Contains(first)) return new Speaker(SpeakerKind.Self);
        if (first is "my" or "our") return new Speaker(SpeakerKind.Self);
        if (s_third.Contains(first) && first is not ("her" or "some" or "many")) return new Speaker(SpeakerKind.ThirdPerson);
        if (first == "you") return new Speaker(SpeakerKind.Listener);

        int end = 0;
        while (end + 1 < tokens.Count && end + 1 < MaxNameWords && tokens[end + 1].IsWord && Joined(text, tokens[end], tokens[end + 1])
            && IsNamePart(text, tokens[end + 1]) && !IsPossessive(text, tokens[end]))
            end++;
        while (end > 0 && s_connectors.Contains(tokens[end].Lower(text))) end--;
        return Classify(text, tokens, 0, end);
    }

    /// <summary>Walks back from <paramref name="last"/> over a name or a titled noun phrase; returns its first token.</summary>
    private static int NameStartBefore(string text, List<Token> tokens, int last)
    {
        if (last < 0 || !tokens[last].IsWord) return last + 1;
        int start = last;
        var lastWord = WithoutContraction(tokens[last].Lower(text));
        if (IsPronoun(lastWord)) return last;
        if (!IsNamePart(text, tokens[last])) return last + 1;
        while (start - 1 >= 0 && last - start < MaxNameWords && tokens[start - 1].IsWord && Joined(text, tokens[start - 1], tokens[start]))
        {
            var word = tokens[start - 1].Lower(text);
            if (s_determiners.Contains(word))
            {
                start--;
                break;
            }

            if (!IsNamePart(text, tokens[start - 1])) break;
            start--;
        }

        while (start < last && s_connectors.Contains(tokens[start].Lower(text)) && !s_determiners.Contains(tokens[start].Lower(text))) start++;
        return start;
    }

    private static Speaker Classify(string text, List<Token> tokens, int start, int end)
    {
        if (start < 0 || start > end || end >= tokens.Count) return Speaker.Nobody;
        if (start == end)
        {
            var only = WithoutContraction(tokens[start].Lower(text));
            if (s_self.Contains(only)) return new Speaker(SpeakerKind.Self);
            if (only == "you") return new Speaker(SpeakerKind.Listener);
            if (s_third.Contains(only)) return new Speaker(SpeakerKind.ThirdPerson);
            if (only is "nobody" or "none") return new Speaker(SpeakerKind.Negated);
        }

        var firstWord = tokens[start].Lower(text);
        if (firstWord is "my" or "our") return new Speaker(SpeakerKind.Self, new TextSpan(tokens[start].Start, tokens[end].End));
        bool person = false;
        for (int k = start; k <= end; k++)
        {
            var token = tokens[k];
            var word = token.Lower(text);
            if (s_personNouns.Contains(word)) person = true;
            else if (char.IsUpper(text[token.Start]) && !s_notNames.Contains(word) && !s_connectors.Contains(word) && !s_determiners.Contains(word)) person = true;
        }

        if (s_documents.Contains(WithoutPossessive(tokens[end].Lower(text)))) return Speaker.Nobody;
        return person ? new Speaker(SpeakerKind.Named, new TextSpan(tokens[start].Start, tokens[end].End)) : Speaker.Nobody;
    }

    /// <summary>Whether the word can be part of a name or title: a person noun, a connector, or a capitalised word that is not a function word.</summary>
    private static bool IsNamePart(string text, Token token)
    {
        var word = token.Lower(text);
        if (s_personNouns.Contains(word) || s_connectors.Contains(word)) return true;
        if (!char.IsUpper(text[token.Start])) return false;
        return !s_notNames.Contains(word) || s_titleAbbreviations.Contains(word);
    }

    /// <summary>The word without a trailing possessive ("Putin’s" gives "Putin").</summary>
    internal static string WithoutPossessive(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["’s", "'s", "’", "'"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal)) return word[..^suffix.Length];
        }

        return word;
    }

    /// <summary>"we’ve" gives "we", "he’s" gives "he": a pronoun's contraction with an auxiliary.</summary>
    private static string WithoutContraction(string word)
    {
        int apostrophe = word.IndexOfAny(['’', '\'']);
        if (apostrophe <= 0) return word;
        var stem = word[..apostrophe];
        return IsPronoun(stem) ? stem : word;
    }

    /// <summary>Whether the word at <paramref name="start"/> ends in "-ing".</summary>
    private static bool IsIngForm(string text, int start)
    {
        int end = start;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return end - start > 4 && text.AsSpan(end - 3, 3).SequenceEqual("ing");
    }

    private static bool IsPronoun(string word) => s_self.Contains(word) || s_third.Contains(word) || word is "you" or "nobody";

    private static bool IsPossessive(string text, Token token) =>
        text.AsSpan(token.Start, token.End - token.Start) is var w && (w.EndsWith("’s") || w.EndsWith("'s") || w.EndsWith("s’"));

    /// <summary>Whether two words are joined only by white space (a title's or an initial's dot belongs to its word).</summary>
    private static bool Joined(string text, Token left, Token right) => text.AsSpan(left.End, right.Start - left.End).IsWhiteSpace();

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
