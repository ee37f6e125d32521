namespace ChatBot.Embeddings;

/// <summary>Figures measured by <see cref="EncoderBenchmark.RunAsync"/>. Immutable.</summary>
/// <param name="LoadMilliseconds">Time to load and pack the model (<see cref="LocalSentenceEncoder.Load(string, LocalSentenceEncoderOptions?)"/>).</param>
/// <param name="PassageCount">Passages encoded for the throughput figure.</param>
/// <param name="MeanTokensPerPassage">Average model tokens per passage.</param>
/// <param name="BatchSize">Batch size used for the passages.</param>
/// <param name="PassagesPerSecond">Passage throughput, median over the rounds (each round is one call over all passages, after a warm-up).</param>
/// <param name="BestPassagesPerSecond">Passage throughput of the fastest round.</param>
/// <param name="TokensPerSecond">Token throughput, median over the rounds.</param>
/// <param name="CoresUsed">
/// Processor time the process got per second of wall time during the passage rounds; well below the
/// processor count means other processes were competing for the cores and the figures understate the encoder.
/// </param>
/// <param name="QueryCount">Single short queries timed one by one.</param>
/// <param name="MeanTokensPerQuery">Average model tokens per query.</param>
/// <param name="QueryP50Milliseconds">Median latency of one query.</param>
/// <param name="QueryP95Milliseconds">95th percentile latency of one query.</param>
/// <param name="InstructionSet">The SIMD kernel in use.</param>
/// <param name="ProcessorCount">Logical processors available to the process.</param>
public sealed record EncoderBenchmarkResult(
    double LoadMilliseconds,
    int PassageCount,
    double MeanTokensPerPassage,
    int BatchSize,
    double PassagesPerSecond,
    double BestPassagesPerSecond,
    double TokensPerSecond,
    double CoresUsed,
    int QueryCount,
    double MeanTokensPerQuery,
    double QueryP50Milliseconds,
    double QueryP95Milliseconds,
    string InstructionSet,
    int ProcessorCount)
{
    /// <summary>A one-paragraph human-readable summary.</summary>
    /// <returns>The summary.</returns>
    public string ToSummary() =>
        $"load {LoadMilliseconds:F0} ms; passages: {PassagesPerSecond:F1}/s median, {BestPassagesPerSecond:F1}/s best " +
        $"({TokensPerSecond:F0} tokens/s, {PassageCount} x {MeanTokensPerPassage:F0} tokens, batch {BatchSize}, {CoresUsed:F2} cores used); " +
        $"query ({MeanTokensPerQuery:F0} tokens): p50 {QueryP50Milliseconds:F2} ms, p95 {QueryP95Milliseconds:F2} ms; " +
        $"kernel {InstructionSet}, {ProcessorCount} processors";
}
