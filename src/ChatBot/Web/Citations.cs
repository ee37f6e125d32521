using System.Text;
using ChatBot.Answering;
using ChatBot.Retrieval;

namespace ChatBot.Web;

/// <summary>
/// The citation a journalist pastes: the quote, then who, where and when (<see cref="AnswerService.Citation"/>, the
/// project's one citation line), and a link: the published source when there is one, else this quote's permalink.
/// </summary>
internal static class Citations
{
    /// <summary>"“quote” — Sergey Lavrov, Post · Title, Place, 2017-11-08 · https://..."</summary>
    public static string PlainText(QuoteResult q, string permalink)
    {
        var line = AnswerService.Citation(q);
        return q.Document.Url is null ? $"“{q.Text}”\n— {line} · {permalink}" : $"“{q.Text}”\n— {line}";
    }

    /// <summary>A Markdown block quote with the citation under it, the title linked to the source and the transcript linked by permalink.</summary>
    public static string Markdown(QuoteResult q, string permalink)
    {
        var sb = new StringBuilder();
        foreach (var line in q.Text.Split('\n')) sb.Append("> ").Append(line.TrimEnd('\r')).Append('\n');
        sb.Append("\n— **").Append(Escape(q.Speaker)).Append("**");
        if (q.Post is { } post) sb.Append(", ").Append(Escape(post));
        sb.Append(", ");
        if (q.Document.Url is { } url) sb.Append('[').Append(Escape(q.Document.Title)).Append("](").Append(url.Replace(")", "%29", StringComparison.Ordinal)).Append(')');
        else sb.Append('*').Append(Escape(q.Document.Title)).Append('*');
        if (q.Document.Place is { } place) sb.Append(", ").Append(Escape(place));
        if (q.Document.DateText is { } date) sb.Append(", ").Append(date);
        sb.Append(" ([transcript](").Append(permalink).Append("))");
        return sb.ToString();
    }

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
