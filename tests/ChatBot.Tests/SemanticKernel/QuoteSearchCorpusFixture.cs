using ChatBot.Tests.Infrastructure;
using ChatBot.Tests.Shared;

namespace ChatBot.Tests.SemanticKernel;

/// <summary>
/// A real SQLite store with the sample transcripts (Lavrov's press remarks), Lavrov's 2016 UN speech and Putin's
/// 2015 UN speech: two speakers and three years to filter on. Keyword ranking, as <see cref="TestServices"/> builds it.
/// </summary>
public sealed class QuoteSearchCorpusFixture : IAsyncLifetime
{
    public TestServices Services { get; } = new();

    public async ValueTask InitializeAsync() => await Services.IngestAsync(
        RepoPaths.Samples,
        Path.Combine(RepoPaths.Corpus, "ungdc", "2015", "RUS_70_2015.txt"),
        Path.Combine(RepoPaths.Corpus, "ungdc", "2016", "RUS_71_2016.txt"));

    public ValueTask DisposeAsync()
    {
        Services.Dispose();
        return ValueTask.CompletedTask;
    }
}
