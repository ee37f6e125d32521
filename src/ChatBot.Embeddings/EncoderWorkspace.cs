namespace ChatBot.Embeddings;

/// <summary>
/// Scratch memory for one forward pass over a batch of packed token rows. One workspace serves one
/// call at a time; <see cref="LocalSentenceEncoder"/> keeps a pool of them so concurrent callers never
/// share one and nothing is allocated per token. Buffers grow on demand and are reused afterwards.
/// </summary>
internal sealed class EncoderWorkspace
{
    private readonly int _inputWidth;
    private readonly int _width;
    private readonly int _qkvWidth;
    private readonly int _ffnWidth;

    public EncoderWorkspace(int inputWidth, int width, int qkvWidth, int ffnWidth, int maxLength, int maxHeadDim, int workers)
    {
        _inputWidth = inputWidth;
        _width = width;
        _qkvWidth = qkvWidth;
        _ffnWidth = ffnWidth;

        int paddedLength = Gemm.PanelCount(maxLength) * Gemm.PanelWidth;
        int paddedHeadDim = Gemm.PanelCount(maxHeadDim) * Gemm.PanelWidth;
        AttentionScratch = new AttentionScratch[Math.Max(1, workers)];
        for (int i = 0; i < AttentionScratch.Length; i++)
        {
            AttentionScratch[i] = new AttentionScratch(
                new AlignedBuffer(paddedLength * maxHeadDim),
                new AlignedBuffer(paddedHeadDim * maxLength),
                new AlignedBuffer(maxLength * paddedLength));
        }

        Input = Hidden = Normed = Qkv = Pooled = Head = new AlignedBuffer(0);
        Offsets = [];
        TokenIds = [];
    }

    /// <summary>Token rows capacity.</summary>
    public int TokenCapacity { get; private set; }

    /// <summary>Sequence capacity.</summary>
    public int SequenceCapacity { get; private set; }

    /// <summary>Embedded tokens plus timing signal, [tokens x inputWidth].</summary>
    public AlignedBuffer Input { get; private set; }

    /// <summary>The residual stream, [tokens x width].</summary>
    public AlignedBuffer Hidden { get; private set; }

    /// <summary>Layer-norm output, [tokens x width].</summary>
    public AlignedBuffer Normed { get; private set; }

    /// <summary>Fused query/key/value projections, [tokens x max(qkvWidth, ffnWidth)].</summary>
    public AlignedBuffer Qkv { get; private set; }

    /// <summary>
    /// Attention output before the output projection, [tokens x width]. Shares memory with
    /// <see cref="Normed"/>: the normed input is dead once Q/K/V are computed, and the context is dead
    /// once projected, before the next layer norm writes.
    /// </summary>
    public AlignedBuffer Context => Normed;

    /// <summary>
    /// FFN hidden activations, [tokens x ffnWidth]. Shares memory with <see cref="Qkv"/>, which is dead
    /// once attention is done.
    /// </summary>
    public AlignedBuffer Ffn => Qkv;

    /// <summary>Mean-pooled rows, [sequences x width].</summary>
    public AlignedBuffer Pooled { get; private set; }

    /// <summary>Head output, [sequences x width].</summary>
    public AlignedBuffer Head { get; private set; }

    /// <summary>Row offset of each sequence, plus the total, [sequences + 1].</summary>
    public int[] Offsets { get; private set; }

    /// <summary>Packed token ids, [tokens].</summary>
    public int[] TokenIds { get; private set; }

    /// <summary>Per-worker attention scratch (packed keys, packed values, scores).</summary>
    public AttentionScratch[] AttentionScratch { get; }

    /// <summary>
    /// Makes sure the buffers can hold <paramref name="tokens"/> rows and <paramref name="sequences"/>
    /// sequences (about 44 KB per token row). Callers size it once for the largest batch of a call.
    /// </summary>
    public void EnsureCapacity(int tokens, int sequences)
    {
        if (tokens > TokenCapacity)
        {
            int capacity = (tokens + 255) / 256 * 256;
            Input = new AlignedBuffer(capacity * _inputWidth);
            Hidden = new AlignedBuffer(capacity * _width);
            Normed = new AlignedBuffer(capacity * _width);
            Qkv = new AlignedBuffer(capacity * Math.Max(_qkvWidth, _ffnWidth));
            TokenIds = new int[capacity];
            TokenCapacity = capacity;
        }

        if (sequences > SequenceCapacity)
        {
            int capacity = Math.Max(sequences, SequenceCapacity * 2);
            Pooled = new AlignedBuffer(capacity * _width);
            Head = new AlignedBuffer(capacity * _width);
            Offsets = new int[capacity + 1];
            SequenceCapacity = capacity;
        }
    }

}
