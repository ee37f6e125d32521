using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ChatBot.Embeddings;

/// <summary>
/// One pre-norm transformer layer of the KonaTransformer, over a batch packed as one
/// <c>[tokens x width]</c> matrix (rows of all sequences back to back, no padding), in the graph's order:
/// <code>
/// residual = input                       (layer 0: dense projection input·W + b, 256 -> 512)
/// x        = residual + OutputProjection(MultiHeadAttention(QKV(LayerNorm(input))))   "attention_out"
/// output   = x + Conv2(ReLU(Conv1(LayerNorm(x))))                                     "out"
/// </code>
/// Attention runs per sequence and head over that sequence's own rows, which is what the graph's
/// -1e9 padding bias achieves for a padded batch (exp underflows to exactly 0). The query scale
/// (0.125 or 0.0883883, from the graph constants) is folded into the packed query weights.
/// Immutable after construction and safe to share between threads.
/// </summary>
internal sealed unsafe class TransformerLayer
{
    private const string Apply = "module_apply_default/Encoder_en/KonaTransformer/Encode/";
    private const string Module = "module/Encoder_en/KonaTransformer/Encode/";

    private readonly int _index;
    private readonly float _epsilon;
    private readonly AlignedBuffer _attentionNormScale;
    private readonly AlignedBuffer _attentionNormBias;
    private readonly PackedMatrix? _residualProjection;
    private readonly AlignedBuffer? _residualBias;
    private readonly PackedMatrix _qkv;
    private readonly AlignedBuffer _qkvBias;
    private readonly PackedMatrix _output;
    private readonly AlignedBuffer _outputBias;
    private readonly AlignedBuffer _ffnNormScale;
    private readonly AlignedBuffer _ffnNormBias;
    private readonly PackedMatrix _ffn1;
    private readonly AlignedBuffer _ffn1Bias;
    private readonly PackedMatrix _ffn2;
    private readonly AlignedBuffer _ffn2Bias;

    public TransformerLayer(ModelWeights weights, int index, int inputWidth, int width, int heads, float epsilon)
    {
        _index = index;
        _epsilon = epsilon;
        InputWidth = inputWidth;
        Width = width;
        Heads = heads;

        string layer = $"Layer_{index}/TransformerLayer/";
        string stack = $"TransformerStack/Layer_{index}/TransformerLayer/";
        int[] split = weights.Ints(Apply + stack + "MultiheadAttention/Const");
        AttentionWidth = split[0];
        if (split.Length != 3 || split[1] != AttentionWidth || split[2] != AttentionWidth)
        {
            throw new InvalidDataException($"Layer {index}: unexpected q/k/v split [{string.Join(", ", split)}].");
        }

        HeadDim = weights.Ints(Apply + stack + "MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/3")[0];
        if (heads * HeadDim != AttentionWidth)
        {
            throw new InvalidDataException($"Layer {index}: {heads} heads x {HeadDim} != attention width {AttentionWidth}.");
        }

        float queryScale = weights.FloatScalar(Apply + stack + "MultiheadAttention/mul/y");
        _attentionNormScale = Vector(weights.Floats(Apply + layer + "layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", inputWidth));
        _attentionNormBias = Vector(weights.Floats(Apply + layer + "layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", inputWidth));
        if (inputWidth != width)
        {
            _residualProjection = PackedMatrix.Pack(weights.Floats(Apply + layer + "dense/kernel/ConcatPartitions/concat", inputWidth, width), inputWidth, width);
            _residualBias = Vector(weights.Floats(Apply + layer + "dense/bias/ConcatPartitions/concat", width));
        }

        int qkvWidth = 3 * AttentionWidth;
        _qkv = PackedMatrix.Pack(
            weights.Floats(Module + layer + "MultiheadAttention/qkv_transform_single/kernel/part_0", 1, 1, inputWidth, qkvWidth),
            inputWidth, qkvWidth, queryScale, 0, AttentionWidth);
        float[] qkvBias = weights.Floats(Apply + layer + "MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat", qkvWidth).ToArray();
        TensorPrimitives.Multiply(qkvBias.AsSpan(0, AttentionWidth), queryScale, qkvBias.AsSpan(0, AttentionWidth));
        _qkvBias = Vector(qkvBias);
        _output = PackedMatrix.Pack(
            weights.Floats(Module + layer + "MultiheadAttention/output_transform_single/kernel/part_0", 1, 1, AttentionWidth, width),
            AttentionWidth, width);
        _outputBias = Vector(weights.Floats(Apply + layer + "MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat", width));

        _ffnNormScale = Vector(weights.Floats(Apply + layer + "FFN/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat", width));
        _ffnNormBias = Vector(weights.Floats(Apply + layer + "FFN/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat", width));
        // The FFN width (1536) is the graph's Tensordot output-shape constant, shared by both layers.
        FfnWidth = weights.Ints(Apply + "TransformerStack/Layer_1/TransformerLayer/FFN/conv1/Tensordot/Const_2")[0];
        float[] conv1 = weights.Floats(Apply + stack + "FFN/conv1/Tensordot/Reshape_1", width, FfnWidth);
        _ffn1 = PackedMatrix.Pack(conv1, width, FfnWidth);
        _ffn1Bias = Vector(weights.Floats(Apply + layer + "FFN/conv1/bias/ConcatPartitions/concat", FfnWidth));
        _ffn2 = PackedMatrix.Pack(weights.Floats(Apply + stack + "FFN/conv2/Tensordot/Reshape_1", FfnWidth, width), FfnWidth, width);
        _ffn2Bias = Vector(weights.Floats(Apply + layer + "FFN/conv2/bias/ConcatPartitions/concat", width));
    }

    public int InputWidth { get; }

    public int Width { get; }

    public int AttentionWidth { get; }

    public int Heads { get; }

    public int HeadDim { get; }

    public int FfnWidth { get; }

    /// <summary>
    /// Runs the layer over <paramref name="tokens"/> packed rows. <paramref name="input"/> is
    /// <c>[tokens x InputWidth]</c>; the result is left in <see cref="EncoderWorkspace.Hidden"/>
    /// (which may also be the input when the widths match).
    /// </summary>
    public void Forward(EncoderWorkspace workspace, float* input, int tokens, int sequences, ForwardContext context)
    {
        float* hidden = workspace.Hidden.Pointer;
        float* normed = workspace.Normed.Pointer;
        float* qkv = workspace.Qkv.Pointer;
        float* attention = workspace.Context.Pointer;
        float* ffn = workspace.Ffn.Pointer;
        int qkvWidth = 3 * AttentionWidth;

        RowOps.LayerNorm(input, InputWidth, tokens, _attentionNormScale.Pointer, _attentionNormBias.Pointer, _epsilon, normed, context.Workers);
        if (_residualProjection is not null)
        {
            Gemm.Multiply(input, InputWidth, tokens, InputWidth, _residualProjection.Pointer, Width, hidden, Width,
                _residualBias!.Pointer, GemmEpilogue.None, context.Workers, context.Kernel);
        }

        Gemm.Multiply(normed, InputWidth, tokens, InputWidth, _qkv.Pointer, qkvWidth, qkv, qkvWidth,
            _qkvBias.Pointer, GemmEpilogue.None, context.Workers, context.Kernel);
        context.CancellationToken.ThrowIfCancellationRequested();

        Attend(workspace, qkv, attention, sequences, context);
        Gemm.Multiply(attention, AttentionWidth, tokens, AttentionWidth, _output.Pointer, Width, hidden, Width,
            _outputBias.Pointer, GemmEpilogue.Accumulate, context.Workers, context.Kernel);
        context.Stages?.Record($"layer{_index}_attention_out", hidden, tokens * Width);
        context.CancellationToken.ThrowIfCancellationRequested();

        RowOps.LayerNorm(hidden, Width, tokens, _ffnNormScale.Pointer, _ffnNormBias.Pointer, _epsilon, normed, context.Workers);
        Gemm.Multiply(normed, Width, tokens, Width, _ffn1.Pointer, FfnWidth, ffn, FfnWidth,
            _ffn1Bias.Pointer, GemmEpilogue.Relu, context.Workers, context.Kernel);
        Gemm.Multiply(ffn, FfnWidth, tokens, FfnWidth, _ffn2.Pointer, Width, hidden, Width,
            _ffn2Bias.Pointer, GemmEpilogue.Accumulate, context.Workers, context.Kernel);
        context.Stages?.Record($"layer{_index}_out", hidden, tokens * Width);
        context.CancellationToken.ThrowIfCancellationRequested();
    }

    // softmax(Q·Kᵀ)·V for every (sequence, head), each on its own rows; Q is pre-scaled.
    private void Attend(EncoderWorkspace workspace, float* qkv, float* attention, int sequences, ForwardContext context)
    {
        int[] offsets = workspace.Offsets;
        long work = 0;
        for (int s = 0; s < sequences; s++)
        {
            long length = offsets[s + 1] - offsets[s];
            work += length * length * AttentionWidth;
        }

        int workers = work * 2 >= 1L << 20 ? context.Workers : 1;
        var kernel = context.Kernel;
        ParallelWork.For(sequences * Heads, workers, (task, worker) =>
        {
            int sequence = task / Heads;
            int head = task % Heads;
            int first = offsets[sequence];
            int length = offsets[sequence + 1] - first;
            if (length > 0)
            {
                AttendOne(workspace.AttentionScratch[worker], qkv, attention, first, length, head, kernel);
            }
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AttendOne(AttentionScratch scratch, float* qkv, float* attention, int first, int length, int head, GemmKernel kernel)
    {
        int qkvWidth = 3 * AttentionWidth;
        int depth = HeadDim;
        float* queries = qkv + (long)first * qkvWidth + head * depth;
        float* keys = queries + AttentionWidth;
        float* values = queries + 2 * AttentionWidth;

        // Kᵀ as a packed [depth x length] matrix: panel p holds keys 16p..16p+15, one row per channel.
        float* keysT = scratch.KeysTransposed.Pointer;
        int keyPanels = Gemm.PanelCount(length);
        new Span<float>(keysT, keyPanels * depth * Gemm.PanelWidth).Clear();
        for (int j = 0; j < length; j++)
        {
            float* key = keys + (long)j * qkvWidth;
            float* target = keysT + (long)(j / Gemm.PanelWidth) * depth * Gemm.PanelWidth + j % Gemm.PanelWidth;
            for (int c = 0; c < depth; c++)
            {
                target[c * Gemm.PanelWidth] = key[c];
            }
        }

        int scoreStride = keyPanels * Gemm.PanelWidth;
        float* scores = scratch.Scores.Pointer;
        Gemm.Multiply(queries, qkvWidth, length, depth, keysT, length, scores, scoreStride, null, GemmEpilogue.None, 1, kernel);
        for (int i = 0; i < length; i++)
        {
            RowOps.Softmax(new Span<float>(scores + (long)i * scoreStride, length));
        }

        // V as a packed [length x depth] matrix.
        float* packedValues = scratch.Values.Pointer;
        int valuePanels = Gemm.PanelCount(depth);
        for (int panel = 0; panel < valuePanels; panel++)
        {
            int width = Math.Min(Gemm.PanelWidth, depth - panel * Gemm.PanelWidth);
            float* target = packedValues + (long)panel * length * Gemm.PanelWidth;
            for (int j = 0; j < length; j++, target += Gemm.PanelWidth)
            {
                float* value = values + (long)j * qkvWidth + panel * Gemm.PanelWidth;
                new ReadOnlySpan<float>(value, width).CopyTo(new Span<float>(target, width));
                new Span<float>(target + width, Gemm.PanelWidth - width).Clear();
            }
        }

        float* output = attention + (long)first * AttentionWidth + head * depth;
        Gemm.Multiply(scores, scoreStride, length, length, packedValues, depth, output, AttentionWidth, null, GemmEpilogue.None, 1, kernel);
    }

    // Bias and norm vectors are padded to whole panels so kernels may read 16 floats at a time.
    private static AlignedBuffer Vector(ReadOnlySpan<float> values)
    {
        var buffer = new AlignedBuffer(Gemm.PanelCount(values.Length) * Gemm.PanelWidth);
        buffer.Span.Clear();
        values.CopyTo(buffer.Span);
        return buffer;
    }
}
