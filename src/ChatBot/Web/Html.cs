using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ChatBot.Web;

/// <summary>Markup that is already safe (written by us, or encoded): inserted as is.</summary>
internal readonly record struct Markup(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// An HTML page being written. Interpolated holes are HTML-encoded unless they are <see cref="Markup"/>, so text from
/// the corpus or the request can only be inserted encoded: <c>html.Add($"&lt;p&gt;{quote}&lt;/p&gt;")</c>.
/// </summary>
internal sealed class Html
{
    /// <summary>Encodes markup characters (&lt; &gt; &amp; quotes) but leaves letters of every script as they are.</summary>
    internal static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _sb = new(8192);

    public Html Add([InterpolatedStringHandlerArgument("")] ref HtmlInterpolation markup) => this;

    public Html Add(Markup markup)
    {
        _sb.Append(markup.Value);
        return this;
    }

    /// <summary>Appends encoded text.</summary>
    public Html Text(string? text)
    {
        if (text is not null) _sb.Append(s_encoder.Encode(text));
        return this;
    }

    internal StringBuilder Builder => _sb;

    public override string ToString() => _sb.ToString();

    /// <summary>Encodes text for an element or attribute.</summary>
    public static Markup Encode(string? text) => new(text is null ? "" : s_encoder.Encode(text));
}

/// <summary>The interpolation handler of <see cref="Html.Add(ref HtmlInterpolation)"/>: literals raw, holes encoded.</summary>
[InterpolatedStringHandler]
internal ref struct HtmlInterpolation
{
    private readonly StringBuilder _sb;

    public HtmlInterpolation(int literalLength, int formattedCount, Html html)
    {
        _ = literalLength;
        _ = formattedCount;
        _sb = html.Builder;
    }

    public readonly void AppendLiteral(string literal) => _sb.Append(literal);

    public readonly void AppendFormatted(Markup markup) => _sb.Append(markup.Value);

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        _sb.Append(Html.s_encoder.Encode(text));
    }
}
