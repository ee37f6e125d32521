using System.CommandLine;
using ChatBot.Text;
using System.Text.Json;
using ChatBot.Answering;
using ChatBot.Api.Contracts;
using ChatBot.Hosting;

namespace ChatBot.Cli;

/// <summary><c>ask "QUESTION" [--limit N] [--quotes-only] [--json] [--data DIR]</c>.</summary>
public static class AskCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> dataOption)
    {
        var question = new Argument<string>("question") { Description = "The question, e.g. \"What did Lavrov say about North Korea?\"" };
        var limit = new Option<int?>("--limit", "-n") { Description = "Most quotes to cite (1-10, default 3)" };
        var quotesOnly = new Option<bool>("--quotes-only") { Description = "Quotes only, even when a chat model is configured" };
        var json = new Option<bool>("--json") { Description = "Print the JSON the HTTP API returns" };
        var command = new Command("ask", "Answer a question with verbatim, cited quotes") { question, limit, quotesOnly, json, dataOption };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(parse.GetValue(dataOption));
            var services = host.Services;
            await services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync(ct);
            var answer = await services.GetRequiredService<IAnswerService>().AskAsync(parse.GetValue(question)!, null,
                new AskOptions { Limit = parse.GetValue(limit), QuotesOnly = parse.GetValue(quotesOnly) }, ct);
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(AskResponseDto.Of(answer, Guid.NewGuid().ToString("N")), CliHost.Json));
            else Print(answer);
            return 0;
        });
        return command;
    }

    private static void Print(Answer answer)
    {
        // The answer text quotes verbatim passages, so emphasis markers from the source are dropped for display.
        Console.WriteLine(MarkupText.StripEmphasis(answer.Text));
        if (answer.Mode == AnswerMode.Llm)
        {
            Console.WriteLine();
            for (int i = 0; i < answer.Quotes.Count; i++)
                Console.WriteLine($"[{i + 1}] “{MarkupText.ForDisplay(answer.Quotes[i].Text)}” — {CitationBuilder.For(answer.Quotes[i])}");
        }

        if (answer.Notice is { } notice) Console.WriteLine($"\n({notice})");
        Console.WriteLine($"\n[{(answer.Mode == AnswerMode.Llm ? "llm" : "extractive")} · {answer.DocumentsSearched} documents searched]");
    }
}
