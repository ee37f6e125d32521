using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Model;
using ChatBot.Text;

namespace ChatBot.Parsing;

/// <summary>
/// Recognises speaker labels by their shape ("Sergey Lavrov:", "MS. PSAKI:", "Question (retranslated):", "Q"),
/// classifies them into roles by generic role words, and turns them into display names. No speaker's name is
/// known in advance. Thread-safe.
/// </summary>
public static partial class SpeakerLabels
{
    private const int MaxLabelLength = 80;

    // A label: capitalised words (lower-case particles allowed between them), an optional parenthetical, a colon.
    [GeneratedRegex(@"\G(?<label>[\p{Lu}][\p{L}\p{M}'’\-]*\.?(?:[ \u00A0]+(?:[\p{Lu}][\p{L}\p{M}'’\-]*\.?|de|da|di|von|van|der|al|bin|ibn|la|le|del|dos|du|of|the|for|and)){0,7})(?:[ \u00A0]*\((?<qualifier>[^()\r\n]{1,80})\))?[ \u00A0]*:(?:[ \t\u00A0]+|[ \t\u00A0]*\r?\n|$)")]
    private static partial Regex LabelRegex();

    // The briefing convention: "Q" then spaces (often non-breaking), no colon.
    [GeneratedRegex(@"\GQ[.:]?(?:[ \t\u00A0]+|[ \t\u00A0]*\r?\n)(?=\S)")]
    private static partial Regex QuestionMarkRegex();

    private static readonly FrozenSet<string> s_questionLabels = new[]
    {
        "q", "question", "questions", "journalist", "reporter", "correspondent", "audience", "audience member",
        "participant", "student", "questioner", "media", "press", "follow-up question", "follow up question",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> s_questionWords = new[]
    {
        "journalist", "reporter", "correspondent", "questioner",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> s_otherHeads = new[]
    {
        "moderator", "operator", "aide", "interpreter", "translator", "host", "presenter", "announcer", "narrator",
        "staff", "voice", "emcee", "facilitator", "audience", "crowd", "unidentified",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that end a label naming an office rather than a person ("SENIOR ADMINISTRATION OFFICIAL", "THE PRESIDENT").
    private static readonly FrozenSet<string> s_genericTitles = new[]
    {
        "official", "officials", "president", "secretary", "spokesperson", "spokesman", "participant", "participants",
        "speaker", "minister", "ambassador", "director", "chair", "advisor", "adviser", "administrator", "representative",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> s_lowerParticles = new[]
    {
        "de", "da", "di", "von", "van", "der", "al", "bin", "ibn", "la", "le", "del", "dos", "du", "of", "the", "for", "and",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Matches a speaker label at <paramref name="start"/>: returns the label (without colon or parenthetical)
    /// and where the spoken words begin, or null when the text there is not a label.
    /// </summary>
    public static LabelMatch? Match(string text, int start, int end)
    {
        var q = QuestionMarkRegex().Match(text, start, end - start);
        if (q.Success)
            return new LabelMatch("Q", null, q.Index + q.Length, IsStrong: true);

        var m = LabelRegex().Match(text, start, Math.Min(end - start, MaxLabelLength + 100));
        if (!m.Success) return null;
        var label = Whitespace.Collapse(m.Groups["label"].Value);
        if (label.Length > MaxLabelLength) return null;
        var words = label.Split(' ');
        if (s_lowerParticles.Contains(words[^1])) return null;
        bool upperOnly = !label.Any(char.IsLower);
        int capitalised = words.Count(w => w.Length > 0 && char.IsUpper(w[0]));
        if (!upperOnly && capitalised > 5) return null;
        var qualifier = m.Groups["qualifier"].Success ? Whitespace.Collapse(m.Groups["qualifier"].Value) : null;
        int contentStart = m.Index + m.Length;
        while (contentStart < end && char.IsWhiteSpace(text[contentStart])) contentStart++;
        // "Note:" or "The United States and Russia:" may open an ordinary paragraph: such a label counts only when it
        // recurs (the caller decides). Upper-case labels, role words and person-like names count at once.
        bool strong = upperOnly || IsRoleWord(label) || LooksLikePersonName(words);
        return new LabelMatch(label, qualifier, contentStart, strong);
    }

    /// <summary>The role a label denotes: questions and procedural voices by generic role words, everyone else principal.</summary>
    public static SpeakerRole Classify(string label)
    {
        var key = Key(label);
        if (s_questionLabels.Contains(key) || key.StartsWith("question", StringComparison.Ordinal)) return SpeakerRole.Question;
        var words = key.Split(' ');
        if (words.Any(s_questionWords.Contains)) return SpeakerRole.Question;
        if (s_otherHeads.Contains(words[^1]) || s_otherHeads.Contains(words[0])) return SpeakerRole.Other;
        return SpeakerRole.Principal;
    }

    /// <summary>
    /// The name to show for a label. Questions show as "Question". An upper-case label ("MS. PSAKI") is resolved
    /// to the full name when <paramref name="knownNames"/> (names found in the title) holds one ending in the same
    /// surname ("Jen Psaki"); otherwise it is put in title case ("Mr. Kirby").
    /// </summary>
    public static string DisplayName(string label, IReadOnlyList<string> knownNames, string? title = null)
    {
        if (Classify(label) == SpeakerRole.Question) return "Question";
        if (label.Any(char.IsLower)) return label;
        if (SurnameWord(label) is not { } surname) return ToTitleCase(label);
        foreach (var name in knownNames)
        {
            var last = name.Split(' ')[^1];
            if (string.Equals(last, surname, StringComparison.OrdinalIgnoreCase)) return name;
        }

        return (title is null ? null : TitleNames.FullNameFor(title, surname)) ?? ToTitleCase(label);
    }

    /// <summary>
    /// The surname of a label in capitals that names a person ("AMBASSADOR TAI" gives "Tai"); null for a label in mixed
    /// case (already a name), a role ("MODERATOR") or an office ("SENIOR ADMINISTRATION OFFICIAL", "THE PRESIDENT").
    /// </summary>
    public static string? Surname(string label) =>
        Classify(label) == SpeakerRole.Principal && SurnameWord(label) is { Length: >= 2 } last ? ToTitleCase(last) : null;

    // The last word of a label in capitals, unless it names a role or an office ("MODERATOR", "OFFICIAL").
    private static string? SurnameWord(string label)
    {
        if (label.Any(char.IsLower)) return null;
        var last = label.Split(' ')[^1].TrimEnd('.');
        return s_otherHeads.Contains(last) || s_genericTitles.Contains(last) ? null : last;
    }

    /// <summary>Upper-case words in title case, keeping short particles lower-case.</summary>
    public static string ToTitleCase(string label)
    {
        var words = label.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i].ToLowerInvariant();
            if (i > 0 && s_lowerParticles.Contains(w)) { words[i] = w; continue; }
            words[i] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w);
        }

        return string.Join(' ', words);
    }

    /// <summary>Whether a single word names a role rather than a person ("Question", "Moderator").</summary>
    public static bool IsRoleWord(string label)
    {
        var key = Key(label);
        return s_questionLabels.Contains(key) || s_otherHeads.Contains(key) || key.StartsWith("question", StringComparison.Ordinal);
    }

    private static readonly FrozenSet<string> s_connectives = new[] { "the", "of", "for", "and", "The", "A", "An", "In", "On", "At", "To", "For", "As", "If", "But", "And", "Our", "My", "This", "That", "These", "Those", "Here", "There" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static bool LooksLikePersonName(string[] words)
    {
        if (words.Length is < 2 or > 4) return false;
        if (s_connectives.Contains(words[0])) return false;
        return words.All(w => !s_connectives.Contains(w));
    }

    private static string Key(string label) => Whitespace.Collapse(label.Replace(".", "", StringComparison.Ordinal)).ToLowerInvariant();

}

/// <summary>A speaker label found at the start of a paragraph.</summary>
/// <param name="Label">The label as written, white space collapsed, without colon or parenthetical.</param>
/// <param name="Qualifier">The parenthetical after the label ("retranslated"), if any.</param>
/// <param name="ContentStart">Where the spoken words begin.</param>
/// <param name="IsStrong">False for a lone title-case word, which counts as a label only when it recurs.</param>
public readonly record struct LabelMatch(string Label, string? Qualifier, int ContentStart, bool IsStrong);
