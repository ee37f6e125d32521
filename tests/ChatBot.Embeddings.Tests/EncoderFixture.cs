namespace ChatBot.Embeddings.Tests;

/// <summary>Loads the model once per test class. Fails every test of the class if the model is missing.</summary>
public sealed class EncoderFixture : IDisposable
{
    public EncoderFixture()
    {
        Encoder = LocalSentenceEncoder.Load(TestPaths.RequireModelDirectory());
    }

    public LocalSentenceEncoder Encoder { get; }

    public void Dispose() => Encoder.Dispose();
}
