namespace ChatBot.Embeddings;

/// <summary>
/// Per-worker scratch for one (sequence, head) attention task: Kᵀ and V packed for <see cref="Gemm"/>
/// and the score matrix, each sized for the longest sequence and the widest head.
/// </summary>
internal sealed record AttentionScratch(AlignedBuffer KeysTransposed, AlignedBuffer Values, AlignedBuffer Scores);
