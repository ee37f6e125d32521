namespace ChatBot.Parsing;

/// <summary>
/// The title <see cref="UnGeneralDebateParser"/> gives a speech ("Statement by Sergey Lavrov, Minister for Foreign
/// Affairs of Russia, general debate of the 71st session of the UN General Assembly"), written and read back in this
/// one place so that a citation can take the country out of it.
/// </summary>
internal static class UnGeneralDebateTitle
{
    private const string SessionPart = ", general debate of the ";

    /// <summary>The title of a speech by <paramref name="speaker"/> (with <paramref name="post"/>, when known) for <paramref name="country"/>.</summary>
    public static string Format(string speaker, string? post, string country, int session) =>
        $"{Who(speaker, post)} of {country}{SessionPart}{Ordinal(session)} session of the UN General Assembly";

    /// <summary>The country a title of this form names for the speaker and post it was written with, or null.</summary>
    public static string? Country(string title, string speaker, string? post)
    {
        var who = Who(speaker, post) + " of ";
        if (!title.StartsWith(who, StringComparison.Ordinal)) return null;
        int end = title.LastIndexOf(SessionPart, StringComparison.Ordinal);
        return end > who.Length ? title[who.Length..end].Trim() : null;
    }

    /// <summary>"1st", "2nd", "71st", "111th".</summary>
    public static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Who(string speaker, string? post) => $"Statement by {speaker}{(post is null ? "" : ", " + post)}";
}
