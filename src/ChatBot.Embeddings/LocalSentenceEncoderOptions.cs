namespace ChatBot.Embeddings;

/// <summary>
/// Tuning for <see cref="LocalSentenceEncoder"/>, read once by
/// <see cref="LocalSentenceEncoder.Load(string, LocalSentenceEncoderOptions?)"/> (later changes have no effect).
/// Not thread-safe: configure it before loading.
/// </summary>
public sealed class LocalSentenceEncoderOptions
{
    private int _maxBatchSize = 32;
    private int _maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// Gets or sets the most texts encoded in one forward pass (default 32). Larger batches amortise
    /// per-layer overhead; memory grows with batch size x 128 tokens.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above 1024.</exception>
    public int MaxBatchSize
    {
        get => _maxBatchSize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1024);
            _maxBatchSize = value;
        }
    }

    /// <summary>
    /// Gets or sets the most threads one call may use (default: the processor count). Use 1 to keep
    /// every call on its calling thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxDegreeOfParallelism = value;
        }
    }
}
