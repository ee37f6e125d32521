using System.Globalization;
using System.Text;

namespace ChatBot.Telegram.Tests.Spec;

/// <summary>An entity parsed from Telegram HTML: its tag and the range of visible text it covers.</summary>
internal sealed record HtmlEntity(string Tag, int Start, int End, string? Href)
{
    public string TextOf(string text) => text[Start..End];
}

/// <summary>The visible text of a Telegram HTML message, its entities, and whatever Telegram would reject.</summary>
internal sealed record ParsedHtml(string Text, IReadOnlyList<HtmlEntity> Entities, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public IEnumerable<string> Blockquotes => Entities.Where(e => e.Tag == "blockquote").Select(e => e.TextOf(Text));
}

/// <summary>
/// A strict reading of Telegram's HTML parse mode (written for the tests, independent of the bot's own helpers):
/// only the documented tags, attributes and entities (&amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones);
/// every bare <c>&lt;</c>, <c>&gt;</c> or <c>&amp;</c> is an error, as are unclosed or crossed tags.
/// </summary>
internal static class TelegramHtmlParser
{
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.Ordinal)
    {
        ["b"] = "bold", ["strong"] = "bold", ["i"] = "italic", ["em"] = "italic", ["u"] = "underline", ["ins"] = "underline",
        ["s"] = "strikethrough", ["strike"] = "strikethrough", ["del"] = "strikethrough", ["tg-spoiler"] = "spoiler",
        ["span"] = "spoiler", ["a"] = "a", ["code"] = "code", ["pre"] = "pre", ["blockquote"] = "blockquote",
        ["tg-emoji"] = "tg-emoji", ["tg-time"] = "tg-time",
    };

    public static ParsedHtml Parse(string html)
    {
        var text = new StringBuilder();
        var errors = new List<string>();
        var entities = new List<HtmlEntity>();
        var open = new Stack<(string Tag, string Kind, int Start, string? Href)>();
        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '<')
            {
                int close = html.IndexOf('>', i + 1);
                if (close < 0)
                {
                    errors.Add($"unclosed '<' at {i}");
                    break;
                }

                var tag = html[(i + 1)..close];
                i = close + 1;
                if (tag.StartsWith('/'))
                {
                    var name = tag[1..].Trim();
                    if (open.Count == 0 || open.Peek().Tag != name)
                    {
                        errors.Add($"closing </{name}> does not match {(open.Count == 0 ? "anything" : $"<{open.Peek().Tag}>")}");
                        continue;
                    }

                    var (_, kind, start, href) = open.Pop();
                    entities.Add(new HtmlEntity(kind, start, text.Length, href));
                    continue;
                }

                var (tagName, attributes, error) = ReadTag(tag);
                if (error is not null)
                {
                    errors.Add(error);
                    continue;
                }

                if (!s_aliases.TryGetValue(tagName, out var entityKind))
                {
                    errors.Add($"unsupported tag <{tagName}>");
                    continue;
                }

                string? link = null;
                switch (tagName)
                {
                    case "a":
                        if (!attributes.TryGetValue("href", out link) || link.Length == 0) errors.Add("<a> without href");
                        break;
                    case "span":
                        if (!attributes.TryGetValue("class", out var cls) || cls != "tg-spoiler") errors.Add("<span> without class=\"tg-spoiler\"");
                        break;
                    case "blockquote":
                        if (open.Any(o => o.Kind == "blockquote")) errors.Add("nested <blockquote>");
                        break;
                }

                if (tagName == "a" && open.Any(o => o.Kind == "a")) errors.Add("nested <a>");
                foreach (var attribute in attributes.Keys)
                {
                    bool known = (tagName, attribute) switch
                    {
                        ("a", "href") or ("span", "class") or ("blockquote", "expandable") or ("tg-emoji", "emoji-id") => true,
                        ("code", "class") or ("tg-time", "unix") or ("tg-time", "format") => true,
                        _ => false,
                    };
                    if (!known) errors.Add($"unsupported attribute {attribute} on <{tagName}>");
                }

                open.Push((tagName, entityKind, text.Length, link));
            }
            else if (c == '&')
            {
                int semi = html.IndexOf(';', i + 1);
                var decoded = semi < 0 ? null : Decode(html[(i + 1)..semi]);
                if (decoded is null)
                {
                    errors.Add($"bare or unsupported '&' at {i}");
                    text.Append(c);
                    i++;
                    continue;
                }

                text.Append(decoded);
                i = semi + 1;
            }
            else if (c == '>')
            {
                errors.Add($"bare '>' at {i}");
                text.Append(c);
                i++;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        foreach (var (tag, _, _, _) in open) errors.Add($"<{tag}> is never closed");
        return new ParsedHtml(text.ToString(), entities, errors);
    }

    /// <summary>The visible length Telegram limits (UTF-16 code units of the parsed text).</summary>
    public static int VisibleLength(string html) => Parse(html).Text.Length;

    private static (string Name, Dictionary<string, string> Attributes, string? Error) ReadTag(string tag)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = 0;
        while (i < tag.Length && (char.IsAsciiLetterLower(tag[i]) || tag[i] == '-')) i++;
        var name = tag[..i];
        if (name.Length == 0) return (name, attributes, $"malformed tag <{tag}>");
        while (i < tag.Length)
        {
            while (i < tag.Length && tag[i] == ' ') i++;
            if (i >= tag.Length) break;
            int start = i;
            while (i < tag.Length && (char.IsAsciiLetterLower(tag[i]) || tag[i] == '-')) i++;
            var attribute = tag[start..i];
            if (attribute.Length == 0) return (name, attributes, $"malformed attribute in <{tag}>");
            if (i < tag.Length && tag[i] == '=')
            {
                i++;
                if (i >= tag.Length || tag[i] is not ('"' or '\'')) return (name, attributes, $"unquoted attribute in <{tag}>");
                char quote = tag[i++];
                int end = tag.IndexOf(quote, i);
                if (end < 0) return (name, attributes, $"unterminated attribute in <{tag}>");
                var raw = tag[i..end];
                var value = DecodeAll(raw, out var bad);
                if (bad) return (name, attributes, $"bad entity in attribute of <{tag}>");
                attributes[attribute] = value;
                i = end + 1;
            }
            else
            {
                attributes[attribute] = "";
            }
        }

        return (name, attributes, null);
    }

    private static string DecodeAll(string raw, out bool bad)
    {
        bad = false;
        var sb = new StringBuilder();
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '&')
            {
                if (raw[i] is '<' or '>') bad = true;
                sb.Append(raw[i]);
                continue;
            }

            int semi = raw.IndexOf(';', i);
            var decoded = semi < 0 ? null : Decode(raw[(i + 1)..semi]);
            if (decoded is null)
            {
                bad = true;
                continue;
            }

            sb.Append(decoded);
            i = semi;
        }

        return sb.ToString();
    }

    private static string? Decode(string name)
    {
        switch (name)
        {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
        }

        if (name.Length > 1 && name[0] == '#')
        {
            bool hex = name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            if (int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code is > 0 and <= 0x10FFFF)
                return char.ConvertFromUtf32(code);
        }

        return null;
    }
}
