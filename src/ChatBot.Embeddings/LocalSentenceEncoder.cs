using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace ChatBot.Embeddings;

/// <summary>
/// An in-process sentence encoder (Universal Sentence Encoder lite, 512 dimensions) in pure C#:
/// SentencePiece tokenizer, two transformer layers, mean pooling and a tanh head, with SIMD
/// matrix kernels and both cores used for large batches. No network and no native runtime.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: any number of callers may call <see cref="GenerateAsync"/> concurrently; the weights are
/// immutable and every call works in its own pooled scratch memory. Do not dispose while calls run.
/// </para>
/// <para>
/// The work is CPU-bound and runs on the calling thread, helped by thread-pool threads for large
/// matrices; the returned task is already completed. Inputs are grouped by token count into batches of
/// at most <see cref="LocalSentenceEncoderOptions.MaxBatchSize"/>; tokens of a batch are packed into one
/// matrix without padding, so results do not depend on batching (a batch equals one-at-a-time).
/// Text past 128 tokens is ignored, as by the original model (see <see cref="SentencePieceTokenizer.CountTokens"/>).
/// </para>
/// </remarks>
public sealed class LocalSentenceEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="Metadata"/>.</summary>
    public const string ProviderName = "local";

    /// <summary>The model id reported in <see cref="Metadata"/> and on every embedding.</summary>
    public const string ModelId = "universal-sentence-encoder-lite";

    /// <summary>The length of every embedding.</summary>
    public const int Dimensions = 512;

    private readonly SentenceEncoderModel _model;
    private readonly ConcurrentBag<EncoderWorkspace> _workspaces = [];
    private readonly int _maxBatchSize;
    private readonly int _workers;
    private readonly GemmKernel _kernel;
    private volatile bool _disposed;

    private LocalSentenceEncoder(SentenceEncoderModel model, SentencePieceTokenizer tokenizer, LocalSentenceEncoderOptions options, GemmKernel kernel)
    {
        _model = model;
        _maxBatchSize = options.MaxBatchSize;
        _workers = options.MaxDegreeOfParallelism;
        _kernel = kernel;
        Tokenizer = tokenizer;
        Metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, defaultModelId: ModelId, defaultModelDimensions: Dimensions);
    }

    /// <summary>Gets the tokenizer, e.g. to count model tokens when sizing chunks. Thread-safe.</summary>
    public SentencePieceTokenizer Tokenizer { get; }

    /// <summary>Gets the metadata: provider <c>local</c>, model <c>universal-sentence-encoder-lite</c>, 512 dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Gets the name of the SIMD kernel in use (<c>Avx512</c>, <c>Avx2Fma</c> or <c>Portable</c>).</summary>
    public string InstructionSet => _kernel.ToString();

    /// <summary>
    /// Loads the model from a folder holding <c>model.json</c>, <c>group1-shard1of7</c>..<c>group1-shard7of7</c>
    /// and <c>vocab.json</c> (see <see cref="ModelLocator.FindModelDirectory"/>), packs the weights for the
    /// SIMD kernels (about 50 MB of memory) and runs one tiny warm-up pass (about 0.1-0.2 s in all).
    /// </summary>
    /// <param name="modelDirectory">The model folder.</param>
    /// <param name="options">Batch size and thread limits; defaults when <see langword="null"/>.</param>
    /// <returns>The encoder.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A model file is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A model file is malformed.</exception>
    public static LocalSentenceEncoder Load(string modelDirectory, LocalSentenceEncoderOptions? options = null) =>
        Load(modelDirectory, options, Gemm.BestKernel);

    internal static LocalSentenceEncoder Load(string modelDirectory, LocalSentenceEncoderOptions? options, GemmKernel kernel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDirectory);
        if (!Directory.Exists(modelDirectory))
        {
            throw new DirectoryNotFoundException($"The sentence encoder model folder '{modelDirectory}' does not exist.");
        }

        if (!Gemm.IsSupported(kernel))
        {
            throw new PlatformNotSupportedException($"The {kernel} kernel is not supported on this processor.");
        }

        ModelWeights.RequireFile(Path.Combine(modelDirectory, "model.json"));
        string vocabularyPath = Path.Combine(modelDirectory, "vocab.json");
        ModelWeights.RequireFile(vocabularyPath);
        var tokenizer = SentencePieceTokenizer.Load(vocabularyPath);
        var model = SentenceEncoderModel.Load(modelDirectory);
        if (model.Width != Dimensions || model.MaxLength != SentencePieceTokenizer.MaxTokens || tokenizer.VocabularySize > model.VocabularySize)
        {
            throw new InvalidDataException(
                $"The model in '{modelDirectory}' is not Universal Sentence Encoder lite " +
                $"(width {model.Width}, max length {model.MaxLength}, vocabulary {tokenizer.VocabularySize}/{model.VocabularySize}).");
        }

        var encoder = new LocalSentenceEncoder(model, tokenizer, options ?? new LocalSentenceEncoderOptions(), kernel);

        // One tiny pass compiles the kernels now, so the first real query is not slowed by the JIT.
        encoder.Generate(["warm up"], CancellationToken.None);
        return encoder;
    }

    /// <summary>
    /// Embeds every value, in input order, as a unit-length 512-dimensional vector.
    /// </summary>
    /// <param name="values">The texts; empty text is allowed (it maps to a fixed vector).</param>
    /// <param name="options">
    /// Optional; <see cref="EmbeddingGenerationOptions.Dimensions"/> must be null or 512, other settings are ignored.
    /// </param>
    /// <param name="cancellationToken">Checked between batches and between layers.</param>
    /// <returns>One embedding per value, in order, with token usage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of its items is null.</exception>
    /// <exception cref="NotSupportedException">Other dimensions than 512 were requested.</exception>
    /// <exception cref="ObjectDisposedException">The encoder was disposed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (as a cancelled task).</exception>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (options?.Dimensions is int dimensions && dimensions != Dimensions)
        {
            throw new NotSupportedException($"{ModelId} produces {Dimensions} dimensions; {dimensions} were requested.");
        }

        var texts = values.ToArray();
        for (int i = 0; i < texts.Length; i++)
        {
            if (texts[i] is null)
            {
                throw new ArgumentNullException(nameof(values), $"Value {i} is null.");
            }
        }

        try
        {
            return Task.FromResult(Generate(texts, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<GeneratedEmbeddings<Embedding<float>>>(cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<GeneratedEmbeddings<Embedding<float>>>(ex);
        }
    }

    /// <summary>
    /// Returns <see cref="Metadata"/> for <see cref="EmbeddingGeneratorMetadata"/>, <see cref="Tokenizer"/> for
    /// <see cref="SentencePieceTokenizer"/>, this instance for any type it implements, otherwise (or when
    /// <paramref name="serviceKey"/> is not null) <see langword="null"/>.
    /// </summary>
    /// <param name="serviceType">The requested type.</param>
    /// <param name="serviceKey">Must be null for a match; keyed services are not offered.</param>
    /// <returns>The service or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serviceType"/> is null.</exception>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(SentencePieceTokenizer) && serviceKey is null ? Tokenizer : GeneratorServices.Resolve(this, Metadata, serviceType, serviceKey);

    /// <summary>Marks the encoder disposed (later calls throw) and drops pooled scratch memory.</summary>
    public void Dispose()
    {
        _disposed = true;
        _workspaces.Clear();
    }

    /// <summary>Encodes one text and returns every intermediate activation by reference stage name.</summary>
    internal IReadOnlyDictionary<string, float[]> EncodeWithStages(string text)
    {
        var stages = new StageRecorder();
        var output = new float[Dimensions];
        var workspace = RentWorkspace();
        try
        {
            _model.Encode([Tokenizer.Encode(text)], output, workspace, new ForwardContext(_workers, _kernel, stages, CancellationToken.None));
        }
        finally
        {
            ReturnWorkspace(workspace);
        }

        return stages.Stages;
    }

    private GeneratedEmbeddings<Embedding<float>> Generate(string[] texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tokens = new int[texts.Length][];
        ParallelWork.For(texts.Length, texts.Length >= 64 ? _workers : 1, (i, _) => tokens[i] = Tokenizer.Encode(texts[i]));
        long tokenCount = tokens.Sum(t => (long)t.Length);

        // Similar lengths together: balanced attention work per batch (there is no padding to save).
        int[] order = Enumerable.Range(0, texts.Length).OrderBy(i => tokens[i].Length).ToArray();
        var vectors = new float[texts.Length][];
        var context = new ForwardContext(_workers, _kernel, null, cancellationToken);
        var workspace = RentWorkspace();
        try
        {
            int largestBatch = 0;
            for (int start = 0; start < order.Length; start += _maxBatchSize)
            {
                int batchTokens = 0;
                for (int j = start; j < Math.Min(order.Length, start + _maxBatchSize); j++)
                {
                    batchTokens += tokens[order[j]].Length;
                }

                largestBatch = Math.Max(largestBatch, batchTokens);
            }

            workspace.EnsureCapacity(largestBatch, Math.Min(_maxBatchSize, order.Length));
            var batch = new List<int[]>(_maxBatchSize);
            var output = new float[Math.Min(_maxBatchSize, Math.Max(texts.Length, 1)) * Dimensions];
            for (int start = 0; start < order.Length; start += _maxBatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = Math.Min(_maxBatchSize, order.Length - start);
                batch.Clear();
                for (int j = 0; j < count; j++)
                {
                    batch.Add(tokens[order[start + j]]);
                }

                _model.Encode(batch, output, workspace, context);
                for (int j = 0; j < count; j++)
                {
                    vectors[order[start + j]] = output.AsSpan(j * Dimensions, Dimensions).ToArray();
                }
            }
        }
        finally
        {
            ReturnWorkspace(workspace);
        }

        var createdAt = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length)
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        };
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = createdAt });
        }

        return result;
    }

    private EncoderWorkspace RentWorkspace() =>
        _workspaces.TryTake(out var workspace) ? workspace : _model.CreateWorkspace(_workers);

    private void ReturnWorkspace(EncoderWorkspace workspace)
    {
        if (!_disposed && _workspaces.Count < 2 * Environment.ProcessorCount)
        {
            _workspaces.Add(workspace);
        }
    }
}
