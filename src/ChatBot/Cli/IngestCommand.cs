using System.CommandLine;
using ChatBot.Hosting;
using ChatBot.Ingestion;
using ChatBot.Retrieval;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary><c>ingest PATH... [--data DIR]</c>: files or folders in, a summary out.</summary>
public static class IngestCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> dataOption)
    {
        var paths = new Argument<string[]>("paths") { Description = "Transcript files or folders (format detected per file)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "Parse, chunk, embed and index transcripts") { paths, dataOption };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(parse.GetValue(dataOption));
            var services = host.Services;
            var embedder = services.GetRequiredService<EmbedderProvider>();
            embedder.EnsureAvailable();
            var pipeline = services.GetRequiredService<IngestionPipeline>();
            Console.Error.WriteLine($"Store: {services.GetRequiredService<ChatBot.Storage.ITranscriptStore>().Description}");
            Console.Error.WriteLine($"Encoder: {embedder.Status}");
            var summary = await RunWithProgressAsync(pipeline, parse.GetValue(paths)!, ct);
            services.GetRequiredService<SearchService>().InvalidateCaches();
            Print(summary);
            return summary.DocumentsWritten + summary.DocumentsUnchanged == 0 && summary.Skipped.Count > 0 ? 1 : 0;
        });
        return command;
    }

    private static async Task<IngestionSummary> RunWithProgressAsync(IngestionPipeline pipeline, string[] paths, CancellationToken ct)
    {
        if (Console.IsErrorRedirected)
        {
            // Logs and pipes get a plain line at most every few seconds, so a long run on one big file shows it is moving.
            long last = System.Diagnostics.Stopwatch.GetTimestamp();
            var lines = new Progress<IngestionProgress>(p =>
            {
                if (System.Diagnostics.Stopwatch.GetElapsedTime(last) < ProgressInterval) return;
                last = System.Diagnostics.Stopwatch.GetTimestamp();
                Console.Error.WriteLine(Describe(p));
            });
            return await pipeline.IngestAsync(paths, lines, ct);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IngestionSummary? summary = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Ingesting", maxValue: 1);
                var progress = new Progress<IngestionProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = Markup.Escape(Describe(p));
                });
                summary = await pipeline.IngestAsync(paths, progress, ct);
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    private static string Describe(IngestionProgress p) => p.ChunksToEmbed > 0
        ? $"Ingesting: {p.Done}/{p.Total} files, embedding {p.ChunksEmbedded:N0}/{p.ChunksToEmbed:N0} passages"
        : $"Ingesting: {p.Done}/{p.Total} files";

    private static void Print(IngestionSummary s)
    {
        Console.WriteLine($"Files: {s.Files}  written: {s.DocumentsWritten} documents, {s.ChunksWritten} chunks  unchanged: {s.DocumentsUnchanged}  skipped: {s.Skipped.Count}  time: {s.Elapsed.TotalSeconds:F1} s");
        foreach (var skipped in s.Skipped) Console.WriteLine($"  skipped {skipped}");
    }
}
