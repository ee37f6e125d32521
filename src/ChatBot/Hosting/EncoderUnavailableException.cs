namespace ChatBot.Hosting;

/// <summary>
/// The configured sentence encoder cannot be loaded. The bot refuses to run rather than quietly search on keywords
/// alone; keyword-only search is a choice made with <c>ChatBot:Embeddings:Provider=None</c>.
/// </summary>
public sealed class EncoderUnavailableException(string problem)
    : InvalidOperationException($"The sentence encoder cannot be used: {problem}. Fix that, or set ChatBot:Embeddings:Provider=None (env ChatBot__Embeddings__Provider=None) to run on keyword search alone.")
{
    /// <summary>What is wrong, in words.</summary>
    public string Problem { get; } = problem;
}
