using System.Numerics.Tensors;
using ChatBot.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace ChatBot.Embeddings;

/// <summary>
/// A BERT sentence encoder (<see cref="BertEncoderModel"/>: snowflake-arctic-embed-xs or all-MiniLM-L6-v2) run by
/// ONNX Runtime, with its WordPiece vocabulary (uncased, accents stripped). Passages are embedded as they are; texts
/// marked as queries (<see cref="EmbeddingInput.Queries"/>) get the model's query instruction first, when it has one.
/// The vector is the final [CLS] state or the mean of the token states (<see cref="BertEncoderModel.Pooling"/>),
/// unit length.
/// </summary>
/// <remarks>
/// Thread-safe: concurrent calls share one ONNX Runtime session, which allows concurrent runs. Inputs are
/// ordered by token count and run in batches of similar length, so padding costs little; each text is read up to
/// <see cref="BertEncoderModel.MaxTokens"/> tokens. Do not dispose while calls run.
/// </remarks>
public sealed class BertSentenceEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="Metadata"/>.</summary>
    public const string ProviderName = "onnxruntime";

    private const int MaxBatchSize = 32;
    private const int BatchTokenBudget = 32 * 160; // rows x padded length per run: bounds memory for long inputs

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly bool _takesTokenTypes;
    private readonly string _hiddenStates;
    private volatile bool _disposed;

    private BertSentenceEncoder(BertEncoderModel model, InferenceSession session, BertTokenizer tokenizer, string hiddenStates, string directory)
    {
        Model = model;
        _session = session;
        _tokenizer = tokenizer;
        _hiddenStates = hiddenStates;
        _takesTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        Directory = directory;
        Metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, defaultModelId: model.ModelId, defaultModelDimensions: model.Dimensions);
    }

    /// <summary>Gets the model this encoder runs.</summary>
    public BertEncoderModel Model { get; }

    /// <summary>Gets the metadata: provider <c>onnxruntime</c>, the model's id and dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Gets the folder the model was loaded from.</summary>
    public string Directory { get; }

    /// <summary>
    /// Loads <paramref name="model"/> from <paramref name="modelDirectory"/> (see <see cref="BertModelFiles"/>) and runs
    /// one tiny warm-up pass.
    /// </summary>
    /// <param name="model">Which model the folder holds.</param>
    /// <param name="modelDirectory">The model folder.</param>
    /// <param name="threads">Threads one run may use; all cores when null.</param>
    /// <exception cref="FileNotFoundException">The folder holds neither the package assembly nor the loose files.</exception>
    /// <exception cref="InvalidDataException">The model or vocabulary is unreadable, or the model's states are not as wide as <see cref="BertEncoderModel.Dimensions"/>.</exception>
    public static BertSentenceEncoder Load(BertEncoderModel model, string modelDirectory, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (onnx, vocabulary) = BertModelFiles.Read(model, modelDirectory);
        BertTokenizer tokenizer;
        try
        {
            using var stream = new MemoryStream(vocabulary, writable: false);
            tokenizer = BertTokenizer.Create(stream, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The {model.Name} vocabulary in '{modelDirectory}' is unusable: {e.Message}", e);
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
            session = new InferenceSession(onnx, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"The {model.Name} model in '{modelDirectory}' could not be loaded: {e.Message}", e);
        }
        finally
        {
            options.Dispose();
        }

        // The token states: named last_hidden_state in both packages' exports (which also output a pooled vector).
        string hidden = session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : session.OutputNames[0];
        if (session.OutputMetadata[hidden].Dimensions is not [_, _, var width] || width != model.Dimensions)
        {
            string shape = string.Join(" x ", session.OutputMetadata[hidden].Dimensions);
            session.Dispose();
            throw new InvalidDataException($"The {model.Name} model in '{modelDirectory}' outputs states of shape {shape}, not batch x tokens x {model.Dimensions}.");
        }

        var encoder = new BertSentenceEncoder(model, session, tokenizer, hidden, Path.GetFullPath(modelDirectory));
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
        if (options?.Dimensions is { } d && d != Model.Dimensions)
            throw new ArgumentException($"{Model.ModelId} makes {Model.Dimensions}-dimensional vectors; {d} were asked for.", nameof(options));
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var vectors = Embed(texts, EmbeddingInput.IsQuery(options), cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var v in vectors) result.Add(new Embedding<float>(v) { ModelId = Model.ModelId });
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
        string? instruction = query ? Model.QueryInstruction : null;
        var ids = new long[texts.Count][];
        for (int i = 0; i < texts.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i], nameof(texts));
            var tokens = _tokenizer.EncodeToIds(instruction + texts[i], Model.MaxTokens, out _, out _);
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
        int batch = rows.Length, length = ids[rows[^1]].Length, width = Model.Dimensions; // rows are in ascending length
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
        using var outputs = _session.Run(runOptions, names, inputs, [_hiddenStates]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>(); // [batch, length, width]
        var pooled = new float[width];
        for (int r = 0; r < batch; r++)
        {
            var states = hidden.Slice(r * length * width, length * width);
            if (Model.Pooling == BertPooling.Cls)
            {
                states[..width].CopyTo(pooled); // the [CLS] position
            }
            else
            {
                int tokens = ids[rows[r]].Length; // the real tokens come first, padding after
                states[..width].CopyTo(pooled);
                for (int t = 1; t < tokens; t++) TensorPrimitives.Add(pooled, states.Slice(t * width, width), pooled);
            }

            // The mean's divisor cancels in the normalisation, so the sum is normalised directly.
            var vector = new float[width];
            float norm = TensorPrimitives.Norm(pooled);
            TensorPrimitives.Divide(pooled, norm > 0 ? norm : 1, vector);
            result[rows[r]] = vector;
        }
    }
}
