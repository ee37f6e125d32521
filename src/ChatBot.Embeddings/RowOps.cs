using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace ChatBot.Embeddings;

/// <summary>Row-wise element operations (layer norm, softmax) on top of <see cref="TensorPrimitives"/>.</summary>
internal static unsafe class RowOps
{
    private const int RowsPerTask = 64;

    /// <summary>
    /// <c>y = scale * (x - mean) / sqrt(var + epsilon) + bias</c> per row of width <paramref name="width"/>
    /// (the graph's layer_norm: mean and variance over the last axis, epsilon 1e-6).
    /// </summary>
    public static void LayerNorm(float* input, int width, int rows, float* scale, float* bias, float epsilon, float* output, int workers)
    {
        int tasks = (rows + RowsPerTask - 1) / RowsPerTask;
        if (tasks <= 1 || (long)rows * width < 1L << 16)
        {
            LayerNormRows(input, width, 0, rows, scale, bias, epsilon, output);
            return;
        }

        ParallelWork.For(tasks, workers, (task, _) =>
            LayerNormRows(input, width, task * RowsPerTask, Math.Min(rows, (task + 1) * RowsPerTask), scale, bias, epsilon, output));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LayerNormRows(float* input, int width, int start, int end, float* scale, float* bias, float epsilon, float* output)
    {
        var scaleSpan = new ReadOnlySpan<float>(scale, width);
        var biasSpan = new ReadOnlySpan<float>(bias, width);
        for (int row = start; row < end; row++)
        {
            var x = new ReadOnlySpan<float>(input + (long)row * width, width);
            var y = new Span<float>(output + (long)row * width, width);
            float mean = TensorPrimitives.Sum(x) / width;
            TensorPrimitives.Subtract(x, mean, y);
            float variance = TensorPrimitives.SumOfSquares(y) / width;
            float inverse = 1f / MathF.Sqrt(variance + epsilon);
            TensorPrimitives.Multiply(y, inverse, y);
            TensorPrimitives.MultiplyAdd(y, scaleSpan, biasSpan, y);
        }
    }

    /// <summary>In-place <c>exp(x - max) / sum(exp(x - max))</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax(Span<float> row)
    {
        float max = TensorPrimitives.Max(row);
        TensorPrimitives.Subtract(row, max, row);
        TensorPrimitives.Exp(row, row);
        float sum = TensorPrimitives.Sum(row);
        TensorPrimitives.Divide(row, sum, row);
    }
}
