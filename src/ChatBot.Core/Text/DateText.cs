using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Text;

/// <summary>English dates written out: "November 8, 2017", "8 November 2017", "Nov. 8, 2017".</summary>
public static partial class DateText
{
    private const string Month = @"(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?";

    [GeneratedRegex(Month + @"[ \u00A0]+(?<day>\d{1,2})(?:st|nd|rd|th)?,?[ \u00A0]+(?<year>\d{4})|(?<day>\d{1,2})(?:st|nd|rd|th)?[ \u00A0]+" + Month + @",?[ \u00A0]+(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex FullDateRegex();

    /// <summary>All written-out dates in <paramref name="text"/>, with where each stands.</summary>
    public static IEnumerable<(DateOnly Date, int Index, int Length)> FindAll(string text)
    {
        foreach (Match m in FullDateRegex().Matches(text))
        {
            if (TryBuild(m, out var date)) yield return (date, m.Index, m.Length);
        }
    }

    /// <summary>The last written-out date in <paramref name="text"/>, if any.</summary>
    public static (DateOnly Date, int Index, int Length)? FindLast(string text)
    {
        (DateOnly, int, int)? last = null;
        foreach (var d in FindAll(text)) last = d;
        return last;
    }

    /// <summary>Month number (1-12) of an English month name or abbreviation, or 0.</summary>
    public static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        if (key.Length < 3) return 0;
        for (int i = 1; i <= 12; i++)
        {
            var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(i).ToLowerInvariant();
            if (full == key || (key.Length >= 3 && full.StartsWith(key, StringComparison.Ordinal) && key.Length <= 4)) return i;
        }

        return 0;
    }

    private static bool TryBuild(Match m, out DateOnly date)
    {
        date = default;
        int month = MonthNumber(m.Groups["month"].Value);
        if (month == 0 || !int.TryParse(m.Groups["day"].Value, out int day) || !int.TryParse(m.Groups["year"].Value, out int year)) return false;
        if (year is < 1900 or > 2100 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
