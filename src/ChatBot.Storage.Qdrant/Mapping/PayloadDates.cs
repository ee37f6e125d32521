using System.Globalization;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>Dates in payloads: range fields as RFC 3339 midnight UTC (for the datetime index), the plain date as yyyy-MM-dd.</summary>
internal static class PayloadDates
{
    public static string? ToDateTime(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd'T00:00:00Z'", CultureInfo.InvariantCulture);

    public static DateOnly? FromDateTime(string? value) =>
        value is null ? null : DateOnly.FromDateTime(DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime);

    /// <summary>Midnight UTC of the day, for datetime range conditions.</summary>
    public static DateTime ToUtc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static string? ToDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? FromDate(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
