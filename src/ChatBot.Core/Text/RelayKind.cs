using System.Text.Json.Serialization;

namespace ChatBot.Text;

/// <summary>How relayed speech shows in a passage (<see cref="RelayedSpan.Kind"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RelayKind>))]
public enum RelayKind
{
    /// <summary>Words between quotation marks (“…”, "…", «…», „…“, ‘…’) given as someone else's.</summary>
    [JsonStringEnumMemberName("quotation")]
    Quotation,

    /// <summary>Words read out between "quote" and "end quote" (or "unquote"), as in briefings.</summary>
    [JsonStringEnumMemberName("quote_unquote")]
    QuoteUnquote,

    /// <summary>Someone else's words in the speaker's own wording: "X said that …", "as X put it, …", "according to X, …".</summary>
    [JsonStringEnumMemberName("reported_speech")]
    ReportedSpeech,
}
