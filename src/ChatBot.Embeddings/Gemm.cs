using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ChatBot.Embeddings;

/// <summary>
/// Single-precision matrix multiply <c>C = A·B (+ bias, + C, ReLU)</c> with <c>A</c> row-major and
/// <c>B</c> in <see cref="PackedMatrix"/> panel layout: a register-blocked SIMD micro-kernel (12x16 with
/// AVX-512, 6x16 with AVX2+FMA: one broadcast of A and one fused multiply-add per accumulator per k)
/// inside a cache-blocked loop (K in blocks of <see cref="KBlock"/>, so a 32 KB B micro-panel is reused
/// from L1/L2 by all row tiles of a block; rows in blocks of <see cref="RowBlock"/>, so the A block stays
/// in L2), split over threads by row blocks and column groups when the product is large enough.
/// Measured on the 2-core EPYC: about 90% of one core's FMA peak per thread and 1.9-2x on two threads.
/// </summary>
/// <remarks>
/// Every output element is accumulated in the same order (bias or residual first, then k ascending,
/// one fused multiply-add per k) whatever the matrix height, the tile it falls in or the thread that
/// computes it, and the AVX2 and AVX-512 kernels perform the same operations. So a row's result does
/// not depend on which other rows are in the batch: a padded batch equals one-at-a-time exactly.
/// </remarks>
internal static unsafe class Gemm
{
    public const int PanelWidth = 16;
    private const int KBlock = 512;
    private const int RowBlock = 96;
    private const long ParallelThreshold = 1L << 20; // multiply-adds below which threads cost more than they give

    private const int ModeLoadC = 1;
    private const int ModeBias = 2;
    private const int ModeRelu = 4;

    /// <summary>The fastest kernel this processor supports.</summary>
    public static GemmKernel BestKernel { get; } =
        Avx512F.IsSupported ? GemmKernel.Avx512 :
        Fma.IsSupported && Avx2.IsSupported ? GemmKernel.Avx2Fma :
        GemmKernel.Portable;

    /// <summary>Whether <paramref name="kernel"/> can run on this processor.</summary>
    public static bool IsSupported(GemmKernel kernel) => kernel switch
    {
        GemmKernel.Avx512 => Avx512F.IsSupported,
        GemmKernel.Avx2Fma => Fma.IsSupported && Avx2.IsSupported,
        _ => true,
    };

    public static int PanelCount(int columns) => (columns + PanelWidth - 1) / PanelWidth;

    /// <summary>
    /// Computes <c>C[m x n] = epilogue(A[m x k]·B + bias)</c>. <paramref name="a"/> has row stride
    /// <paramref name="lda"/>, <paramref name="c"/> row stride <paramref name="ldc"/>; <paramref name="b"/>
    /// is <c>ceil(n/16)</c> panels of <c>k x 16</c> floats; <paramref name="bias"/> (nullable) must be
    /// readable for <c>ceil(n/16)*16</c> floats.
    /// </summary>
    public static void Multiply(float* a, int lda, int m, int k, float* b, int n, float* c, int ldc, float* bias,
        GemmEpilogue epilogue, int maxWorkers, GemmKernel kernel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (m <= 0 || n <= 0)
        {
            return;
        }

        var job = new Job(a, lda, k, b, n, c, ldc, bias, epilogue, kernel);
        int rowBlocks = (m + RowBlock - 1) / RowBlock;
        int panels = PanelCount(n);
        if (maxWorkers <= 1 || (long)m * n * k < ParallelThreshold)
        {
            job.Run(0, m, 0, panels);
            return;
        }

        // Enough tasks to balance the threads; split columns only when there are few row blocks.
        int columnGroups = Math.Clamp((4 * maxWorkers + rowBlocks - 1) / rowBlocks, 1, panels);
        int panelsPerGroup = (panels + columnGroups - 1) / columnGroups;
        columnGroups = (panels + panelsPerGroup - 1) / panelsPerGroup;
        ParallelWork.For(rowBlocks * columnGroups, maxWorkers, (task, _) =>
        {
            int rowBlock = task / columnGroups;
            int group = task % columnGroups;
            int firstPanel = group * panelsPerGroup;
            job.Run(rowBlock * RowBlock, Math.Min(m, (rowBlock + 1) * RowBlock), firstPanel, Math.Min(panels, firstPanel + panelsPerGroup));
        });
    }

    private readonly struct Job(float* a, int lda, int k, float* b, int n, float* c, int ldc, float* bias,
        GemmEpilogue epilogue, GemmKernel kernel)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int rowStart, int rowEnd, int panelStart, int panelEnd)
        {
            int rowsPerTile = kernel switch { GemmKernel.Avx512 => 12, GemmKernel.Avx2Fma => 6, _ => 4 };
            bool accumulate = (epilogue & GemmEpilogue.Accumulate) != 0;
            bool relu = (epilogue & GemmEpilogue.Relu) != 0;
            for (int k0 = 0; k0 < k; k0 += KBlock)
            {
                int kc = Math.Min(KBlock, k - k0);
                int mode = k0 == 0 ? (accumulate ? ModeLoadC : 0) | (bias != null ? ModeBias : 0) : ModeLoadC;
                if (relu && k0 + kc >= k)
                {
                    mode |= ModeRelu;
                }

                for (int panel = panelStart; panel < panelEnd; panel++)
                {
                    float* panelB = b + ((long)panel * k + k0) * PanelWidth;
                    int columns = Math.Min(PanelWidth, n - panel * PanelWidth);
                    float* panelBias = bias == null ? null : bias + panel * PanelWidth;
                    for (int row = rowStart; row < rowEnd; row += rowsPerTile)
                    {
                        int rows = Math.Min(rowsPerTile, rowEnd - row);
                        float* tileA = a + (long)row * lda + k0;
                        float* tileC = c + (long)row * ldc + panel * PanelWidth;
                        Tile(kernel, rowsPerTile, tileA, lda, rows, panelB, kc, tileC, ldc, columns, panelBias, mode);
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile(GemmKernel kernel, int rowsPerTile, float* a, nint lda, int rows, float* b, int kc,
        float* c, nint ldc, int columns, float* bias, int mode)
    {
        if (rows == rowsPerTile && columns == PanelWidth)
        {
            RunKernel(kernel, a, lda, rows, b, kc, c, ldc, bias, mode);
        }
        else
        {
            EdgeTile(kernel, rowsPerTile, a, lda, rows, b, kc, c, ldc, columns, bias, mode);
        }
    }

    // Edge tile: compute a full tile in scratch, then copy the valid part.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EdgeTile(GemmKernel kernel, int rowsPerTile, float* a, nint lda, int rows, float* b, int kc,
        float* c, nint ldc, int columns, float* bias, int mode)
    {
        float* scratch = stackalloc float[12 * PanelWidth];
        if ((mode & ModeLoadC) != 0)
        {
            for (int r = 0; r < rowsPerTile; r++)
            {
                for (int j = 0; j < PanelWidth; j++)
                {
                    scratch[r * PanelWidth + j] = r < rows && j < columns ? c[r * ldc + j] : 0f;
                }
            }
        }

        RunKernel(kernel, a, lda, rows, b, kc, scratch, PanelWidth, bias, mode);
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < columns; j++)
            {
                c[r * ldc + j] = scratch[r * PanelWidth + j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunKernel(GemmKernel kernel, float* a, nint lda, int rows, float* b, int kc, float* c, nint ldc, float* bias, int mode)
    {
        switch (kernel)
        {
            case GemmKernel.Avx512:
                Kernel12x16Avx512(a, lda, rows, b, kc, c, ldc, bias, mode);
                break;
            case GemmKernel.Avx2Fma:
                Kernel6x16Fma(a, lda, rows, b, kc, c, ldc, bias, mode);
                break;
            default:
                KernelPortable(a, lda, rows, b, kc, c, ldc, bias, mode);
                break;
        }
    }

    // Rows past the valid count read row 0 (harmless) and are discarded by the caller.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float* RowPointer(float* a, nint lda, int row, int rows) => row < rows ? a + row * lda : a;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x16Fma(float* a, nint lda, int rows, float* b, int kc, float* c, nint ldc, float* bias, int mode)
    {
        float* a0 = a, a1 = RowPointer(a, lda, 1, rows), a2 = RowPointer(a, lda, 2, rows);
        float* a3 = RowPointer(a, lda, 3, rows), a4 = RowPointer(a, lda, 4, rows), a5 = RowPointer(a, lda, 5, rows);
        Vector256<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if ((mode & ModeLoadC) != 0)
        {
            c00 = Avx.LoadVector256(c); c01 = Avx.LoadVector256(c + 8);
            c10 = Avx.LoadVector256(c + ldc); c11 = Avx.LoadVector256(c + ldc + 8);
            c20 = Avx.LoadVector256(c + 2 * ldc); c21 = Avx.LoadVector256(c + 2 * ldc + 8);
            c30 = Avx.LoadVector256(c + 3 * ldc); c31 = Avx.LoadVector256(c + 3 * ldc + 8);
            c40 = Avx.LoadVector256(c + 4 * ldc); c41 = Avx.LoadVector256(c + 4 * ldc + 8);
            c50 = Avx.LoadVector256(c + 5 * ldc); c51 = Avx.LoadVector256(c + 5 * ldc + 8);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector256<float>.Zero;
        }

        if ((mode & ModeBias) != 0)
        {
            var bias0 = Avx.LoadVector256(bias);
            var bias1 = Avx.LoadVector256(bias + 8);
            c00 = Avx.Add(c00, bias0); c01 = Avx.Add(c01, bias1);
            c10 = Avx.Add(c10, bias0); c11 = Avx.Add(c11, bias1);
            c20 = Avx.Add(c20, bias0); c21 = Avx.Add(c21, bias1);
            c30 = Avx.Add(c30, bias0); c31 = Avx.Add(c31, bias1);
            c40 = Avx.Add(c40, bias0); c41 = Avx.Add(c41, bias1);
            c50 = Avx.Add(c50, bias0); c51 = Avx.Add(c51, bias1);
        }

        for (int p = 0; p < kc; p++, b += PanelWidth)
        {
            var b0 = Avx.LoadVector256(b);
            var b1 = Avx.LoadVector256(b + 8);
            var x = Vector256.Create(a0[p]);
            c00 = Fma.MultiplyAdd(x, b0, c00); c01 = Fma.MultiplyAdd(x, b1, c01);
            x = Vector256.Create(a1[p]);
            c10 = Fma.MultiplyAdd(x, b0, c10); c11 = Fma.MultiplyAdd(x, b1, c11);
            x = Vector256.Create(a2[p]);
            c20 = Fma.MultiplyAdd(x, b0, c20); c21 = Fma.MultiplyAdd(x, b1, c21);
            x = Vector256.Create(a3[p]);
            c30 = Fma.MultiplyAdd(x, b0, c30); c31 = Fma.MultiplyAdd(x, b1, c31);
            x = Vector256.Create(a4[p]);
            c40 = Fma.MultiplyAdd(x, b0, c40); c41 = Fma.MultiplyAdd(x, b1, c41);
            x = Vector256.Create(a5[p]);
            c50 = Fma.MultiplyAdd(x, b0, c50); c51 = Fma.MultiplyAdd(x, b1, c51);
        }

        if ((mode & ModeRelu) != 0)
        {
            var zero = Vector256<float>.Zero;
            c00 = Avx.Max(c00, zero); c01 = Avx.Max(c01, zero);
            c10 = Avx.Max(c10, zero); c11 = Avx.Max(c11, zero);
            c20 = Avx.Max(c20, zero); c21 = Avx.Max(c21, zero);
            c30 = Avx.Max(c30, zero); c31 = Avx.Max(c31, zero);
            c40 = Avx.Max(c40, zero); c41 = Avx.Max(c41, zero);
            c50 = Avx.Max(c50, zero); c51 = Avx.Max(c51, zero);
        }

        Avx.Store(c, c00); Avx.Store(c + 8, c01);
        Avx.Store(c + ldc, c10); Avx.Store(c + ldc + 8, c11);
        Avx.Store(c + 2 * ldc, c20); Avx.Store(c + 2 * ldc + 8, c21);
        Avx.Store(c + 3 * ldc, c30); Avx.Store(c + 3 * ldc + 8, c31);
        Avx.Store(c + 4 * ldc, c40); Avx.Store(c + 4 * ldc + 8, c41);
        Avx.Store(c + 5 * ldc, c50); Avx.Store(c + 5 * ldc + 8, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel12x16Avx512(float* a, nint lda, int rows, float* b, int kc, float* c, nint ldc, float* bias, int mode)
    {
        float* a0 = a, a1 = RowPointer(a, lda, 1, rows), a2 = RowPointer(a, lda, 2, rows), a3 = RowPointer(a, lda, 3, rows);
        float* a4 = RowPointer(a, lda, 4, rows), a5 = RowPointer(a, lda, 5, rows), a6 = RowPointer(a, lda, 6, rows), a7 = RowPointer(a, lda, 7, rows);
        float* a8 = RowPointer(a, lda, 8, rows), a9 = RowPointer(a, lda, 9, rows), a10 = RowPointer(a, lda, 10, rows), a11 = RowPointer(a, lda, 11, rows);
        Vector512<float> c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11;
        if ((mode & ModeLoadC) != 0)
        {
            c0 = Avx512F.LoadVector512(c); c1 = Avx512F.LoadVector512(c + ldc);
            c2 = Avx512F.LoadVector512(c + 2 * ldc); c3 = Avx512F.LoadVector512(c + 3 * ldc);
            c4 = Avx512F.LoadVector512(c + 4 * ldc); c5 = Avx512F.LoadVector512(c + 5 * ldc);
            c6 = Avx512F.LoadVector512(c + 6 * ldc); c7 = Avx512F.LoadVector512(c + 7 * ldc);
            c8 = Avx512F.LoadVector512(c + 8 * ldc); c9 = Avx512F.LoadVector512(c + 9 * ldc);
            c10 = Avx512F.LoadVector512(c + 10 * ldc); c11 = Avx512F.LoadVector512(c + 11 * ldc);
        }
        else
        {
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = c8 = c9 = c10 = c11 = Vector512<float>.Zero;
        }

        if ((mode & ModeBias) != 0)
        {
            var biasVector = Avx512F.LoadVector512(bias);
            c0 = Avx512F.Add(c0, biasVector); c1 = Avx512F.Add(c1, biasVector);
            c2 = Avx512F.Add(c2, biasVector); c3 = Avx512F.Add(c3, biasVector);
            c4 = Avx512F.Add(c4, biasVector); c5 = Avx512F.Add(c5, biasVector);
            c6 = Avx512F.Add(c6, biasVector); c7 = Avx512F.Add(c7, biasVector);
            c8 = Avx512F.Add(c8, biasVector); c9 = Avx512F.Add(c9, biasVector);
            c10 = Avx512F.Add(c10, biasVector); c11 = Avx512F.Add(c11, biasVector);
        }

        for (int p = 0; p < kc; p++, b += PanelWidth)
        {
            var bv = Avx512F.LoadVector512(b);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[p]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a1[p]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a2[p]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[p]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4[p]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a5[p]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[p]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a7[p]), bv, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a8[p]), bv, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a9[p]), bv, c9);
            c10 = Avx512F.FusedMultiplyAdd(Vector512.Create(a10[p]), bv, c10);
            c11 = Avx512F.FusedMultiplyAdd(Vector512.Create(a11[p]), bv, c11);
        }

        if ((mode & ModeRelu) != 0)
        {
            var zero = Vector512<float>.Zero;
            c0 = Avx512F.Max(c0, zero); c1 = Avx512F.Max(c1, zero); c2 = Avx512F.Max(c2, zero); c3 = Avx512F.Max(c3, zero);
            c4 = Avx512F.Max(c4, zero); c5 = Avx512F.Max(c5, zero); c6 = Avx512F.Max(c6, zero); c7 = Avx512F.Max(c7, zero);
            c8 = Avx512F.Max(c8, zero); c9 = Avx512F.Max(c9, zero); c10 = Avx512F.Max(c10, zero); c11 = Avx512F.Max(c11, zero);
        }

        Avx512F.Store(c, c0); Avx512F.Store(c + ldc, c1); Avx512F.Store(c + 2 * ldc, c2); Avx512F.Store(c + 3 * ldc, c3);
        Avx512F.Store(c + 4 * ldc, c4); Avx512F.Store(c + 5 * ldc, c5); Avx512F.Store(c + 6 * ldc, c6); Avx512F.Store(c + 7 * ldc, c7);
        Avx512F.Store(c + 8 * ldc, c8); Avx512F.Store(c + 9 * ldc, c9); Avx512F.Store(c + 10 * ldc, c10); Avx512F.Store(c + 11 * ldc, c11);
    }

    // Fallback for processors without AVX2/FMA (or non-x86): 4 rows, Vector<float> lanes (scalar when
    // Vector<float> is not accelerated or wider than a panel), multiply then add.
    private static void KernelPortable(float* a, nint lda, int rows, float* b, int kc, float* c, nint ldc, float* bias, int mode)
    {
        int lanes = Vector.IsHardwareAccelerated && Vector<float>.Count <= PanelWidth ? Vector<float>.Count : 1;
        for (int r = 0; r < 4; r++)
        {
            float* ar = RowPointer(a, lda, r, rows);
            float* cr = c + r * ldc;
            for (int j = 0; j < PanelWidth; j += lanes)
            {
                if (lanes == 1)
                {
                    float sum = (mode & ModeLoadC) != 0 ? cr[j] : 0f;
                    if ((mode & ModeBias) != 0)
                    {
                        sum += bias[j];
                    }

                    for (int p = 0; p < kc; p++)
                    {
                        sum += ar[p] * b[p * PanelWidth + j];
                    }

                    cr[j] = (mode & ModeRelu) != 0 ? MathF.Max(sum, 0f) : sum;
                    continue;
                }

                var acc = (mode & ModeLoadC) != 0 ? Unsafe.ReadUnaligned<Vector<float>>(cr + j) : Vector<float>.Zero;
                if ((mode & ModeBias) != 0)
                {
                    acc += Unsafe.ReadUnaligned<Vector<float>>(bias + j);
                }

                float* bp = b + j;
                for (int p = 0; p < kc; p++, bp += PanelWidth)
                {
                    acc += new Vector<float>(ar[p]) * Unsafe.ReadUnaligned<Vector<float>>(bp);
                }

                if ((mode & ModeRelu) != 0)
                {
                    acc = Vector.Max(acc, Vector<float>.Zero);
                }

                Unsafe.WriteUnaligned(cr + j, acc);
            }
        }
    }
}
