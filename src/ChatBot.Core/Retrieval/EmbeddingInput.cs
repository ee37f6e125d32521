using Microsoft.Extensions.AI;

namespace ChatBot.Retrieval;

/// <summary>
/// Says whether a text to embed is a search query or a passage, for retrieval models that embed the two
/// differently (a query instruction, as in Arctic-embed, E5 or BGE). Passed as the <c>input_type</c> entry of
/// <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>, the convention of hosted embedding APIs
/// (Cohere, Voyage); texts without it are passages. Symmetric models ignore it.
/// </summary>
public static class EmbeddingInput
{
    /// <summary>The option's name.</summary>
    public const string PropertyName = "input_type";

    /// <summary>The value marking search queries.</summary>
    public const string QueryValue = "query";

    /// <summary>Options that mark the texts as search queries (a fresh instance: callers may add to it).</summary>
    public static EmbeddingGenerationOptions Queries() => new() { AdditionalProperties = new() { [PropertyName] = QueryValue } };

    /// <summary>Whether <paramref name="options"/> mark the texts as search queries.</summary>
    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true && value as string == QueryValue;
}
