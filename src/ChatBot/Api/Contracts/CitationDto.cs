using ChatBot.Model;

namespace ChatBot.Api.Contracts;

/// <summary>
/// How to cite a quote, from the one citation model (<see cref="Citation"/>): its parts, which do not repeat one
/// another, and the whole on one line.
/// </summary>
/// <param name="Text">The citation on one line: "Sergey Lavrov, Minister for Foreign Affairs of Russia · UN General Assembly, 71st session, general debate · New York, 2016".</param>
/// <param name="Speaker">Who said it.</param>
/// <param name="Post">The speaker's office, with the country when the source gives it.</param>
/// <param name="Event">The event, naming neither the speaker nor the post.</param>
/// <param name="Place">Where, as far as the event does not say it.</param>
/// <param name="Date">ISO date, or the year alone.</param>
/// <param name="DateText">The date as people write it ("8 November 2017").</param>
/// <param name="Link">Where to read it: the published transcript, or a stable reference page (<c>link_kind</c>).</param>
/// <param name="LinkKind"><c>source</c> (the published transcript) or <c>reference</c> (the UN's page of a General Debate speech); null without a link.</param>
/// <param name="LinkTitle">The link's name for a reader ("Transcript", "UN General Debate page").</param>
public sealed record CitationDto(
    string Text, string Speaker, string? Post, string Event, string? Place, string? Date, string? DateText, string? Link, CitationLinkKind? LinkKind, string? LinkTitle)
{
    /// <summary>Maps a citation.</summary>
    public static CitationDto Of(Citation c) =>
        new(c.ToString(withLink: false), c.Speaker, c.Post, c.Event, c.Place, c.IsoDate, c.DateText, c.Link, c.LinkKind, c.LinkTitle);
}
