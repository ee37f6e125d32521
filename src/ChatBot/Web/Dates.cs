using System.Globalization;
using ChatBot.Model;

namespace ChatBot.Web;

/// <summary>Dates as people read them ("8 November 2017", or the year alone).</summary>
internal static class Dates
{
    public static string Display(DocumentInfo d) =>
        d.Date is { } date ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : d.Year?.ToString(CultureInfo.InvariantCulture) ?? "undated";
}
