namespace ChatBot.Embeddings.Tests;

/// <summary>Layer-by-layer comparison with the reference activations, so a regression names its layer.</summary>
public sealed class StageTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    public static TheoryData<int, string> Stages()
    {
        var data = new TheoryData<int, string>();
        foreach (int sentence in new[] { 0, 1 })
        {
            foreach (string stage in new[]
            {
                "embedded_plus_timing", "layer0_attention_out", "layer0_out", "layer1_attention_out",
                "layer1_out", "mean_pooled", "tanh", "embedding",
            })
            {
                data.Add(sentence, stage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void StageActivationMatchesTheReference(int sentence, string stage)
    {
        var reference = ReferenceData.Instance;
        var expected = reference.Stage(sentence, stage);
        var actual = fixture.Encoder.EncodeWithStages(reference.StageText(sentence));

        Assert.True(actual.ContainsKey(stage), $"The encoder recorded no stage '{stage}'.");
        Assert.Equal(expected.Values.Length, actual[stage].Length);
        float error = VectorAssert.RelativeMaxError(actual[stage], expected.Values);
        float cosine = VectorAssert.Cosine(actual[stage], expected.Values);
        Assert.True(error <= 1e-4f && cosine >= 0.99999f,
            $"Stage {stage} of \"{reference.StageText(sentence)}\": max error {error:E2} (relative to the largest value), cosine {cosine:F7}.");
    }
}
