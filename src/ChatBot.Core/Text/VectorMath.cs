using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace ChatBot.Text;

/// <summary>Vector helpers: unit normalisation and little-endian float32 blobs.</summary>
public static class VectorMath
{
    /// <summary>A unit-length copy of <paramref name="vector"/> (a zero vector stays zero).</summary>
    public static float[] Normalize(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        float norm = TensorPrimitives.Norm(copy);
        if (norm > 0 && MathF.Abs(norm - 1f) > 1e-6f) TensorPrimitives.Divide(copy, norm, copy);
        return copy;
    }

    /// <summary>The vector's floats as little-endian bytes.</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("vectors are stored little-endian");
        return MemoryMarshal.AsBytes(vector).ToArray();
    }

    /// <summary>Floats read back from little-endian bytes into <paramref name="destination"/>.</summary>
    public static void FromBytes(ReadOnlySpan<byte> bytes, Span<float> destination) =>
        MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
}
