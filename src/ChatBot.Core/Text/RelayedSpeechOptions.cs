namespace ChatBot.Text;

/// <summary>
/// Thresholds of <see cref="RelayedSpeech"/>. The defaults favour precision: a span is marked only when the passage
/// shows that the words are someone else's.
/// </summary>
public sealed class RelayedSpeechOptions
{
    /// <summary>
    /// Fewest words in quotation marks introduced by a reporting cue ("said", "quote", "in the words of") for them to
    /// be relayed speech; fewer are a term or scare quotes ("so-called “peacekeepers”").
    /// </summary>
    public int MinCuedQuotationWords { get; set; } = 3;

    /// <summary>Fewest words a quotation with no reporting cue needs, on top of looking like a sentence, to count.</summary>
    public int MinUncuedQuotationWords { get; set; } = 6;

    /// <summary>Words before an opening quotation mark searched for a reporting cue (within the sentence).</summary>
    public int CueWindowWords { get; set; } = 25;

    /// <summary>Fewest words of a reported clause ("X said that …") for it to be marked.</summary>
    public int MinReportedWords { get; set; } = 3;

    /// <summary>Longest stretch, in characters, between a spoken "quote" and its "end quote".</summary>
    public int MaxQuoteUnquoteChars { get; set; } = 1200;

    /// <summary>Share of capitalised words above which quoted words are a title ("“Level 4: Do Not Travel.”"), not speech.</summary>
    public double TitleCaseShare { get; set; } = 0.6;
}
