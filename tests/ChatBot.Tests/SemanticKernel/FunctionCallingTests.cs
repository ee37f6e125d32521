using System.ClientModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Answering;
using ChatBot.SemanticKernel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using OpenAI;

namespace ChatBot.Tests.SemanticKernel;

public sealed class FunctionCallingTests(QuoteSearchCorpusFixture corpus) : IClassFixture<QuoteSearchCorpusFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AModelCallsTheQuotesPluginAndReceivesVerbatimCitedQuotes()
    {
        await using var server = await ToolCallingOpenAiServer.StartAsync();
        server.Script = body =>
        {
            var last = body["messages"]!.AsArray().Last()!;
            if (last["role"]!.GetValue<string>() != "tool")
            {
                // First turn: the model asks for quotes, naming the function the request offered it.
                var tool = body["tools"]!.AsArray().Single()!["function"]!["name"]!.GetValue<string>();
                return new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "call_1",
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = """{"query":"North Korea","count":2,"speaker":"Lavrov"}""" },
                    }),
                };
            }

            return new JsonObject { ["role"] = "assistant", ["content"] = "Lavrov called for negotiations [1]." };
        };

        var chat = new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = new Uri(server.Endpoint) })
            .GetChatClient("test-model").AsIChatClient().AsBuilder().UseKernelFunctionInvocation().Build();
        var builder = Kernel.CreateBuilder().AddChatBotQuoteSearch(corpus.Services.Search);
        builder.Services.AddSingleton(chat);
        var kernel = builder.Build();

        var answer = await kernel.InvokePromptAsync("What did Lavrov say about North Korea? Quote him.",
            new(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }), cancellationToken: Ct);

        Assert.Equal("Lavrov called for negotiations [1].", answer.GetValue<string>());
        Assert.Equal(2, server.Requests.Count);
        var offered = server.Requests.First()["tools"]!.AsArray().Single()!["function"]!;
        Assert.Equal("Quotes_GetTextSearchResults", offered["name"]!.GetValue<string>());
        Assert.Contains("speaker", offered["parameters"]!["properties"]!.AsObject().Select(p => p.Key));

        // What the model got back from the plugin: the quotes verbatim, each with its citation.
        var toolMessage = server.Requests.Last()["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == "tool")!;
        Assert.Equal("call_1", toolMessage["tool_call_id"]!.GetValue<string>());
        var returned = JsonSerializer.Deserialize<List<JsonElement>>(ToolText(toolMessage))!;
        var expected = await new QuoteTextSearch(corpus.Services.Search).GetSearchResultsAsync("North Korea",
#pragma warning disable CS0618, SKEXP0001 // the non-generic TextSearch options (see QuoteTextSearch)
            new Microsoft.SemanticKernel.Data.TextSearchOptions { Top = 2, Filter = new Microsoft.SemanticKernel.Data.TextSearchFilter().Equality("speaker", "Lavrov") }, Ct);
#pragma warning restore CS0618, SKEXP0001
        var quotes = (await expected.Results.ToListAsync(Ct)).Cast<ChatBot.Retrieval.QuoteResult>().ToList();
        Assert.Equal(2, returned.Count);
        Assert.Equal(quotes.Select(q => q.Text), returned.Select(r => Field(r, "value")));
        Assert.Equal(quotes.Select(q => CitationBuilder.For(q).ToString(withLink: false)), returned.Select(r => Field(r, "name")));
        Assert.All(returned, r => Assert.StartsWith("Sergey Lavrov", Field(r, "name")));
    }

    /// <summary>A string property of a serialised TextSearchResult, whatever the casing of its name.</summary>
    private static string? Field(JsonElement result, string name) =>
        result.EnumerateObject().Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value.GetString();

    /// <summary>A tool message's content: a string, or an array of text parts.</summary>
    private static string ToolText(JsonNode message) => message["content"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())),
        _ => "",
    };
}
