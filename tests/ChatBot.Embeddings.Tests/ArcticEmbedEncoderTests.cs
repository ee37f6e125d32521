using ChatBot.Retrieval;
using Microsoft.Extensions.AI;

namespace ChatBot.Embeddings.Tests;

/// <summary>Loads the retrieval encoder once per test class, from the folder the build fills.</summary>
public sealed class ArcticFixture : IDisposable
{
    public BertSentenceEncoder Encoder { get; } = BertSentenceEncoder.Load(BertEncoderModel.ArcticEmbedXs, TestPaths.RequireArcticDirectory());

    public void Dispose() => Encoder.Dispose();
}

/// <summary>The real snowflake-arctic-embed-xs weights on ONNX Runtime.</summary>
public sealed class ArcticEmbedEncoderTests(ArcticFixture fixture) : IClassFixture<ArcticFixture>
{
    private readonly BertSentenceEncoder _encoder = fixture.Encoder;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutputsAreUnitLength384DimensionalVectorsInInputOrder()
    {
        string[] texts = ["North Korea", "", "The cat is sleeping on the sofa.", string.Join(' ', Enumerable.Repeat("sanctions", 2000)), "North Korea"];
        var embeddings = await _encoder.GenerateAsync(texts, cancellationToken: Token);

        Assert.Equal(texts.Length, embeddings.Count);
        foreach (var e in embeddings)
        {
            Assert.Equal(384, e.Vector.Length);
            Assert.Equal(1f, VectorAssert.Norm(e.Vector.Span), 3);
            Assert.Equal("snowflake-arctic-embed-xs", e.ModelId);
        }

        // The same text in two places of a batch (with different neighbours and padding) gets the same vector.
        Assert.True(VectorAssert.Cosine(embeddings[0].Vector.Span, embeddings[4].Vector.Span) > 0.99999f);
        Assert.True(VectorAssert.Cosine(embeddings[0].Vector.Span, embeddings[2].Vector.Span) < 0.9f);
    }

    [Fact]
    public async Task ABatchOfMixedLengthsEqualsOneAtATime()
    {
        string[] texts =
        [
            "We need to sit down and negotiate.",
            "The unilateral withdrawal by the United States from the Joint Comprehensive Plan of Action, in violation of Security Council resolution 2231, is regrettable.",
            "Yes.",
            "There is no alternative to the political and diplomatic route, based on a dialogue among all interested parties, for addressing the Korean peninsula's problems.",
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
    public async Task AQueryFindsItsAnswerAmongUnrelatedPassagesAndIsEmbeddedWithTheQueryInstruction()
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
            "What does Moscow think of Washington's trade blockade of Havana?",
            "How should the standoff over Pyongyang's weapons be defused?",
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
        Assert.True(VectorAssert.Cosine(unmarked[0].Vector.Span, q[0].Vector.Span) < 0.999f, "the query instruction was not applied");
    }

    [Fact]
    public void TokensAreCountedWithTheUncasedWordPieceVocabularyAccentsStripped()
    {
        Assert.Equal(3, _encoder.CountTokens("Hello world!"));
        Assert.Equal(_encoder.CountTokens("naive cafe"), _encoder.CountTokens("Naïve Café"));
    }
}
