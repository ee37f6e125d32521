using System.Globalization;
using System.Text;

namespace ChatBot.Model;

/// <summary>
/// Who said a quote, at what event, where, when, and where to read it: the one citation model every front end renders
/// (built by <c>ChatBot.Answering.CitationBuilder</c>). The parts do not repeat one another: <see cref="Event"/> names
/// neither the speaker nor the post, and <see cref="Place"/> leaves out what the event already says.
/// </summary>
public sealed record Citation
{
    /// <summary>Separates the parts of a one-line citation.</summary>
    public const string Separator = " · ";

    /// <summary>Who said it ("Sergey Lavrov").</summary>
    public required string Speaker { get; init; }

    /// <summary>The speaker's office, with the country when the source gives it ("Minister for Foreign Affairs of Russia"); null when unknown.</summary>
    public string? Post { get; init; }

    /// <summary>The event, short ("UN General Assembly, 71st session, general debate", "Press Briefing").</summary>
    public required string Event { get; init; }

    /// <summary>Where, as far as the event does not say it already ("New York", "James S. Brady Press Briefing Room"); null when unknown.</summary>
    public string? Place { get; init; }

    /// <summary>The day, when known.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The year, when known (with or without <see cref="Date"/>).</summary>
    public int? Year { get; init; }

    /// <summary>Where to read it, or null when no address is known.</summary>
    public string? Link { get; init; }

    /// <summary>What <see cref="Link"/> leads to; null without a link.</summary>
    public CitationLinkKind? LinkKind { get; init; }

    /// <summary>The link's name for a reader ("Transcript", "UN General Debate page"); null without a link.</summary>
    public string? LinkTitle { get; init; }

    /// <summary>"Sergey Lavrov, Minister for Foreign Affairs of Russia".</summary>
    public string Who => Post is null ? Speaker : $"{Speaker}, {Post}";

    /// <summary>The date as people write it ("8 November 2017"), the year alone, or null.</summary>
    public string? DateText => Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? Year?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The date as ISO text ("2017-11-08"), the year alone, or null.</summary>
    public string? IsoDate => Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Year?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Place and date ("New York, 2016", "Da Nang, 8 November 2017"), or null when neither is known.</summary>
    public string? Where => (Place, DateText) switch
    {
        ({ } p, { } d) => $"{p}, {d}",
        ({ } p, null) => p,
        (null, { } d) => d,
        _ => null,
    };

    /// <summary>
    /// The citation on one line: "Who · Event · Place, Date", then the link when <paramref name="withLink"/> is set
    /// (a reference page named as such: "· UN General Debate page: https://...").
    /// </summary>
    public string ToString(bool withLink)
    {
        var sb = new StringBuilder(Who).Append(Separator).Append(Event);
        if (Where is { } where) sb.Append(Separator).Append(where);
        if (withLink && Link is { } link)
        {
            sb.Append(Separator);
            if (LinkKind == CitationLinkKind.Reference && LinkTitle is { } title) sb.Append(title).Append(": ");
            sb.Append(link);
        }

        return sb.ToString();
    }

    /// <summary>The citation on one line with its link (<see cref="ToString(bool)"/>).</summary>
    public override string ToString() => ToString(withLink: true);
}
