using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ChatBot.Embeddings;

/// <summary>
/// The Universal Sentence Encoder lite network ("KonaTransformer" plus the tanh head), following
/// the TensorFlow.js graph in <c>model.json</c>:
/// <code>
/// x0     = e + (e + timing[position])          e = Embeddings_en[token] (8002 x 256); the graph adds the
///                                               embedded tokens to (embedded tokens + timing signal)
/// h      = Layer1(Layer0(x0))                  pre-norm transformer layers, 256 -> 512 -> 512
/// pooled = mean of h over the sequence's tokens
/// y      = l2_normalize(tanh(pooled·W + b))    512 x 512, epsilon 1e-12
/// </code>
/// Constants (maximum length, head count and size, attention scales, layer-norm and L2 epsilons) are
/// read from the graph's weights, not hard-coded. Immutable after load; <see cref="Encode"/> may run
/// concurrently as long as each call has its own <see cref="EncoderWorkspace"/>.
/// </summary>
internal sealed unsafe class SentenceEncoderModel
{
    private const string Kona = "module_apply_default/Encoder_en/KonaTransformer/";
    private const string Stack = Kona + "Encode/TransformerStack/";

    private readonly float[] _embeddings;
    private readonly float[] _timing;          // [MaxLength x InputWidth]: sin | cos of position · inverse timescale
    private readonly TransformerLayer[] _layers;
    private readonly PackedMatrix _head;
    private readonly AlignedBuffer _headBias;
    private readonly float _l2Epsilon;

    private SentenceEncoderModel(ModelWeights weights)
    {
        MaxLength = weights.Ints(Kona + "ClipToMaxLength/Less/y")[0];
        float[] inverseTimescales = weights.Floats(Stack + "Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1", 1, 128);
        InputWidth = 2 * inverseTimescales.Length;
        _embeddings = weights.Floats("module/Embeddings_en", 8002, InputWidth);
        VocabularySize = _embeddings.Length / InputWidth;
        _timing = BuildTimingSignal(inverseTimescales, MaxLength);

        int heads = weights.Ints(Stack + "Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2")[0];
        float epsilon = weights.FloatScalar(Stack + "Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x");
        int width = weights.Floats(Kona + "Encode/Layer_0/TransformerLayer/dense/bias/ConcatPartitions/concat", 512).Length;
        _layers =
        [
            new TransformerLayer(weights, 0, InputWidth, width, heads, epsilon),
            new TransformerLayer(weights, 1, width, width, heads, epsilon),
        ];
        Width = width;

        _head = PackedMatrix.Pack(weights.Floats("module/Encoder_en/hidden_layers/tanh_layer_0/weights", width, width), width, width);
        float[] headBias = weights.Floats("module/Encoder_en/hidden_layers/tanh_layer_0/bias", width);
        _headBias = new AlignedBuffer(Gemm.PanelCount(width) * Gemm.PanelWidth);
        _headBias.Span.Clear();
        headBias.CopyTo(_headBias.Span);
        _l2Epsilon = weights.FloatScalar("module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y");
    }

    /// <summary>Tokens per sequence the graph reads (ClipToMaxLength): 128.</summary>
    public int MaxLength { get; }

    /// <summary>Token embedding width: 256.</summary>
    public int InputWidth { get; }

    /// <summary>Transformer and output width: 512.</summary>
    public int Width { get; }

    /// <summary>Rows of the embedding table: 8002.</summary>
    public int VocabularySize { get; }

    /// <summary>Loads and packs the weights found in <paramref name="modelDirectory"/>.</summary>
    public static SentenceEncoderModel Load(string modelDirectory) => new(ModelWeights.Load(modelDirectory));

    /// <summary>Creates scratch memory sized for this model.</summary>
    public EncoderWorkspace CreateWorkspace(int workers) => new(
        InputWidth, Width, _layers.Max(l => 3 * l.AttentionWidth), _layers.Max(l => l.FfnWidth), MaxLength, _layers.Max(l => l.HeadDim), workers);

    /// <summary>
    /// Encodes a batch. <paramref name="sequences"/> are token ids (already clipped to
    /// <see cref="MaxLength"/>); row <c>i</c> of <paramref name="output"/> (<c>[count x Width]</c>) receives the
    /// unit-length embedding of <c>sequences[i]</c>.
    /// </summary>
    public void Encode(IReadOnlyList<int[]> sequences, Span<float> output, EncoderWorkspace workspace, ForwardContext context)
    {
        int count = sequences.Count;
        int tokens = 0;
        foreach (var sequence in sequences)
        {
            if (sequence.Length > MaxLength)
            {
                throw new ArgumentException($"A sequence has {sequence.Length} tokens; the model reads at most {MaxLength}.", nameof(sequences));
            }

            tokens += sequence.Length;
        }

        if (output.Length < count * Width)
        {
            throw new ArgumentException("The output span is too small.", nameof(output));
        }

        workspace.EnsureCapacity(tokens, count);
        int[] offsets = workspace.Offsets;
        int[] ids = workspace.TokenIds;
        offsets[0] = 0;
        for (int s = 0; s < count; s++)
        {
            sequences[s].CopyTo(ids, offsets[s]);
            offsets[s + 1] = offsets[s] + sequences[s].Length;
        }

        Embed(workspace, count);
        context.Stages?.Record("embedded_plus_timing", workspace.Input.Pointer, tokens * InputWidth);
        _layers[0].Forward(workspace, workspace.Input.Pointer, tokens, count, context);
        _layers[1].Forward(workspace, workspace.Hidden.Pointer, tokens, count, context);
        Pool(workspace, count, context);
        workspace.Head.Span[..(count * Width)].CopyTo(output);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Embed(EncoderWorkspace workspace, int count)
    {
        int[] offsets = workspace.Offsets;
        int[] ids = workspace.TokenIds;
        var input = workspace.Input.Span;
        for (int s = 0; s < count; s++)
        {
            for (int row = offsets[s]; row < offsets[s + 1]; row++)
            {
                int id = ids[row];
                if ((uint)id >= (uint)VocabularySize)
                {
                    throw new ArgumentOutOfRangeException(nameof(workspace), $"Token id {id} is outside the vocabulary (0..{VocabularySize - 1}).");
                }

                int position = row - offsets[s];
                var embedding = _embeddings.AsSpan(id * InputWidth, InputWidth);
                var target = input.Slice(row * InputWidth, InputWidth);
                TensorPrimitives.Add(embedding, _timing.AsSpan(position * InputWidth, InputWidth), target);
                TensorPrimitives.Add(embedding, target, target);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Pool(EncoderWorkspace workspace, int count, ForwardContext context)
    {
        int[] offsets = workspace.Offsets;
        var hidden = workspace.Hidden.Span;
        var pooled = workspace.Pooled.Span;
        for (int s = 0; s < count; s++)
        {
            var sum = pooled.Slice(s * Width, Width);
            sum.Clear();
            int length = offsets[s + 1] - offsets[s];
            for (int row = offsets[s]; row < offsets[s + 1]; row++)
            {
                TensorPrimitives.Add(sum, hidden.Slice(row * Width, Width), sum);
            }

            TensorPrimitives.Divide(sum, (float)Math.Max(length, 1), sum);
        }

        context.Stages?.Record("mean_pooled", workspace.Pooled.Pointer, count * Width);
        Gemm.Multiply(workspace.Pooled.Pointer, Width, count, Width, _head.Pointer, Width, workspace.Head.Pointer, Width,
            _headBias.Pointer, GemmEpilogue.None, context.Workers, context.Kernel);
        var head = workspace.Head.Span;
        for (int s = 0; s < count; s++)
        {
            var row = head.Slice(s * Width, Width);
            TensorPrimitives.Tanh(row, row);
        }

        context.Stages?.Record("tanh", workspace.Head.Pointer, count * Width);
        for (int s = 0; s < count; s++)
        {
            var row = head.Slice(s * Width, Width);
            float inverseNorm = 1f / MathF.Sqrt(MathF.Max(TensorPrimitives.SumOfSquares(row), _l2Epsilon));
            TensorPrimitives.Multiply(row, inverseNorm, row);
        }

        context.Stages?.Record("embedding", workspace.Head.Pointer, count * Width);
    }

    private static float[] BuildTimingSignal(float[] inverseTimescales, int maxLength)
    {
        int channels = inverseTimescales.Length;
        var timing = new float[maxLength * 2 * channels];
        for (int position = 0; position < maxLength; position++)
        {
            for (int i = 0; i < channels; i++)
            {
                float angle = position * inverseTimescales[i];
                timing[position * 2 * channels + i] = (float)Math.Sin(angle);
                timing[position * 2 * channels + channels + i] = (float)Math.Cos(angle);
            }
        }

        return timing;
    }
}
