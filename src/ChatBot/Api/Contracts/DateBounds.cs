using System.Globalization;

namespace ChatBot.Api.Contracts;

/// <summary>Parses date bounds written as YYYY, YYYY-MM or YYYY-MM-DD; a lower bound takes the first day, an upper bound the last.</summary>
public static class DateBounds
{
    /// <summary>The bound, or null for empty input.</summary>
    /// <exception cref="FormatException">The text is not such a date.</exception>
    public static DateOnly? Parse(string? text, bool upper)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        var c = CultureInfo.InvariantCulture;
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, c, out int year) && year is >= 1 and <= 9999)
            return upper ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        // The month's last day from its length, so "9999-12" stays inside the calendar (adding a month would overflow).
        if (DateOnly.TryParseExact(s, "yyyy-MM", c, DateTimeStyles.None, out var month))
            return upper ? new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)) : month;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", c, DateTimeStyles.None, out var day)) return day;
        throw new FormatException($"'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.");
    }
}
