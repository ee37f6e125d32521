namespace ChatBot.Telegram.Formatting;

/// <summary>A piece of a reply that <see cref="MessageComposer"/> packs into messages.</summary>
internal abstract record MessageBlock;

/// <summary>Ready HTML that is short and must stay whole (a heading, a citation line).</summary>
internal sealed record HtmlBlock(string Html) : MessageBlock;

/// <summary>A paragraph of plain text; split on sentence, then word boundaries when longer than a message.</summary>
/// <param name="Text">The text, unescaped.</param>
/// <param name="Style">Bold or italic for the whole paragraph.</param>
/// <param name="LabelHtml">HTML put before the first part ("<b>Question:</b> ").</param>
internal sealed record ProseBlock(string Text, ProseStyle Style = ProseStyle.Plain, string? LabelHtml = null) : MessageBlock;

/// <summary>
/// A verbatim quote as a <c>&lt;blockquote&gt;</c>, between a heading and a footer (the citation), shown as prose
/// (<see cref="ChatBot.Text.DisplayText.ForReading"/>: the source file's line breaks within a paragraph joined,
/// Markdown dropped). It is never split across messages unless it cannot fit in one, and then only on paragraph or
/// sentence boundaries.
/// </summary>
internal sealed record QuoteBlock(string Quote, string? HeaderHtml, string? FooterHtml) : MessageBlock;

/// <summary>
/// A passage ready for display (paragraphs separated by blank lines) as a <c>&lt;blockquote&gt;</c> with the span
/// <paramref name="Highlight"/> of it in bold: the context of a quote with the quote marked. Split like a
/// <see cref="QuoteBlock"/>; each part marks its own share of the span.
/// </summary>
internal sealed record PassageBlock(string Text, ChatBot.Text.TextSpan Highlight, string? HeaderHtml, string? FooterHtml) : MessageBlock;

/// <summary>How a <see cref="ProseBlock"/> is shown.</summary>
internal enum ProseStyle
{
    Plain,
    Bold,
    Italic,
}
