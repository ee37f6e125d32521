using System.Text;

namespace ChatBot.Language;

/// <summary>
/// Reads the Russian glosses of one article of an English-Russian dictionary in Mueller's layout: a transcription in
/// brackets, numbered senses ("1.", "1)", "а)"), glosses separated by ";" and ",", labels such as "_n." or "_мат.",
/// comments in parentheses, and examples that mix English and Russian (an example ends the sense's glosses).
/// One pass over the characters: the whole dictionary (9 MB) is read on the first Russian question.
/// </summary>
internal static class MuellerArticle
{
    /// <summary>Glosses longer than this many words are descriptions, not translations.</summary>
    public const int MaxGlossWords = 3;

    /// <summary>
    /// The article's glosses made of Cyrillic words only, in article order, each with its rank and whether its sense
    /// carries a usage label (specialist, dated, figurative, regional...). The rank is the sense's number within its
    /// part of speech (from 0) plus the gloss's place in the sense: "play 2. _v. 1) играть" ranks играть 0.
    /// </summary>
    public static List<(string Gloss, int Rank, bool Labelled)> Glosses(string article)
    {
        var result = new List<(string, int, bool)>();
        var start = article.IndexOf('\n', StringComparison.Ordinal);
        if (start < 0)
        {
            return result;
        }

        var segment = new StringBuilder();
        var depth = 0;
        var segmentHasLatin = false;
        var senseHasExample = false;
        var labelled = false;
        var sense = 0;
        var place = 0;

        void EndSegment()
        {
            if (!segmentHasLatin && !senseHasExample && segment.Length > 0)
            {
                var gloss = Gloss(segment);
                if (gloss is not null)
                {
                    result.Add((gloss, sense + place, labelled));
                    place++;
                }
            }

            senseHasExample |= segmentHasLatin;
            segment.Clear();
            segmentHasLatin = false;
        }

        void NewSense(int? number)
        {
            EndSegment();
            senseHasExample = false;
            labelled = false;
            place = 0;
            if (number is { } n)
            {
                sense = Math.Max(0, n - 1);
            }
        }

        for (var i = start + 1; i < article.Length; i++)
        {
            var c = article[i];
            if (c is '(' or '[')
            {
                depth++;
                continue;
            }

            if (c is ')' or ']')
            {
                if (depth > 0)
                {
                    depth--;
                    continue;
                }

                // "а)" or "1)" ends a sense marker when no bracket is open.
                if (CutSenseMarker(segment, letters: true) is var (isMarker, number) && isMarker)
                {
                    NewSense(number);
                }

                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (c == '_' && i + 1 < article.Length && char.IsLetter(article[i + 1]))
            {
                // A label: _n. _pl. _мат. _уст.; the Cyrillic ones mark the sense as specialised.
                var j = i + 1;
                while (j < article.Length && (char.IsLetter(article[j]) || article[j] == '-'))
                {
                    j++;
                }

                labelled |= CyrillicTransliterator.IsCyrillic(article[i + 1]);
                i = j < article.Length && article[j] == '.' ? j : j - 1;
                segment.Append(' ');
                continue;
            }

            if (c is ';' or ',' or ':')
            {
                EndSegment();
                continue;
            }

            if (c == '.' && CutSenseMarker(segment, letters: false).IsMarker)
            {
                // "1." starts a part of speech: its senses count from 0 again.
                NewSense(1);
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                segmentHasLatin = true;
            }

            segment.Append(c == '\n' ? ' ' : c);
        }

        EndSegment();
        return result;
    }

    // When the segment ends with a sense number (the "2" of "2)" or "2.") or letter ("а" of "а)"), removes it and
    // returns true; the text before it is the previous sense's last gloss.
    // The number is that of "2)" (null for a letter).
    private static (bool IsMarker, int? Number) CutSenseMarker(StringBuilder segment, bool letters)
    {
        var end = segment.Length;
        var begin = end;
        while (begin > 0 && !char.IsWhiteSpace(segment[begin - 1]))
        {
            begin--;
        }

        if (begin == end)
        {
            return (false, null);
        }

        var token = segment.ToString(begin, end - begin);
        var digits = token.Length <= 3 && token.All(char.IsAsciiDigit);
        if (!digits && !(letters && token.Length == 1 && CyrillicTransliterator.IsCyrillic(token[0])))
        {
            return (false, null);
        }

        segment.Length = begin;
        return (true, digits ? int.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static string? Gloss(StringBuilder segment)
    {
        var words = segment.ToString().Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > MaxGlossWords)
        {
            return null;
        }

        foreach (var word in words)
        {
            if (!CyrillicTransliterator.IsCyrillic(word[0]) || !word.All(c => CyrillicTransliterator.IsCyrillic(c) || c == '-'))
            {
                return null;
            }
        }

        return string.Join(' ', words);
    }
}
