using System.CommandLine;
using ChatBot.Text;
using System.Text.Json;
using ChatBot.Answering;
using ChatBot.Api.Contracts;
using ChatBot.Hosting;
using ChatBot.Retrieval;
using Microsoft.Extensions.Options;

namespace ChatBot.Cli;

/// <summary><c>search "QUERY" [--limit N] [--speaker S] [--from D] [--to D] [--json] [--data DIR]</c>.</summary>
public static class SearchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> dataOption)
    {
        var query = new Argument<string>("query") { Description = "The question or keywords" };
        var limit = new Option<int?>("--limit", "-n") { Description = "How many quotes (1-50)" };
        var speaker = new Option<string?>("--speaker", "-s") { Description = "Only this speaker (e.g. Lavrov)" };
        var from = new Option<string?>("--from") { Description = "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Latest date: YYYY, YYYY-MM or YYYY-MM-DD" };
        var role = new Option<string[]>("--role") { Description = "Roles to include: principal (default), question, other", AllowMultipleArgumentsPerToken = true };
        var source = new Option<string?>("--source") { Description = "Only files whose path contains this text" };
        var json = new Option<bool>("--json") { Description = "Print the JSON the HTTP API returns" };
        var command = new Command("search", "Find verbatim quotes") { query, limit, speaker, from, to, role, source, json, dataOption };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CliHost.Build(parse.GetValue(dataOption));
            var services = host.Services;
            await services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync(ct);
            var request = new SearchRequestDto(parse.GetValue(query), parse.GetValue(limit), parse.GetValue(speaker), parse.GetValue(from), parse.GetValue(to),
                parse.GetValue(role) is { Length: > 0 } r ? r : null, parse.GetValue(source));
            var searchQuery = SearchQueryMapper.ToQuery(request, services.GetRequiredService<IOptions<ChatBotOptions>>().Value.Search.DefaultLimit);
            var response = await services.GetRequiredService<ISearchService>().SearchAsync(searchQuery, ct);
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(SearchResponseDto.Of(response), CliHost.Json));
            else Print(response);
            return 0;
        });
        return command;
    }

    private static void Print(SearchResponse response)
    {
        var i = response.Interpretation;
        var filters = new List<string> { $"topic: {i.Topic}" };
        if (i.Speakers is { } s) filters.Add("speaker: " + string.Join(" / ", s));
        if (i.From is not null || i.To is not null) filters.Add($"dates: {i.From:yyyy-MM-dd} to {i.To:yyyy-MM-dd}");
        filters.Add(i.UsedVectors ? "ranking: hybrid" : "ranking: bm25");
        Console.WriteLine(string.Join(" · ", filters));
        if (response.Results.Count == 0)
        {
            Console.WriteLine("No passage matches.");
            return;
        }

        int n = 0;
        foreach (var q in response.Results)
        {
            var citation = CitationBuilder.For(q);
            Console.WriteLine();
            Console.WriteLine($"[{++n}] {citation.ToString(withLink: false)}");
            Console.WriteLine($"    “{MarkupText.ForDisplay(q.Text)}”");
            if (q.Question is { } question) Console.WriteLine($"    (answering: {Shorten(Whitespace.Collapse(question), 160)})");
            if (citation.Link is { } link) Console.WriteLine($"    {citation.LinkTitle}: {link}");
            Console.WriteLine($"    {SourcePaths.Display(q.Document.Source)} [{q.Start}-{q.End}] score {q.Score:F4}");
        }
    }

    internal static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
