using System.Numerics.Tensors;

namespace ChatBot.Embeddings.Tests;

internal static class VectorAssert
{
    public static float Cosine(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => TensorPrimitives.CosineSimilarity(x, y);

    public static float Norm(ReadOnlySpan<float> x) => TensorPrimitives.Norm(x);

    /// <summary>Largest |x - y| relative to the largest |y| (at least 1).</summary>
    public static float RelativeMaxError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        float scale = Math.Max(1f, TensorPrimitives.MaxMagnitude(expected) is var m ? Math.Abs(m) : 1f);
        float worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        }

        return worst / scale;
    }
}
