using ChatBot.Storage.Tests.Fake;

namespace ChatBot.Storage.Tests.Qdrant;

/// <summary>
/// Not a test: runs the fake Qdrant for a process outside the tests (for example the <c>eval</c> command with
/// <c>ChatBot__Storage__Provider=Qdrant</c>). Run explicitly with <c>FAKE_QDRANT_URL_FILE=/tmp/fake-qdrant.url</c>;
/// it writes the gRPC address to that file and serves until the file is deleted, then fails if the fake refused any
/// request. See README, "Qdrant".
/// </summary>
public sealed class FakeQdrantHost
{
    private static readonly TimeSpan s_longest = TimeSpan.FromHours(2);

    [Fact(Explicit = true)]
    public async Task Serve_the_fake_until_the_url_file_is_deleted()
    {
        var file = Environment.GetEnvironmentVariable("FAKE_QDRANT_URL_FILE");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(file), "FAKE_QDRANT_URL_FILE not set: it names the file to write the fake's address to.");
        await using var server = await FakeQdrantServer.StartAsync();
        await File.WriteAllTextAsync(file!, server.Url, TestContext.Current.CancellationToken);
        var until = DateTime.UtcNow + s_longest;
        while (File.Exists(file) && DateTime.UtcNow < until) await Task.Delay(500, TestContext.Current.CancellationToken);
        var queries = server.Requests.GroupBy(r => r.Method).Select(g => $"{g.Key}: {g.Count()}");
        TestContext.Current.SendDiagnosticMessage("Calls: " + string.Join(", ", queries));
        Assert.True(server.Violations.Count == 0, "Requests the fake Qdrant refused:\n" + string.Join("\n", server.Violations.Take(20)));
    }
}
