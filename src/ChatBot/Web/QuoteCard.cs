using System.Globalization;
using ChatBot.Retrieval;

namespace ChatBot.Web;

/// <summary>One quote as a card: the verbatim words, who and where, the question it answers (collapsed), links and copy buttons.</summary>
internal static class QuoteCard
{
    /// <summary>The transcript page with this quote highlighted.</summary>
    public static string TranscriptLink(QuoteResult q) =>
        string.Create(CultureInfo.InvariantCulture, $"/documents/{Uri.EscapeDataString(q.Document.Id)}?start={q.Start}&end={q.End}#quote");

    public static void Render(Html html, QuoteResult q, int? number, string origin, string? id = null)
    {
        var link = TranscriptLink(q);
        var permalink = origin + link;
        html.Add($"""<article class="card" id="{id ?? ""}" data-plain="{Citations.PlainText(q, permalink)}" data-markdown="{Citations.Markdown(q, permalink)}">""");
        html.Add($"<blockquote>");
        if (number is int n) html.Add($"""<span class="n">[{n}]</span>""");
        html.Add($"“{q.Text}”</blockquote>");
        html.Add($"""<p class="who"><strong>{q.Speaker}</strong>""");
        if (q.Post is { } post) html.Add($", {post}");
        if (q.Role == Model.SpeakerRole.Question) html.Add($""" <span class="role">(journalist's question)</span>""");
        html.Add($"</p>");
        html.Add($"""<p class="where">""");
        if (q.Document.DateText is { } date) html.Add($"""<time datetime="{date}">{Dates.Display(q.Document)}</time> · """);
        if (q.Document.Place is { } place) html.Add($"{place} · ");
        html.Add($"<cite>{q.Document.Title}</cite></p>");
        if (q.Question is { Length: > 0 } question)
            html.Add($"""<details><summary>Journalist's question</summary><p>{question}</p></details>""");
        html.Add($"""<p class="actions"><a href="{link}">Open in transcript</a>""");
        if (q.Document.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out _))
            html.Add($"""<a href="{url}" rel="noopener noreferrer">Source</a>""");
        html.Add($"""<button type="button" class="js-only" data-copy="plain">Copy citation</button><button type="button" class="js-only secondary" data-copy="markdown">Copy as Markdown</button></p>""");
        html.Add($"</article>");
    }
}
