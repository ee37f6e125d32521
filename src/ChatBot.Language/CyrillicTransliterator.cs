using System.Text;

namespace ChatBot.Language;

/// <summary>
/// Romanises Cyrillic with the BGN/PCGN system, written in plain ASCII (no diacritics or primes):
/// Лавров -> Lavrov, Зеленский -> Zelenskiy, Байден -> Bayden, Елена -> Yelena. Other characters are kept.
/// </summary>
public static class CyrillicTransliterator
{
    /// <summary>True when <paramref name="text"/> holds at least one Cyrillic letter.</summary>
    public static bool ContainsCyrillic(string text) => text.Any(IsCyrillic);

    /// <summary>True for a Cyrillic letter (U+0400 to U+04FF).</summary>
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>The text with every Cyrillic letter romanised; the case of a word's first letter is kept.</summary>
    public static string Transliterate(string cyrillic)
    {
        ArgumentNullException.ThrowIfNull(cyrillic);
        var sb = new StringBuilder(cyrillic.Length + 8);
        for (var i = 0; i < cyrillic.Length; i++)
        {
            var c = cyrillic[i];
            if (!IsCyrillic(c))
            {
                sb.Append(c);
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var previous = i > 0 ? char.ToLowerInvariant(cyrillic[i - 1]) : ' ';
            var latin = Romanise(lower, previous);
            if (latin.Length == 0)
            {
                continue;
            }

            if (char.IsUpper(c))
            {
                // Whole-word capitals (НАТО) stay capitals; a capital initial gives one capital letter (Шойгу -> Shoygu).
                var next = i + 1 < cyrillic.Length ? cyrillic[i + 1] : ' ';
                var allCaps = char.IsUpper(next) || (i > 0 && char.IsUpper(cyrillic[i - 1]) && !char.IsLetter(next));
                sb.Append(allCaps ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..]);
            }
            else
            {
                sb.Append(latin);
            }
        }

        return sb.ToString();
    }

    private static string Romanise(char c, char previous) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d",
        // BGN/PCGN: "ye" at the start of a word and after a vowel, й, ъ or ь.
        'е' => StartsSyllable(previous) ? "ye" : "e",
        'ё' => StartsSyllable(previous) ? "yo" : "e",
        'ж' => "zh", 'з' => "z", 'и' => "i", 'й' => "y", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n",
        'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh",
        'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ъ' => "", 'ы' => "y", 'ь' => "", 'э' => "e",
        'ю' => "yu", 'я' => "ya",
        // Ukrainian and Belarusian letters.
        'і' => "i", 'ї' => "yi", 'є' => "ye", 'ґ' => "g", 'ў' => "w",
        _ => "",
    };

    private static bool StartsSyllable(char previous) =>
        !IsCyrillic(previous) || "аеёиоуыэюяйъьіїє".Contains(previous, StringComparison.Ordinal);
}
