using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace ChatBot.Embeddings;

/// <summary>
/// Several encoders as one: each text's unit vectors from every part, scaled by the square roots of the parts'
/// weights (which sum to 1) and laid end to end. The result is a unit vector whose dot product with another is the
/// weighted mean of the parts' cosine similarities, so a store and its vector index need nothing new. Options
/// (query or passage) reach every part. Thread-safe when the parts are.
/// </summary>
public sealed class ConcatenatedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly (IEmbeddingGenerator<string, Embedding<float>> Generator, float Scale, int Dimensions)[] _parts;

    /// <summary>Combines <paramref name="parts"/>; weights must be positive and are normalised to sum to 1.</summary>
    /// <exception cref="ArgumentException">No part, a weight that is not positive, or a part without known dimensions.</exception>
    public ConcatenatedEmbeddingGenerator(IReadOnlyList<(IEmbeddingGenerator<string, Embedding<float>> Generator, double Weight)> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("At least one encoder is needed.", nameof(parts));
        if (parts.Any(p => !(p.Weight > 0))) throw new ArgumentException("Every weight must be positive.", nameof(parts));
        double total = parts.Sum(p => p.Weight);
        _parts = parts.Select(p =>
        {
            var meta = p.Generator.GetService<EmbeddingGeneratorMetadata>();
            int dimensions = meta?.DefaultModelDimensions ?? throw new ArgumentException($"{meta?.DefaultModelId ?? p.Generator.GetType().Name} does not say its dimensions.", nameof(parts));
            return (p.Generator, (float)Math.Sqrt(p.Weight / total), dimensions);
        }).ToArray();
        var id = string.Join('+', parts.Select(p => $"{p.Generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId}*{p.Weight / total:0.###}"));
        Metadata = new EmbeddingGeneratorMetadata("ensemble", providerUri: null, defaultModelId: id, defaultModelDimensions: _parts.Sum(p => p.Dimensions));
    }

    /// <summary>Gets the metadata: provider <c>ensemble</c>, the parts and weights as model id, the summed dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var results = new GeneratedEmbeddings<Embedding<float>>[_parts.Length];
        for (int p = 0; p < _parts.Length; p++)
        {
            results[p] = await _parts[p].Generator.GenerateAsync(texts, options, cancellationToken);
            if (results[p].Count != texts.Count)
                throw new InvalidOperationException($"An encoder returned {results[p].Count} vectors for {texts.Count} texts.");
        }

        var combined = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            var vector = new float[Metadata.DefaultModelDimensions!.Value];
            int offset = 0;
            for (int p = 0; p < _parts.Length; p++)
            {
                var part = results[p][i].Vector.Span;
                if (part.Length != _parts[p].Dimensions)
                    throw new InvalidOperationException($"An encoder returned a {part.Length}-dimensional vector; {_parts[p].Dimensions} were expected.");
                TensorPrimitives.Multiply(part, _parts[p].Scale, vector.AsSpan(offset, part.Length));
                offset += part.Length;
            }

            combined.Add(new Embedding<float>(vector) { ModelId = Metadata.DefaultModelId });
        }

        return combined;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => GeneratorServices.Resolve(this, Metadata, serviceType, serviceKey);

    /// <summary>Disposes nothing: the parts belong to whoever made them.</summary>
    public void Dispose()
    {
    }
}
