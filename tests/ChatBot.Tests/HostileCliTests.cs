using ChatBot.Tests.Infrastructure;
using ChatBot.Tests.Shared;

namespace ChatBot.Tests;

/// <summary>
/// The executable under the faults a hostile tester tries: a damaged or emptied store, a data folder that is a file or
/// read-only, a malformed bot token, link loops. Each ends with one line on stderr and a documented exit code.
/// </summary>
public sealed class HostileCliTests
{
    private static void AssertOneLineError((int ExitCode, string Stdout, string Stderr) run, int exitCode, string expected)
    {
        Assert.Equal(exitCode, run.ExitCode);
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Contains(expected, Assert.Single(errors));
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
    }

    [Fact]
    public async Task An_emptied_database_is_exit_3_naming_the_file_and_the_samples_are_not_loaded_in_its_place()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        Assert.Equal(0, (await CliRunner.RunAsync(temp.Path, "ingest", RepoPaths.Samples, "--data", data)).ExitCode);
        var vectors = await File.ReadAllBytesAsync(Path.Combine(data, "chatbot.vectors"), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(data, "chatbot.db"), [], TestContext.Current.CancellationToken);

        var search = await CliRunner.RunAsync(RepoPaths.Root, "search", "North Korea", "--data", data);
        AssertOneLineError(search, 3, Path.Combine(data, "chatbot.db"));
        Assert.Equal(0, new FileInfo(Path.Combine(data, "chatbot.db")).Length);
        Assert.Equal(vectors, await File.ReadAllBytesAsync(Path.Combine(data, "chatbot.vectors"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_data_folder_that_is_a_file_or_cannot_be_created_is_one_line_and_an_exit_code()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("not-a-folder", "x");
        AssertOneLineError(await CliRunner.RunAsync(temp.Path, "ingest", RepoPaths.Samples, "--data", file), 3, file);
        // /proc refuses new folders to everyone, root included: the closest thing to a read-only file system here.
        AssertOneLineError(await CliRunner.RunAsync(temp.Path, "search", "x", "--data", "/proc/chatbot-data"), 4, "/proc/chatbot-data");
    }

    [Fact]
    public async Task A_malformed_telegram_token_stops_serve_with_exit_2_and_never_prints_the_token()
    {
        using var temp = new TempDirectory();
        var env = new Dictionary<string, string> { ["ChatBot__Telegram__Token"] = "not-a-token-secret-value" };
        var serve = await CliRunner.RunAsync(temp.Path, env, "serve", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(temp.Path, "data"));
        AssertOneLineError(serve, 2, "ChatBot:Telegram:Token does not look like a bot token");
        Assert.DoesNotContain("not-a-token-secret-value", serve.Stderr + serve.Stdout);
    }

    [Fact]
    public async Task Api_keys_are_created_listed_and_revoked_from_the_command_line()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var created = await CliRunner.RunAsync(temp.Path, "apikey", "create", "--name", "reporter", "--data", data);
        Assert.Equal(0, created.ExitCode);
        var key = created.Stdout.Trim();
        Assert.StartsWith("cbk_", key);

        var listed = await CliRunner.RunAsync(temp.Path, "apikey", "list", "--data", data);
        Assert.Contains("reporter", listed.Stdout);
        Assert.Contains("valid", listed.Stdout);
        Assert.DoesNotContain(key, listed.Stdout);
        var id = listed.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

        Assert.Equal(0, (await CliRunner.RunAsync(temp.Path, "apikey", "revoke", id, "--data", data)).ExitCode);
        Assert.Contains("revoked", (await CliRunner.RunAsync(temp.Path, "apikey", "list", "--data", data)).Stdout);
        AssertOneLineError(await CliRunner.RunAsync(temp.Path, "apikey", "revoke", id, "--data", data), 2, id);
    }

    [Fact]
    public async Task A_folder_with_link_loops_is_ingested_once_with_the_loops_reported()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(temp.Path, "corpus");
        Directory.CreateDirectory(Path.Combine(corpus, "sub"));
        foreach (var f in Directory.GetFiles(RepoPaths.Samples)) File.Copy(f, Path.Combine(corpus, Path.GetFileName(f)));
        Directory.CreateSymbolicLink(Path.Combine(corpus, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(corpus, "sub", "up"), "..");

        var ingest = await CliRunner.RunAsync(temp.Path, "ingest", corpus, "--data", Path.Combine(temp.Path, "data"));
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("written: 2 documents", ingest.Stdout);
        Assert.Contains("skipped: 2", ingest.Stdout);
        Assert.Contains("a folder already read", ingest.Stdout);
    }
}
