using System.Globalization;
using System.Text;

namespace ChatBot.Telegram.Formatting;

/// <summary>
/// Telegram's HTML parse mode: escaping, safe links and the visible length of a message
/// (what Telegram counts against its 4096-character limit, after tags and entities are parsed).
/// </summary>
internal static class TelegramHtml
{
    /// <summary>Escapes text for use between tags: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Escapes text for a double-quoted attribute value.</summary>
    public static string EscapeAttribute(string text) => Escape(text).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>An absolute http(s) URL fit for <c>&lt;a href&gt;</c>, or null.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>
    /// The length Telegram counts for <paramref name="html"/>: characters outside tags, each entity counting as the
    /// characters it stands for, in UTF-16 code units (never less than Telegram's own count).
    /// </summary>
    public static int VisibleLength(string html)
    {
        int length = 0;
        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '<')
            {
                int close = html.IndexOf('>', i + 1);
                if (close < 0) return length + (html.Length - i);
                i = close + 1;
            }
            else if (c == '&')
            {
                int semi = html.IndexOf(';', i + 1);
                if (semi < 0 || semi - i > 12)
                {
                    length++;
                    i++;
                    continue;
                }

                length += EntityLength(html.AsSpan(i + 1, semi - i - 1));
                i = semi + 1;
            }
            else
            {
                length++;
                i++;
            }
        }

        return length;
    }

    private static int EntityLength(ReadOnlySpan<char> name)
    {
        if (name.Length > 1 && name[0] == '#')
        {
            bool hex = name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            if (int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int code))
                return code > 0xFFFF ? 2 : 1;
        }

        return 1;
    }
}
