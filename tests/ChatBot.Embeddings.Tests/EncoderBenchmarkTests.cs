namespace ChatBot.Embeddings.Tests;

public sealed class EncoderBenchmarkTests
{
    [Fact]
    public async Task ASmallRunReportsPlausibleFigures()
    {
        var result = await EncoderBenchmark.RunAsync(
            TestPaths.RequireModelDirectory(),
            new EncoderBenchmarkOptions { PassageCount = 8, BatchSize = 4, Rounds = 1, QueryCount = 5 },
            TestContext.Current.CancellationToken);

        Assert.Equal(8, result.PassageCount);
        Assert.InRange(result.MeanTokensPerPassage, 95, 110);
        Assert.True(result.PassagesPerSecond > 0 && result.BestPassagesPerSecond >= result.PassagesPerSecond);
        Assert.True(result.QueryP50Milliseconds > 0 && result.QueryP95Milliseconds >= result.QueryP50Milliseconds);
        Assert.True(result.LoadMilliseconds > 0);
        Assert.Contains("passages", result.ToSummary());
    }

    [Fact]
    public async Task OutOfRangeOptionsAreRejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            EncoderBenchmark.RunAsync("unused", new EncoderBenchmarkOptions { PassageTokens = 500 }, TestContext.Current.CancellationToken));
    }
}
