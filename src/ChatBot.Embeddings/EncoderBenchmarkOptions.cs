namespace ChatBot.Embeddings;

/// <summary>Settings for <see cref="EncoderBenchmark.RunAsync"/>. Not thread-safe: configure it before the run.</summary>
public sealed class EncoderBenchmarkOptions
{
    /// <summary>Gets or sets how many passages are encoded for the throughput figure (default 256).</summary>
    public int PassageCount { get; set; } = 256;

    /// <summary>Gets or sets the target passage length in model tokens (default 100).</summary>
    public int PassageTokens { get; set; } = 100;

    /// <summary>Gets or sets the batch size used for passages (default 32, the encoder's default).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// Gets or sets how many times all passages are encoded (default 3); the result reports the median
    /// and the best round, which tells a busy machine (other processes sharing the cores) from a slow encoder.
    /// </summary>
    public int Rounds { get; set; } = 3;

    /// <summary>Gets or sets how many single short queries are timed (default 200).</summary>
    public int QueryCount { get; set; } = 200;

    /// <summary>Gets or sets the thread limit handed to the encoder (default: processor count).</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Gets or sets English text to cut passages from (for example transcripts of the corpus);
    /// when <see langword="null"/> a built-in English text is used.
    /// </summary>
    public IReadOnlyList<string>? SampleTexts { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PassageCount, 1, nameof(PassageCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(PassageTokens, 1, nameof(PassageTokens));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PassageTokens, SentencePieceTokenizer.MaxTokens, nameof(PassageTokens));
        ArgumentOutOfRangeException.ThrowIfLessThan(Rounds, 1, nameof(Rounds));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueryCount, 1, nameof(QueryCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(MaxDegreeOfParallelism));
        _ = new LocalSentenceEncoderOptions { MaxBatchSize = BatchSize };
    }
}
