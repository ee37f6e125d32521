namespace ChatBot.Embeddings.Tests;

public sealed unsafe class GemmTests
{
    public static TheoryData<string> Kernels()
    {
        var data = new TheoryData<string>();
        foreach (var kernel in Enum.GetValues<GemmKernel>().Where(Gemm.IsSupported))
        {
            data.Add(kernel.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void KernelMatchesANaiveProductForAwkwardShapes(string kernelName)
    {
        var kernel = Enum.Parse<GemmKernel>(kernelName);
        var random = new Random(7);
        foreach (var (m, k, n) in new[] { (1, 1, 1), (5, 3, 17), (13, 300, 33), (97, 513, 40), (200, 64, 130) })
        {
            foreach (var epilogue in new[] { GemmEpilogue.None, GemmEpilogue.Accumulate, GemmEpilogue.Relu, GemmEpilogue.Accumulate | GemmEpilogue.Relu })
            {
                foreach (int workers in new[] { 1, 2 })
                {
                    float[] a = Fill(random, m * k);
                    float[] b = Fill(random, k * n);
                    float[] bias = Fill(random, n);
                    float[] c = Fill(random, m * n);
                    float[] expected = Naive(a, b, bias, c, m, k, n, epilogue);

                    var packed = PackedMatrix.Pack(b, k, n);
                    var paddedBias = new float[Gemm.PanelCount(n) * Gemm.PanelWidth];
                    bias.CopyTo(paddedBias, 0);
                    fixed (float* pa = a, pc = c, pbias = paddedBias)
                    {
                        Gemm.Multiply(pa, k, m, k, packed.Pointer, n, pc, n, pbias, epilogue, workers, kernel);
                    }

                    for (int i = 0; i < expected.Length; i++)
                    {
                        Assert.True(Math.Abs(expected[i] - c[i]) <= 1e-4f * Math.Max(1f, Math.Abs(expected[i])),
                            $"{kernel} m={m} k={k} n={n} {epilogue} workers={workers}: element {i} is {c[i]}, expected {expected[i]}.");
                    }
                }
            }
        }
    }

    [Fact]
    public void RowResultsDoNotDependOnTheOtherRows()
    {
        var random = new Random(11);
        const int k = 700, n = 48;
        float[] a = Fill(random, 50 * k);
        var packed = PackedMatrix.Pack(Fill(random, k * n), k, n);
        float[] all = new float[50 * n];
        float[] one = new float[n];
        fixed (float* pa = a, pall = all, pone = one)
        {
            Gemm.Multiply(pa, k, 50, k, packed.Pointer, n, pall, n, null, GemmEpilogue.None, 2, Gemm.BestKernel);
            Gemm.Multiply(pa + 37 * k, k, 1, k, packed.Pointer, n, pone, n, null, GemmEpilogue.None, 1, Gemm.BestKernel);
        }

        Assert.Equal(all.AsSpan(37 * n, n).ToArray(), one);
    }

    private static float[] Fill(Random random, int count) => Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

    private static float[] Naive(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, GemmEpilogue epilogue)
    {
        var result = new float[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = bias[j] + ((epilogue & GemmEpilogue.Accumulate) != 0 ? c[i * n + j] : 0);
                for (int p = 0; p < k; p++)
                {
                    sum += (double)a[i * k + p] * b[p * n + j];
                }

                result[i * n + j] = (epilogue & GemmEpilogue.Relu) != 0 ? (float)Math.Max(sum, 0) : (float)sum;
            }
        }

        return result;
    }
}
