using System.Numerics;
using System.Runtime.Intrinsics;

namespace ChatBot.Embeddings;

/// <summary>The micro-kernel family <see cref="Gemm"/> runs on.</summary>
internal enum GemmKernel
{
    /// <summary><see cref="Vector{T}"/> multiply then add; any hardware.</summary>
    Portable,

    /// <summary>AVX2 + FMA3, 6 rows x 16 columns of <see cref="Vector256{T}"/> accumulators.</summary>
    Avx2Fma,

    /// <summary>AVX-512F, 12 rows x 16 columns of <see cref="Vector512{T}"/> accumulators.</summary>
    Avx512,
}
