using System.Diagnostics;

namespace ChatBot.Embeddings;

/// <summary>
/// Measures the local sentence encoder on this machine: model load time, passage throughput for
/// ~100-token passages at a realistic batch size, and the latency of single short queries. Meant for a
/// <c>bench</c> command; run it in Release on an otherwise idle machine. Stateless and thread-safe
/// (each run loads its own encoder).
/// </summary>
public static class EncoderBenchmark
{
    // Built-in English text in the style of a press briefing (written for this benchmark).
    private const string BuiltInText =
        "Good afternoon, and thank you for coming to this briefing on the results of the ministerial meeting. " +
        "We spent most of the morning on trade, and I can say that the discussion was frank and at times difficult. " +
        "Several delegations argued that new tariffs would hurt the smaller economies of the region far more than the large ones. " +
        "Others insisted that the rules of the past two decades no longer reflect how goods and services actually move across borders. " +
        "Our position has not changed: we support open markets, but we do not accept obligations that were never negotiated with us. " +
        "On the security situation, the ministers agreed that dialogue remains the only way to reduce tension on the peninsula. " +
        "Nobody in the room believes that threats or sanctions alone will solve a problem that has lasted for more than sixty years. " +
        "We proposed a step-by-step plan in which each side makes a small, verifiable move before the next round of talks begins. " +
        "A question was raised about energy prices, which have risen sharply since the beginning of the year. " +
        "We explained that long-term contracts protect both producers and consumers from sudden swings in the market. " +
        "The meeting also discussed the digital economy, including how to protect personal data without closing national markets. " +
        "Many participants want common standards for cross-border payments, and we are ready to work on them together. " +
        "Finally, the ministers asked their experts to prepare a report on climate adaptation for the summit in November. " +
        "I am now ready to take your questions, but please keep them short so that everyone has a chance to ask one.";

    private static readonly string[] s_queries =
    [
        "What did the minister say about tariffs?",
        "Is dialogue possible on the Korean Peninsula?",
        "How does Russia view sanctions?",
        "What was said about energy prices?",
        "Did they discuss the digital economy?",
        "When is the next round of talks?",
        "What is the position on open markets?",
        "Who proposed a step-by-step plan?",
    ];

    /// <summary>Loads the model from <paramref name="modelDirectory"/> and measures it.</summary>
    /// <param name="modelDirectory">The model folder (see <see cref="ModelLocator.FindModelDirectory"/>).</param>
    /// <param name="options">Sizes of the run; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run between measurements.</param>
    /// <returns>The measured figures.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="FileNotFoundException">A model file is missing.</exception>
    public static async Task<EncoderBenchmarkResult> RunAsync(
        string modelDirectory, EncoderBenchmarkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDirectory);
        options ??= new EncoderBenchmarkOptions();
        options.Validate();

        long loadStart = Stopwatch.GetTimestamp();
        using var encoder = LocalSentenceEncoder.Load(modelDirectory, new LocalSentenceEncoderOptions
        {
            MaxBatchSize = options.BatchSize,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
        });
        double loadMilliseconds = Stopwatch.GetElapsedTime(loadStart).TotalMilliseconds;

        var passages = BuildPassages(encoder.Tokenizer, options.SampleTexts ?? [BuiltInText], options.PassageCount, options.PassageTokens);
        double tokensPerPassage = passages.Average(p => encoder.Tokenizer.Encode(p).Length);

        // Warm up (JIT, scratch buffers, caches), then rounds of one call over all passages.
        await encoder.GenerateAsync(passages.Take(Math.Min(passages.Count, 2 * options.BatchSize)), cancellationToken: cancellationToken);
        var roundSeconds = new double[options.Rounds];
        var processorTimeBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long roundsStart = Stopwatch.GetTimestamp();
        for (int round = 0; round < roundSeconds.Length; round++)
        {
            long start = Stopwatch.GetTimestamp();
            await encoder.GenerateAsync(passages, cancellationToken: cancellationToken);
            roundSeconds[round] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        double coresUsed = (Process.GetCurrentProcess().TotalProcessorTime - processorTimeBefore).TotalSeconds
            / Stopwatch.GetElapsedTime(roundsStart).TotalSeconds;
        Array.Sort(roundSeconds);
        double medianSeconds = Percentile(roundSeconds, 0.5);

        for (int i = 0; i < 20; i++)
        {
            await encoder.GenerateAsync([s_queries[i % s_queries.Length]], cancellationToken: cancellationToken);
        }

        var latencies = new double[options.QueryCount];
        for (int i = 0; i < latencies.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await encoder.GenerateAsync([s_queries[i % s_queries.Length]], cancellationToken: cancellationToken);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(latencies);
        return new EncoderBenchmarkResult(
            LoadMilliseconds: loadMilliseconds,
            PassageCount: passages.Count,
            MeanTokensPerPassage: tokensPerPassage,
            BatchSize: options.BatchSize,
            PassagesPerSecond: passages.Count / medianSeconds,
            BestPassagesPerSecond: passages.Count / roundSeconds[0],
            TokensPerSecond: passages.Count * tokensPerPassage / medianSeconds,
            CoresUsed: coresUsed,
            QueryCount: latencies.Length,
            MeanTokensPerQuery: s_queries.Average(q => encoder.Tokenizer.Encode(q).Length),
            QueryP50Milliseconds: Percentile(latencies, 0.50),
            QueryP95Milliseconds: Percentile(latencies, 0.95),
            InstructionSet: encoder.InstructionSet,
            ProcessorCount: Environment.ProcessorCount);
    }

    // Passages of about `tokens` model tokens: runs of consecutive words, starting at spread-out offsets.
    // Pieces never span a space, so a passage's token count is the sum of its words' counts.
    private static List<string> BuildPassages(SentencePieceTokenizer tokenizer, IReadOnlyList<string> texts, int count, int tokens)
    {
        var words = texts.SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToArray();
        if (words.Length == 0)
        {
            throw new ArgumentException("The sample texts contain no words.", nameof(texts));
        }

        var wordTokens = words.Select(tokenizer.CountTokens).ToArray();
        var passages = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            int start = (int)((long)i * 37 % words.Length);
            var passage = new List<string>();
            for (int total = 0, w = start; total < tokens && passage.Count < words.Length; w = (w + 1) % words.Length)
            {
                passage.Add(words[w]);
                total += wordTokens[w];
            }

            passages.Add(string.Join(' ', passage));
        }

        return passages;
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted[(int)Math.Round(quantile * (sorted.Length - 1), MidpointRounding.AwayFromZero)];
}
