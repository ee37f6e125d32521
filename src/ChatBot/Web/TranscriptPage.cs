using System.Globalization;
using System.Text;
using ChatBot.Model;
using ChatBot.Storage;
using ChatBot.Text;

namespace ChatBot.Web;

/// <summary>
/// <c>GET /documents/{id}?start=&amp;end=</c>: the whole stored text, turn by turn, styled by role, in its reader's
/// paragraphs (<see cref="VerbatimHtml"/>: the source file's line breaks within a paragraph do not show), with the span
/// <c>text[start..end]</c> marked (<c>&lt;mark id="quote"&gt;</c>) and scrolled to by the <c>#quote</c> fragment.
/// </summary>
internal static class TranscriptPage
{
    /// <summary>Words taken from each end of a long quote for a text-fragment link (<c>#:~:text=start,end</c>).</summary>
    private const int FragmentEdgeWords = 5;

    /// <summary>Quotes up to this many words are linked whole.</summary>
    private const int FragmentWholeWords = 12;

    public static async Task<IResult> HandleAsync(HttpContext http, string id, ITranscriptStore store, CancellationToken ct)
    {
        var document = await store.GetDocumentAsync(id, ct);
        var body = new Html();
        if (document is null)
        {
            body.Add($"""<h1>Transcript not found</h1><p class="error" role="alert">No stored transcript has the id “{id}”. It may have been re-ingested under a new id; search for the quote again from the <a href="/">search page</a>.</p>""");
            return WebPages.Page(http, PageLayout.Render("Transcript not found", "", body), StatusCodes.Status404NotFound);
        }

        var (span, problem) = ReadSpan(http.Request.Query, document);
        body.Add($"<h1>{document.Title}</h1>");
        body.Add($"""<p class="doc-meta">""");
        if (document.DateText is { } date) body.Add($"""<time datetime="{date}">{Dates.Display(document)}</time> · """);
        if (document.Place is { } place) body.Add($"{place} · ");
        if (document.Url is { } url && IsWebPage(url)) body.Add($"""<a href="{url}" rel="noopener noreferrer">Original page</a> · """);
        body.Add($"""source file <code>{document.Source}</code></p>""");
        if (problem is not null) body.Add($"""<p class="error" role="alert">{problem}</p>""");

        var turn = span is { } s ? document.Turns.FirstOrDefault(t => t.Start <= s.Start && s.End <= t.End) : null;
        if (span is { } q && turn is not null)
        {
            var quote = document.Text[q.Start..q.End];
            var permalink = string.Create(CultureInfo.InvariantCulture, $"/documents/{Uri.EscapeDataString(document.Id)}?start={q.Start}&end={q.End}#quote");
            body.Add($"""<p class="note">The highlighted quote is characters {q.Start}–{q.End} of the stored text. <a href="{permalink}">Permalink to this quote</a>""");
            if (document.Url is { } source && IsWebPage(source)) body.Add($""" · <a href="{TextFragmentLink(source, quote)}" rel="noopener noreferrer">This passage on the original page</a>""");
            body.Add($".</p>");
        }
        else if (span is not null)
        {
            body.Add($"""<p class="error" role="alert">Characters {span.Value.Start}–{span.Value.End} do not lie within one speaker's turn, so nothing is highlighted.</p>""");
        }

        foreach (var t in document.Turns)
        {
            var role = t.Role switch { SpeakerRole.Principal => "principal", SpeakerRole.Question => "question", _ => "other" };
            body.Add($"""<section class="turn {role}" id="t{t.Index}"><h2>{t.Label ?? t.Speaker}""");
            if (t.Post is { } post) body.Add($", {post}");
            var roleLabel = t.Role switch { SpeakerRole.Question => "journalist", SpeakerRole.Other => "moderator or other", _ => null };
            if (roleLabel is not null) body.Add($""" <span class="role">({roleLabel})</span>""");
            body.Add($"""</h2><p class="words">""");
            var paragraphs = DisplayText.Paragraphs(document.Text, t.Start, t.End);
            if (turn == t && span is { } m)
            {
                VerbatimHtml.Add(body, document.Text, t.Start, m.Start, paragraphs);
                body.Add($"""<mark id="quote" tabindex="-1">""");
                VerbatimHtml.Add(body, document.Text, m.Start, m.End, paragraphs);
                body.Add($"</mark>");
                VerbatimHtml.Add(body, document.Text, m.End, t.End, paragraphs);
            }
            else
            {
                VerbatimHtml.Add(body, document.Text, t.Start, t.End, paragraphs);
            }

            body.Add($"</p></section>");
        }

        return WebPages.Page(http, PageLayout.Render(document.Title, "", body));
    }

    /// <summary>The quote's span from <c>start</c> and <c>end</c>, or a sentence saying why they cannot be used.</summary>
    private static ((int Start, int End)? Span, string? Problem) ReadSpan(IQueryCollection query, TranscriptDocument document)
    {
        string start = query["start"].ToString(), end = query["end"].ToString();
        if (start.Length == 0 && end.Length == 0) return (null, null);
        if (!int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out int s) || !int.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out int e))
            return (null, "The quote's position must be two whole numbers, start and end; the whole transcript is shown instead.");
        if (s >= e || e > document.Text.Length)
            return (null, $"Characters {s}–{e} are not a passage of this transcript, which is {document.Text.Length} characters long; the whole transcript is shown instead.");
        return ((s, e), null);
    }

    private static bool IsWebPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// A link that makes the browser scroll to and highlight the quote on the original page (URL text fragments): the
    /// whole quote when short, else its first and last words (<c>#:~:text=start,end</c>).
    /// </summary>
    public static string TextFragmentLink(string url, string quote)
    {
        var words = Whitespace.Collapse(MarkupText.StripEmphasis(quote)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fragment = new StringBuilder(url.Split('#')[0]).Append("#:~:text=");
        if (words.Length <= FragmentWholeWords) fragment.Append(Escape(string.Join(' ', words)));
        else fragment.Append(Escape(string.Join(' ', words[..FragmentEdgeWords]))).Append(',').Append(Escape(string.Join(' ', words[^FragmentEdgeWords..])));
        return fragment.ToString();
    }

    // Text directives reserve '-', ',' and '&'; EscapeDataString leaves '-' alone.
    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("-", "%2D", StringComparison.Ordinal);
}
