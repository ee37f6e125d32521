using System.Globalization;
using ChatBot.Answering;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Text;

namespace ChatBot.Web;

/// <summary>
/// One quote as a card: the verbatim words in the reader's paragraphs, a note when they relay someone else's words, its
/// <see cref="Citation"/> (who, then date, place and event), the question it answers (collapsed), links and copy buttons.
/// </summary>
internal static class QuoteCard
{
    /// <summary>The transcript page with this quote highlighted.</summary>
    public static string TranscriptLink(QuoteResult q) =>
        string.Create(CultureInfo.InvariantCulture, $"/documents/{Uri.EscapeDataString(q.Document.Id)}?start={q.Start}&end={q.End}#quote");

    public static void Render(Html html, QuoteResult q, int? number, string origin, string? id = null)
    {
        var citation = CitationBuilder.For(q);
        var link = TranscriptLink(q);
        var permalink = origin + link;
        html.Add($"""<article class="card" id="{id ?? ""}" data-plain="{Citations.PlainText(q, permalink)}" data-markdown="{Citations.Markdown(q, permalink)}">""");
        html.Add($"<blockquote>");
        if (number is int n) html.Add($"""<span class="n">[{n}]</span>""");
        html.Add($"“");
        VerbatimHtml.Add(html, q.Text, 0, q.Text.Length, DisplayText.Paragraphs(q.Text));
        html.Add($"”</blockquote>");
        // Someone else's words inside the quote, said under it so they are not read as the speaker's (one wording, RelayedNote).
        if (RelayedNote.For(q) is { } relayed) html.Add($"""<p class="relayed" role="note">{relayed}</p>""");
        html.Add($"""<p class="who"><strong>{citation.Speaker}</strong>""");
        if (citation.Post is { } post) html.Add($", {post}");
        if (q.Role == SpeakerRole.Question) html.Add($""" <span class="role">(journalist's question)</span>""");
        html.Add($"</p>");
        html.Add($"""<p class="where">""");
        if (citation.IsoDate is { } date) html.Add($"""<time datetime="{date}">{citation.DateText}</time> · """);
        if (citation.Place is { } place) html.Add($"{place} · ");
        html.Add($"<cite>{citation.Event}</cite></p>");
        if (q.Question is { Length: > 0 } question)
            html.Add($"""<details><summary>Journalist's question</summary><p>{DisplayText.ForReading(question)}</p></details>""");
        html.Add($"""<p class="actions"><a href="{link}">Open in transcript</a>""");
        if (citation.Link is { } url)
            html.Add($"""<a href="{url}" rel="noopener noreferrer">{(citation.LinkKind == CitationLinkKind.Source ? "Source" : citation.LinkTitle)}</a>""");
        html.Add($"""<button type="button" class="js-only" data-copy="plain">Copy citation</button><button type="button" class="js-only secondary" data-copy="markdown">Copy as Markdown</button></p>""");
        html.Add($"</article>");
    }
}
