using ChatBot.Text;

namespace ChatBot.Api.Contracts;

/// <summary>
/// Words inside a quote that the speaker relays from someone else: <c>quote[start..end]</c> (character offsets into
/// the quote). <c>kind</c> is <c>quotation</c> (in quotation marks), <c>quote_unquote</c> (read out between "quote"
/// and "end quote") or <c>reported_speech</c> (the clause after "X said that", "as X put it", "according to X");
/// <c>source</c> is who is relayed as the passage names them, or null when it does not (or uses a pronoun).
/// </summary>
public sealed record RelayedSpanDto(int Start, int End, RelayKind Kind, string? Source)
{
    /// <summary>Maps a detected span.</summary>
    public static RelayedSpanDto Of(RelayedSpan span) => new(span.Start, span.End, span.Kind, span.Source);
}
