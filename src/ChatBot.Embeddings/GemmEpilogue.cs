namespace ChatBot.Embeddings;

/// <summary>What happens to the product before it is stored.</summary>
[Flags]
internal enum GemmEpilogue
{
    /// <summary>C = A·B + bias.</summary>
    None = 0,

    /// <summary>C = C + A·B + bias (a residual add).</summary>
    Accumulate = 1,

    /// <summary>ReLU after the bias.</summary>
    Relu = 2,
}
