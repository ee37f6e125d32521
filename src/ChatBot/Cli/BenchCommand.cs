using System.CommandLine;
using System.Text.Json;
using ChatBot.Benchmarks;

namespace ChatBot.Cli;

/// <summary><c>bench [--corpus PATH...] [--data DIR] [--out DIR]</c>: speed and scale figures, written as bench.md and bench.json.</summary>
public static class BenchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> dataOption)
    {
        var corpus = new Option<string[]>("--corpus") { Description = "Files or folders to ingest (default: samples)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Folder for bench.md and bench.json", DefaultValueFactory = _ => "bench-out" };
        var requests = new Option<int>("--requests") { Description = "Requests per latency measurement", DefaultValueFactory = _ => 200 };
        var reuse = new Option<bool>("--reuse-store") { Description = "Measure the store already in --data instead of ingesting into a fresh one" };
        var command = new Command("bench", "Measure ingest, index size, memory, cold start and latency on a fresh store") { corpus, output, requests, reuse, dataOption };
        command.SetAction(async (parse, ct) =>
        {
            var paths = parse.GetValue(corpus) is { Length: > 0 } given ? given : ["samples"];
            var data = parse.GetValue(dataOption) ?? Path.Combine(Path.GetTempPath(), $"chatbot-bench-{DateTime.UtcNow:yyyyMMddHHmmss}");
            var report = await new BenchRunner(paths.Select(Path.GetFullPath).ToList(), Path.GetFullPath(data), Console.Error) { Requests = parse.GetValue(requests), ReuseStore = parse.GetValue(reuse) }.RunAsync(ct);
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(outDir);
            var markdown = BenchMarkdown.Render(report);
            await File.WriteAllTextAsync(Path.Combine(outDir, "bench.md"), markdown, ct);
            await File.WriteAllTextAsync(Path.Combine(outDir, "bench.json"), JsonSerializer.Serialize(report, CliHost.Json), ct);
            Console.WriteLine(markdown);
            Console.WriteLine($"Written to {outDir}");
            return 0;
        });
        return command;
    }
}
