using System.Numerics.Tensors;
using ChatBot.Retrieval;
using Microsoft.Extensions.AI;

namespace ChatBot.Embeddings.Tests;

public sealed class ConcatenatedEmbeddingGeneratorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDotProductOfTwoCombinedVectorsIsTheWeightedMeanOfThePartsCosines()
    {
        using var a = new HashEncoder("a", 8, seed: 1);
        using var b = new HashEncoder("b", 5, seed: 2);
        var combined = new ConcatenatedEmbeddingGenerator([(a, 0.3), (b, 0.7)]);
        string[] texts = ["North Korea", "the DPRK", "Cuba"];

        var c = await combined.GenerateAsync(texts, cancellationToken: Token);
        var va = await a.GenerateAsync(texts, cancellationToken: Token);
        var vb = await b.GenerateAsync(texts, cancellationToken: Token);
        Assert.Equal(13, combined.Metadata.DefaultModelDimensions);
        Assert.Equal("a*0.3+b*0.7", combined.Metadata.DefaultModelId);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(13, c[i].Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(c[i].Vector.Span), 4);
            for (int j = 0; j < texts.Length; j++)
            {
                float expected = 0.3f * TensorPrimitives.Dot(va[i].Vector.Span, va[j].Vector.Span) + 0.7f * TensorPrimitives.Dot(vb[i].Vector.Span, vb[j].Vector.Span);
                Assert.Equal(expected, TensorPrimitives.Dot(c[i].Vector.Span, c[j].Vector.Span), 4);
            }
        }
    }

    [Fact]
    public async Task OptionsReachEveryPartSoQueriesAreMarkedForEach()
    {
        using var a = new HashEncoder("a", 4, seed: 1);
        using var b = new HashEncoder("b", 4, seed: 2);
        var combined = new ConcatenatedEmbeddingGenerator([(a, 1), (b, 1)]);
        await combined.GenerateAsync(["x"], EmbeddingInput.Queries(), Token);
        Assert.True(a.SawQuery);
        Assert.True(b.SawQuery);
    }

    [Fact]
    public void BadPartsAreRefused()
    {
        using var a = new HashEncoder("a", 4, seed: 1);
        Assert.Throws<ArgumentException>(() => new ConcatenatedEmbeddingGenerator([]));
        Assert.Throws<ArgumentException>(() => new ConcatenatedEmbeddingGenerator([(a, 0)]));
        Assert.Throws<ArgumentException>(() => new ConcatenatedEmbeddingGenerator([(a, -1), (a, 2)]));
    }

    /// <summary>A deterministic unit-vector encoder: a text's hash seeds its vector.</summary>
    private sealed class HashEncoder(string id, int dimensions, int seed) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public bool SawQuery { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            SawQuery |= EmbeddingInput.IsQuery(options);
            var result = new GeneratedEmbeddings<Embedding<float>>();
            foreach (var text in values)
            {
                var random = new Random(seed * 7919 + text.Length * 31 + text.Sum(ch => ch));
                var v = Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
                TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
                result.Add(new Embedding<float>(v));
            }

            return Task.FromResult(result);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, id, dimensions) : null;

        public void Dispose()
        {
        }
    }
}
