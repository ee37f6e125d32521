namespace ChatBot.Chunking;

/// <summary>How turns are cut into chunks. Validated on set: a chunk holds at least 16 tokens, overlap stays below the chunk.</summary>
public sealed class ChunkingOptions
{
    private int _maxTokens = 110;
    private int _overlapSentences = 1;

    /// <summary>
    /// Largest chunk in model tokens. The default leaves headroom under the sentence encoder's 128-token window
    /// for the start-of-text marker and for estimates that run short.
    /// </summary>
    public int MaxTokens
    {
        get => _maxTokens;
        set => _maxTokens = value >= 16 ? value : throw new ArgumentOutOfRangeException(nameof(MaxTokens), value, "a chunk must allow at least 16 tokens");
    }

    /// <summary>Sentences repeated at the start of the next chunk of the same turn (0 or more).</summary>
    public int OverlapSentences
    {
        get => _overlapSentences;
        set => _overlapSentences = value is >= 0 and <= 3 ? value : throw new ArgumentOutOfRangeException(nameof(OverlapSentences), value, "overlap must be 0 to 3 sentences");
    }

    /// <summary>Counts model tokens in a text; null uses <see cref="TokenEstimate"/>.</summary>
    public Func<string, int>? TokenCounter { get; set; }

    /// <summary>Name of the token counter, recorded with the index so a change of counter re-chunks.</summary>
    public string TokenCounterName { get; set; } = "estimate";

    /// <summary>
    /// A signature of these settings: documents chunked under another signature are re-ingested. The version names
    /// the chunker's rules (v2: Markdown heading and rule lines are boundaries outside every chunk).
    /// </summary>
    public string Signature => $"turn-sentences/v2;max={MaxTokens};overlap={OverlapSentences};tokens={TokenCounterName}";
}
