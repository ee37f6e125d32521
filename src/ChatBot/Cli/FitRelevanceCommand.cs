using System.CommandLine;
using ChatBot.Evaluation;
using ChatBot.Hosting;
using ChatBot.Ingestion;
using ChatBot.Retrieval;

namespace ChatBot.Cli;

/// <summary>
/// <c>fit-relevance QUESTIONS.jsonl... [--corpus PATH...] [--data DIR] [--out FILE] [--folds K]</c>: fits the relevance
/// model on labelled question sets with cross-validation and writes it (by default over the one the library ships).
/// </summary>
public static class FitRelevanceCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> dataOption)
    {
        var files = new Argument<string[]>("questions") { Description = "Question files (JSON Lines) with gold passages", Arity = ArgumentArity.OneOrMore };
        var corpus = new Option<string[]>("--corpus") { Description = "Files or folders to ingest first (unchanged ones are skipped)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the models", DefaultValueFactory = _ => Path.Combine("src", "ChatBot.Core", "Retrieval", "relevance-model.json") };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds", DefaultValueFactory = _ => 5 };
        var lambda = new Option<double>("--l2") { Description = "L2 penalty on the standardised weights", DefaultValueFactory = _ => 1.0 };
        var cost = new Option<double>("--answered-unanswerable-cost")
        {
            Description = "What answering an unanswerable question (with unrelated quotes) costs, counted in refused answerable questions",
            DefaultValueFactory = _ => 3.0,
        };
        var questionLambda = new Option<double>("--question-l2") { Description = "L2 penalty on the answerability model's standardised weights (few rows: one per question)", DefaultValueFactory = _ => 10.0 };
        var margin = new Option<double>("--threshold-margin") { Description = "Thresholds are chosen by their cost averaged over this distance either side", DefaultValueFactory = _ => 0.15 };
        var rowsOutput = new Option<string?>("--rows") { Description = "Also write every judged candidate (set, question, rank, features, gold) as JSON Lines, for inspection" };
        var command = new Command("fit-relevance", "Fit the relevance model on labelled questions (cross-validated) and write it") { files, corpus, output, folds, lambda, questionLambda, cost, margin, rowsOutput, dataOption };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(parse.GetValue(dataOption));
            var services = host.Services;
            var paths = parse.GetValue(corpus) ?? [];
            if (paths.Length > 0)
            {
                await services.GetRequiredService<IngestionPipeline>().IngestAsync(paths, cancellationToken: ct);
                services.GetRequiredService<SearchService>().InvalidateCaches();
            }
            else await services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync(ct);

            // Candidates are collected with a policy that knows nothing, so the features do not depend on the model being
            // replaced (which may not even fit this version's features).
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChatBotOptions>>().Value;
            SearchService? search = null;
            var translator = new ChatBot.Language.RussianQueryTranslator(
                services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChatBot.Language.LanguageOptions>>().Value, knownNames: () => search?.KnownSpeakers ?? [],
                services.GetRequiredService<ILogger<ChatBot.Language.RussianQueryTranslator>>());
            search = new SearchService(services.GetRequiredService<ChatBot.Storage.ITranscriptStore>(), services.GetRequiredService<EmbedderProvider>().Embedder,
                relevance: new RelevancePolicy(options.Relevance, RelevanceModelSet.Untrained), translator: translator);
            await search.WarmUpAsync(ct);
            var answers = options.Answers;
            var fitter = new RelevanceFitter(search, Math.Min(SearchQuery.MaxLimit, answers.DefaultQuotes * 3), answers.DefaultQuotes, parse.GetValue(cost), options.Search.DefaultLimit, parse.GetValue(margin));
            var hybridRows = new List<RelevanceFitter.Row>();
            var keywordRows = new List<RelevanceFitter.Row>();
            foreach (var file in parse.GetValue(files)!)
            {
                var questions = EvalRunner.Load(file);
                var set = Path.GetFileNameWithoutExtension(file);
                if (search.UsesVectors) hybridRows.AddRange(await fitter.CollectAsync(set, questions, useVectors: true, ct));
                keywordRows.AddRange(await fitter.CollectAsync(set, questions, useVectors: false, ct));
            }

            if (parse.GetValue(rowsOutput) is { } rowsPath)
                await File.WriteAllLinesAsync(rowsPath, hybridRows.Concat(keywordRows).Select((r, i) => RelevanceFitter.RowJson(r, i < hybridRows.Count)), ct);
            if (hybridRows.Count == 0) Console.Error.WriteLine("No sentence encoder is configured: the hybrid model is fitted on keyword-only results.");
            var hybrid = fitter.Fit(hybridRows.Count > 0 ? hybridRows : keywordRows, parse.GetValue(folds), parse.GetValue(lambda), parse.GetValue(questionLambda));
            var keywords = fitter.Fit(keywordRows, parse.GetValue(folds), parse.GetValue(lambda), parse.GetValue(questionLambda));
            Console.WriteLine("## With vectors\n" + hybrid.Report + "\n## Keywords only\n" + keywords.Report);
            var report = new
            {
                fitted = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                sets = parse.GetValue(files)!.Select(Path.GetFileName).ToArray(),
                hybrid = hybrid.Report.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                keywords = keywords.Report.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            };
            var path = parse.GetValue(output)!;
            await File.WriteAllTextAsync(path, RelevanceFitter.Serialize(hybrid, keywords, report) + "\n", ct);
            Console.Error.WriteLine($"Wrote {path}");
            return 0;
        });
        return command;
    }
}
