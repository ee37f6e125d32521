using System.Text.Json;
using ChatBot.Evaluation;
using ChatBot.Tests.Infrastructure;
using ChatBot.Tests.Shared;

namespace ChatBot.Tests;

public sealed class EvaluationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("We firmly believe that there is no alternative to a peaceful settlement.", "there is no alternative to a\n peaceful settlement", true)]
    [InlineData("“free trade.”", "\"free trade.\"", true)]
    [InlineData("The Americans will continue to be guided by their own interests, which President Donald Trump outlined.", "guided by their own interests, which President Donald Trump outlined during his campaign", true)]
    [InlineData("We firmly believe that there is no alternative.", "The game is too dangerous.", false)]
    public void OverlapIgnoresWhiteSpaceAndQuoteMarksOnly(string quote, string gold, bool overlaps) =>
        Assert.Equal(overlaps, TextOverlap.Overlaps(quote, gold));

    [Fact]
    public void GoldFileMatchesBySourcePathSuffix()
    {
        Assert.True(TextOverlap.SameFile("/srv/corpus/ungdc/2017/RUS_72_2017.txt", "ungdc/2017/RUS_72_2017.txt"));
        Assert.False(TextOverlap.SameFile("/srv/corpus/ungdc/2017/XRUS_72_2017.txt", "RUS_72_2017.txt"));
    }

    [Fact]
    public void MalformedQuestionLineIsReportedWithItsLine()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("q.jsonl", "{\"id\": \"a\", \"question\": \"x\"}\n{broken\n");
        var e = Assert.Throws<FormatException>(() => EvalRunner.Load(path));
        Assert.Contains("q.jsonl:2", e.Message);
    }

    [Fact]
    public async Task EvalCommandScoresTheQuestionSetAndFailsOnNothingWhenClean()
    {
        using var temp = new TempDirectory();
        var questions = temp.Write("q.jsonl", string.Join('\n',
            JsonSerializer.Serialize(new { id = "nk", question = "What did Lavrov say about North Korea?", kind = "direct", gold = new[] { new { file = "samples/000_d38afe4695054730.txt", substring = "He said that a war with North Korea would be catastrophic" } } }),
            JsonSerializer.Serialize(new { id = "swift", question = "What did Lavrov say about Taylor Swift?", kind = "unanswerable", gold = Array.Empty<object>() }),
            JsonSerializer.Serialize(new { id = "attrib", question = "Did Lavrov say the time for reasoning is over?", kind = "attribution", gold = Array.Empty<object>(), forbidden = "the time for reasoning is over" })));
        var report = temp.File("report.json");
        var run = await CliRunner.RunAsync(temp.Path, "eval", questions, "--corpus", RepoPaths.Samples, "--data", temp.File("data"), "--out", report, "--fail-on-errors");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("| overall (3) | recall@1 |", run.Stdout);
        var bm25 = JsonDocument.Parse(File.ReadAllText(report)).RootElement[0];
        Assert.Equal("bm25", bm25.GetProperty("ranking").GetString());
        Assert.Equal(1.0, bm25.GetProperty("overall").GetProperty("recall_at_5").GetDouble());
        Assert.Equal(0, bm25.GetProperty("overall").GetProperty("attribution_errors").GetInt32());
        Assert.Equal(1.0, bm25.GetProperty("overall").GetProperty("verbatim_rate").GetDouble());
    }

    [Fact]
    public async Task EvalCommandFailsWhenAnswerRecallIsBelowTheFloorAndSaysWhichFigure()
    {
        using var temp = new TempDirectory();
        var questions = temp.Write("q.jsonl",
            JsonSerializer.Serialize(new { id = "nk", question = "What did Lavrov say about North Korea?", kind = "direct", gold = new[] { new { file = "samples/000_d38afe4695054730.txt", substring = "He said that a war with North Korea would be catastrophic" } } }));
        var run = await CliRunner.RunAsync(temp.Path, "eval", questions, "--corpus", RepoPaths.Samples, "--data", temp.File("data"), "--min-recall-at5", "0.5", "--min-answer-recall", "1.01");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Answer recall is 1.000, below the floor of 1.010", run.Stderr);
    }

    [Fact]
    public async Task BenchWritesTheReportWithEveryMeasure()
    {
        using var temp = new TempDirectory();
        // With the default encoders (the other CLI tests run on BM25 alone).
        var run = await CliRunner.RunAsync(temp.Path, new Dictionary<string, string> { ["ChatBot__Embeddings__Provider"] = "Local" },
            "bench", "--corpus", RepoPaths.Samples, "--requests", "8", "--out", temp.File("out"), "--data", temp.File("data"));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var json = JsonDocument.Parse(File.ReadAllText(temp.File(Path.Combine("out", "bench.json")))).RootElement;
        Assert.Equal(2, json.GetProperty("ingest").GetProperty("documents").GetInt32());
        Assert.True(json.GetProperty("ingest").GetProperty("chunks_per_second").GetDouble() > 0);
        Assert.True(json.GetProperty("index_bytes").GetInt64() > 0);
        Assert.True(json.GetProperty("peak_memory_bytes").GetInt64() > 0);
        Assert.True(json.GetProperty("cold_start_ms").GetDouble() > 0);
        foreach (var kind in new[] { "search", "ask" })
            foreach (var where in new[] { "in_process", "http" })
                Assert.True(json.GetProperty(kind).GetProperty(where).GetProperty("p50_ms").GetDouble() > 0, $"{kind} {where}");
        var embedder = json.GetProperty("embedder");
        Assert.Equal(896, embedder.GetProperty("dimensions").GetInt32()); // the default ensemble
        Assert.True(embedder.GetProperty("passages_per_second").GetDouble() > 0);
        Assert.True(embedder.GetProperty("query_p50_ms").GetDouble() > 0);
        Assert.Contains("Embedder as configured", File.ReadAllText(temp.File(Path.Combine("out", "bench.md"))));
    }
}
