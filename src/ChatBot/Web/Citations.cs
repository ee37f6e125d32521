using System.Text;
using ChatBot.Answering;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Text;

namespace ChatBot.Web;

/// <summary>
/// The citation a journalist pastes: the quote as prose (the source file's line breaks within a paragraph joined,
/// Markdown emphasis dropped: <see cref="DisplayText.ForReading"/>), then the quote's <see cref="Citation"/> (who,
/// event, place, date, link), and this quote's permalink unless the citation links the published transcript.
/// </summary>
internal static class Citations
{
    /// <summary>"“quote” — Sergey Lavrov, Post · Event · Place, 8 November 2017 · https://..."</summary>
    public static string PlainText(QuoteResult q, string permalink)
    {
        var citation = CitationBuilder.For(q);
        var line = $"“{DisplayText.ForReading(q.Text)}”\n— {citation}";
        return citation.LinkKind == CitationLinkKind.Source ? line : $"{line}{Citation.Separator}{permalink}";
    }

    /// <summary>A Markdown block quote with the citation under it, the event linked to the published transcript and the quote linked by permalink.</summary>
    public static string Markdown(QuoteResult q, string permalink)
    {
        var citation = CitationBuilder.For(q);
        var sb = new StringBuilder();
        var paragraphs = DisplayText.ForReading(q.Text).Split("\n\n");
        for (int i = 0; i < paragraphs.Length; i++)
        {
            if (i > 0) sb.Append(">\n");
            sb.Append("> ").Append(paragraphs[i]).Append('\n');
        }

        sb.Append("\n— **").Append(Escape(citation.Speaker)).Append("**");
        if (citation.Post is { } post) sb.Append(", ").Append(Escape(post));
        sb.Append(Citation.Separator);
        if (citation.LinkKind == CitationLinkKind.Source) sb.Append(Link(citation.Event, citation.Link!));
        else sb.Append('*').Append(Escape(citation.Event)).Append('*');
        if (citation.Where is { } where) sb.Append(Citation.Separator).Append(Escape(where));
        if (citation.LinkKind == CitationLinkKind.Reference) sb.Append(Citation.Separator).Append(Link(citation.LinkTitle ?? "Link", citation.Link!));
        sb.Append(" ([transcript](").Append(permalink).Append("))");
        return sb.ToString();
    }

    private static string Link(string text, string url) => $"[{Escape(text)}]({url.Replace(")", "%29", StringComparison.Ordinal)})";

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`') sb.Append('\\');
            sb.Append(c);
        }

        return sb.ToString();
    }
}
