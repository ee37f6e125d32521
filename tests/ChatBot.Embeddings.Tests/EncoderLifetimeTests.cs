namespace ChatBot.Embeddings.Tests;

public sealed class EncoderLifetimeTests
{
    [Fact]
    public async Task DisposedEncoderRefusesWork()
    {
        var encoder = LocalSentenceEncoder.Load(TestPaths.RequireModelDirectory());
        encoder.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => encoder.GenerateAsync(["a"], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void LoadingAnIncompleteFolderNamesTheMissingFile()
    {
        string source = TestPaths.RequireModelDirectory();
        string folder = Directory.CreateTempSubdirectory("use-lite-partial-").FullName;
        try
        {
            File.Copy(Path.Combine(source, "model.json"), Path.Combine(folder, "model.json"));
            File.Copy(Path.Combine(source, "vocab.json"), Path.Combine(folder, "vocab.json"));
            for (int shard = 1; shard <= 6; shard++)
            {
                File.Copy(Path.Combine(source, $"group1-shard{shard}of7"), Path.Combine(folder, $"group1-shard{shard}of7"));
            }

            var error = Assert.Throws<FileNotFoundException>(() => LocalSentenceEncoder.Load(folder));
            Assert.Contains("group1-shard7of7", error.Message);

            File.Delete(Path.Combine(folder, "vocab.json"));
            error = Assert.Throws<FileNotFoundException>(() => LocalSentenceEncoder.Load(folder));
            Assert.Contains("vocab.json", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Throws<DirectoryNotFoundException>(() => LocalSentenceEncoder.Load(folder));
    }

    [Theory]
    [MemberData(nameof(GemmTests.Kernels), MemberType = typeof(GemmTests))]
    public async Task EverySupportedKernelMatchesTheReference(string kernelName)
    {
        // The fallbacks (AVX2 without AVX-512, portable without AVX2/FMA) must be correct too, not only the fastest path.
        var kernel = Enum.Parse<GemmKernel>(kernelName);
        using var encoder = LocalSentenceEncoder.Load(TestPaths.RequireModelDirectory(), null, kernel);
        var sentences = ReferenceData.Instance.Sentences;
        var embeddings = await encoder.GenerateAsync(sentences.Select(s => s.Text), cancellationToken: TestContext.Current.CancellationToken);
        for (int i = 0; i < sentences.Count; i++)
        {
            float cosine = VectorAssert.Cosine(embeddings[i].Vector.Span, sentences[i].Embedding);
            Assert.True(cosine >= 0.9999f, $"{kernel} kernel: cosine {cosine:F6} for \"{sentences[i].Text}\".");
        }
    }
}
