using Microsoft.Extensions.AI;

namespace ChatBot.Embeddings;

/// <summary>What the project's embedding generators answer to <c>GetService</c>: their metadata and themselves.</summary>
internal static class GeneratorServices
{
    /// <summary>The metadata, the generator itself when it is of <paramref name="serviceType"/>, else null; keyed requests get null.</summary>
    public static object? Resolve(object generator, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return metadata;
        return serviceType.IsInstanceOfType(generator) ? generator : null;
    }
}
