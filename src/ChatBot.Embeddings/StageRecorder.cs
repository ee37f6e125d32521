namespace ChatBot.Embeddings;

/// <summary>
/// Collects copies of intermediate activations during a forward pass (for layer-by-layer checks
/// against the reference); stage names follow the reference file.
/// </summary>
internal sealed unsafe class StageRecorder
{
    private readonly Dictionary<string, float[]> _stages = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, float[]> Stages => _stages;

    public void Record(string stage, float* values, int count) => _stages[stage] = new ReadOnlySpan<float>(values, count).ToArray();
}
