using System.Numerics.Tensors;
using ChatBot.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace ChatBot.Embeddings;

/// <summary>
/// A retrieval encoder: Snowflake's <c>snowflake-arctic-embed-xs</c> (a six-layer BERT trained for search,
/// 384 dimensions) run by ONNX Runtime, with its WordPiece vocabulary (uncased, accents stripped). Passages are
/// embedded as they are; texts marked as queries (<see cref="EmbeddingInput.Queries"/>) get the model's query
/// instruction first. The vector is the final [CLS] state, unit length.
/// </summary>
/// <remarks>
/// Thread-safe: concurrent calls share one ONNX Runtime session, which allows concurrent runs. Inputs are
/// ordered by token count and run in batches of similar length, so padding costs little; each text is read up to
/// <see cref="MaxTokens"/> tokens. Do not dispose while calls run.
/// </remarks>
public sealed class ArcticEmbedEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="Metadata"/>.</summary>
    public const string ProviderName = "onnxruntime";

    /// <summary>The model id reported in <see cref="Metadata"/> and on every embedding.</summary>
    public const string ModelId = "snowflake-arctic-embed-xs";

    /// <summary>The length of every embedding.</summary>
    public const int Dimensions = 384;

    /// <summary>Longest input read, in tokens with [CLS] and [SEP] (the model's position limit).</summary>
    public const int MaxTokens = 512;

    /// <summary>The instruction the model was trained to see before a search query.</summary>
    public const string QueryInstruction = "Represent this sentence for searching relevant passages: ";

    private const int MaxBatchSize = 32;
    private const int BatchTokenBudget = 32 * 160; // rows x padded length per run: bounds memory for long inputs

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly bool _takesTokenTypes;
    private volatile bool _disposed;

    private ArcticEmbedEncoder(InferenceSession session, BertTokenizer tokenizer, string directory)
    {
        _session = session;
        _tokenizer = tokenizer;
        _takesTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        Directory = directory;
        Metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, defaultModelId: ModelId, defaultModelDimensions: Dimensions);
    }

    /// <summary>Gets the metadata: provider <c>onnxruntime</c>, model <c>snowflake-arctic-embed-xs</c>, 384 dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Gets the folder the model was loaded from.</summary>
    public string Directory { get; }

    /// <summary>
    /// Loads the model from <paramref name="modelDirectory"/> (see <see cref="ArcticModelFiles"/>) and runs one
    /// tiny warm-up pass.
    /// </summary>
    /// <param name="modelDirectory">The model folder.</param>
    /// <param name="threads">Threads one run may use; all cores when null.</param>
    /// <exception cref="FileNotFoundException">The folder holds neither the package assembly nor the loose files.</exception>
    /// <exception cref="InvalidDataException">The model or vocabulary is unreadable.</exception>
    public static ArcticEmbedEncoder Load(string modelDirectory, int? threads = null)
    {
        var (model, vocabulary) = ArcticModelFiles.Read(modelDirectory);
        BertTokenizer tokenizer;
        try
        {
            using var stream = new MemoryStream(vocabulary, writable: false);
            tokenizer = BertTokenizer.Create(stream, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The retrieval encoder vocabulary in '{modelDirectory}' is unusable: {e.Message}", e);
        }

        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = threads ?? Environment.ProcessorCount,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"The retrieval encoder model in '{modelDirectory}' could not be loaded: {e.Message}", e);
        }
        finally
        {
            options.Dispose();
        }

        var encoder = new ArcticEmbedEncoder(session, tokenizer, Path.GetFullPath(modelDirectory));
        encoder.Embed(["warm up"], query: false);
        return encoder;
    }

    /// <summary>Model tokens of <paramref name="text"/>, without [CLS] and [SEP].</summary>
    public int CountTokens(string text) => _tokenizer.CountTokens(text);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (options?.Dimensions is { } d && d != Dimensions)
            throw new ArgumentException($"{ModelId} makes {Dimensions}-dimensional vectors; {d} were asked for.", nameof(options));
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var vectors = Embed(texts, EmbeddingInput.IsQuery(options), cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var v in vectors) result.Add(new Embedding<float>(v) { ModelId = ModelId });
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => GeneratorServices.Resolve(this, Metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _session.Dispose();
    }

    private float[][] Embed(IReadOnlyList<string> texts, bool query, CancellationToken ct = default)
    {
        var ids = new long[texts.Count][];
        for (int i = 0; i < texts.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i], nameof(texts));
            var tokens = _tokenizer.EncodeToIds(query ? QueryInstruction + texts[i] : texts[i], MaxTokens, out _, out _);
            ids[i] = tokens.Select(t => (long)t).ToArray();
        }

        var result = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => ids[i].Length).ToArray();
        for (int start = 0; start < order.Length;)
        {
            ct.ThrowIfCancellationRequested();
            int end = start + 1;
            while (end < order.Length && end - start < MaxBatchSize && (end - start + 1) * ids[order[end]].Length <= BatchTokenBudget) end++;
            RunBatch(order.AsSpan(start, end - start), ids, result);
            start = end;
        }

        return result;
    }

    private void RunBatch(ReadOnlySpan<int> rows, long[][] ids, float[][] result)
    {
        int batch = rows.Length, length = ids[rows[^1]].Length; // rows are in ascending length
        var inputIds = new long[batch * length];
        var mask = new long[batch * length];
        for (int r = 0; r < batch; r++)
        {
            var row = ids[rows[r]];
            row.CopyTo(inputIds, r * length);
            mask.AsSpan(r * length, row.Length).Fill(1);
        }

        long[] shape = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = _takesTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[batch * length], shape) : null;
        var names = _takesTokenTypes ? new[] { "input_ids", "attention_mask", "token_type_ids" } : ["input_ids", "attention_mask"];
        var inputs = _takesTokenTypes ? new[] { idsValue, maskValue, typesValue! } : [idsValue, maskValue];
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, inputs, _session.OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>(); // [batch, length, 384]
        for (int r = 0; r < batch; r++)
        {
            var cls = hidden.Slice(r * length * Dimensions, Dimensions); // the [CLS] position
            var vector = new float[Dimensions];
            float norm = TensorPrimitives.Norm(cls);
            TensorPrimitives.Divide(cls, norm > 0 ? norm : 1, vector);
            result[rows[r]] = vector;
        }
    }
}
