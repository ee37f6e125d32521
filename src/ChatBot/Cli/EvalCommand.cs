using System.CommandLine;
using ChatBot.Text;
using System.Text.Json;
using ChatBot.Answering;
using ChatBot.Evaluation;
using ChatBot.Hosting;
using ChatBot.Ingestion;
using ChatBot.Retrieval;
using ChatBot.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Cli;

/// <summary><c>eval QUESTIONS.jsonl [--corpus PATH...] [--data DIR] [--out FILE] [--fail-on-errors]</c>.</summary>
public static class EvalCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> dataOption)
    {
        var file = new Argument<string>("questions") { Description = "Question file (JSON Lines)" };
        var corpus = new Option<string[]>("--corpus") { Description = "Files or folders to ingest first (unchanged ones are skipped)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "Write the reports as JSON to this file" };
        var failOnErrors = new Option<bool>("--fail-on-errors") { Description = "Exit with 1 if any attribution error or non-verbatim quote appears" };
        var minRecall = new Option<double?>("--min-recall-at5") { Description = "Exit with 1 if the hybrid search's recall@5 is below this floor" };
        var minAnswerRecall = new Option<double?>("--min-answer-recall") { Description = "Exit with 1 if the share of answerable questions whose answer quotes a gold passage is below this floor" };
        var command = new Command("eval", "Score search and ask on a question set, hybrid against a BM25-only baseline") { file, corpus, output, failOnErrors, minRecall, minAnswerRecall, dataOption };
        command.SetAction(async (parse, ct) =>
        {
            var questions = EvalRunner.Load(parse.GetValue(file)!);
            using var host = CliHost.Build(parse.GetValue(dataOption));
            var services = host.Services;
            var paths = parse.GetValue(corpus) ?? [];
            if (paths.Length == 0) await services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync(ct);
            else
            {
                var summary = await services.GetRequiredService<IngestionPipeline>().IngestAsync(paths, cancellationToken: ct);
                services.GetRequiredService<SearchService>().InvalidateCaches();
                Console.Error.WriteLine($"Corpus: {summary.DocumentsWritten} written, {summary.DocumentsUnchanged} unchanged, {summary.Skipped.Count} skipped");
            }

            var search = services.GetRequiredService<SearchService>();
            var reports = new List<EvalReport>();
            if (search.UsesVectors)
                reports.Add(await new EvalRunner(search, services.GetRequiredService<IAnswerService>(), "hybrid").RunAsync(questions, ct));
            var options = services.GetRequiredService<IOptions<ChatBotOptions>>().Value;
            var keywordsOnly = new SearchService(services.GetRequiredService<ITranscriptStore>());
            reports.Add(await new EvalRunner(keywordsOnly, new AnswerService(keywordsOnly, options.Answers), "bm25").RunAsync(questions, ct));

            var stats = await services.GetRequiredService<ITranscriptStore>().GetStatisticsAsync(ct);
            Console.WriteLine($"{questions.Count} questions over {stats.Documents} documents ({stats.Chunks} chunks)\n");
            Console.WriteLine(EvalMarkdown.Render(reports));
            foreach (var miss in reports[0].Questions.Where(o => o.FirstHitRank is null && questions.First(q => q.Id == o.Id).Gold.Count > 0))
                Console.WriteLine($"missed ({reports[0].Ranking}): {miss.Id}: top quote: {SearchCommand.Shorten(Whitespace.Collapse(miss.TopQuote ?? "(none)"), 120)}");
            if (parse.GetValue(output) is { } path)
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(reports, CliHost.Json), ct);

            bool errors = reports.Any(r => r.Overall.AttributionErrors > 0 || r.Overall.VerbatimRate is < 1.0);
            if (errors) Console.Error.WriteLine("Attribution errors or non-verbatim quotes were found.");
            if (parse.GetValue(minRecall) is double floor && reports[0].Overall.RecallAt5 is double recall && recall < floor)
            {
                Console.Error.WriteLine($"recall@5 is {recall:F3}, below the floor of {floor:F3}.");
                return 1;
            }

            if (parse.GetValue(minAnswerRecall) is double answerFloor && reports[0].Overall.AnswerRecall is double answerRecall && answerRecall < answerFloor)
            {
                Console.Error.WriteLine($"Answer recall is {answerRecall:F3}, below the floor of {answerFloor:F3}.");
                return 1;
            }

            return errors && parse.GetValue(failOnErrors) ? 1 : 0;
        });
        return command;
    }
}
