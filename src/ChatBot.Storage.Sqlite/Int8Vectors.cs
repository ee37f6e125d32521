using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ChatBot.Storage.Sqlite;

/// <summary>
/// Unit vectors kept as signed bytes (each component times 127, rounded): a quarter of the memory of float32 and a
/// quarter of the bytes to stream per query, with rankings that differ from exact cosine only among near-ties.
/// Dot products use AVX-512's or AVX2's multiply-add of 16-bit pairs where available, else portable code.
/// </summary>
internal static class Int8Vectors
{
    /// <summary>The scale from a unit component to a byte.</summary>
    public const float Scale = 127f;

    /// <summary>Quantises a unit vector into <paramref name="destination"/>.</summary>
    public static void Quantize(ReadOnlySpan<float> vector, Span<sbyte> destination)
    {
        for (int i = 0; i < vector.Length; i++)
            destination[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * Scale), -127f, 127f);
    }

    /// <summary>A unit vector as the bytes the store keeps (one signed byte a component).</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length];
        Quantize(vector, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan()));
        return bytes;
    }

    /// <summary>The query widened to 16 bits once, so each row costs one widening.</summary>
    public static short[] Widen(ReadOnlySpan<float> query)
    {
        var q = new sbyte[query.Length];
        Quantize(query, q);
        return q.Select(x => (short)x).ToArray();
    }

    /// <summary>The integer dot product of a quantised row and a widened query (same length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        int i = 0, sum = 0;
        if (Avx512BW.IsSupported && row.Length >= 32)
        {
            var acc = Vector512<int>.Zero;
            ref sbyte r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(row);
            ref short q = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(query);
            for (; i + 32 <= row.Length; i += 32)
            {
                var words = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)i));
                acc = Avx512F.Add(acc, Avx512BW.MultiplyAddAdjacent(words, Vector512.LoadUnsafe(ref q, (nuint)i)));
            }

            sum = Vector512.Sum(acc);
        }
        else if (Avx2.IsSupported && row.Length >= 16)
        {
            var acc = Vector256<int>.Zero;
            ref sbyte r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(row);
            ref short q = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(query);
            for (; i + 16 <= row.Length; i += 16)
            {
                var bytes = Vector128.LoadUnsafe(ref r, (nuint)i);
                var words = Avx2.ConvertToVector256Int16(bytes);
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(words, Vector256.LoadUnsafe(ref q, (nuint)i)));
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < row.Length; i++) sum += row[i] * query[i];
        return sum;
    }
}
