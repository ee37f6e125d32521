using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Embeddings.Tests;

/// <summary>The reference outputs of the TensorFlow.js runtime (<c>use-lite-reference.json</c>).</summary>
internal sealed class ReferenceData
{
    private static readonly Lazy<ReferenceData> s_instance = new(Load);

    [JsonPropertyName("sentences")]
    public required List<ReferenceSentence> Sentences { get; init; }

    [JsonPropertyName("stages")]
    public required List<Dictionary<string, JsonElement>> Stages { get; init; }

    [JsonPropertyName("batch_check")]
    public required ReferenceBatch BatchCheck { get; init; }

    [JsonPropertyName("constants")]
    public required Dictionary<string, JsonElement> Constants { get; init; }

    public static ReferenceData Instance => s_instance.Value;

    public string StageText(int index) => Stages[index]["text"].GetString()!;

    public ReferenceTensor Stage(int index, string stage) => Stages[index][stage].Deserialize<ReferenceTensor>()!;

    private static ReferenceData Load()
    {
        string path = TestPaths.ReferencePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The reference file '{path}' is missing (set CHATBOT_SHARED to the shared folder).");
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ReferenceData>(stream) ?? throw new InvalidOperationException($"'{path}' is empty.");
    }
}

internal sealed class ReferenceSentence
{
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("token_ids")]
    public required int[] TokenIds { get; init; }

    [JsonPropertyName("embedding")]
    public required float[] Embedding { get; init; }
}

internal sealed class ReferenceBatch
{
    [JsonPropertyName("texts")]
    public required int[] Texts { get; init; }

    [JsonPropertyName("embeddings")]
    public required float[][] Embeddings { get; init; }
}

internal sealed class ReferenceTensor
{
    [JsonPropertyName("shape")]
    public required int[] Shape { get; init; }

    [JsonPropertyName("values")]
    public required float[] Values { get; init; }
}
