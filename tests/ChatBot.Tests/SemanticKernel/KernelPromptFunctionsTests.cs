using System.ClientModel;
using System.ClientModel.Primitives;
using ChatBot.Answering;
using ChatBot.Api;
using ChatBot.SemanticKernel;
using ChatBot.Tests.Infrastructure;
using ChatBot.Tests.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;

namespace ChatBot.Tests.SemanticKernel;

public sealed class KernelPromptFunctionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Prompts => Path.Combine(RepoPaths.Root, "prompts");

    [Fact]
    public async Task TheModelReceivesTheRenderedPromptWithThePassagesVerbatimAndTheConfigsSettings()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = _ => (200, "Lavrov said \"We need to sit down and negotiate\" [1].", TimeSpan.Zero);
        var recorder = new RecordingHandler();
        var functions = new KernelPromptFunctions(ChatClient(server, recorder), new KernelPromptFunctionsOptions { Directory = Prompts });

        // Markup, ampersands, quote marks and template syntax in a transcript must reach the model as they stand.
        const string passages = "[1] Sergey Lavrov · Da Nang, 2017-11-08\nWe said \"no\" to <b>threats</b> & abuses; {{$question}} is not a variable here.\n\n[2] Sergey Lavrov · Lima, 2016-11-17\nIt's 'reset' — not “reset”.";
        var reply = await functions.InvokeAsync("Answer", new Dictionary<string, object?>
        {
            ["question"] = "What did Lavrov say about North Korea & sanctions?",
            ["passages"] = passages,
            ["count"] = 2,
        }, Ct);

        Assert.Equal("Lavrov said \"We need to sit down and negotiate\" [1].", reply);
        var prompt = Assert.Single(server.Prompts);
        Assert.Contains("Passages:\n" + passages + "\n", prompt);
        Assert.Contains("Question: What did Lavrov say about North Korea & sanctions?\n", prompt);
        Assert.Contains("Use only passage numbers 1 to 2.", prompt);
        Assert.DoesNotContain("{{$count}}", prompt);

        // Answer/config.json: temperature 0.0, max_tokens 500 (the OpenAI client sends the limit as max_completion_tokens).
        var body = Assert.Single(recorder.Bodies);
        Assert.Equal(0.0, body["temperature"]!.GetValue<double>());
        Assert.Equal(500, (body["max_completion_tokens"] ?? body["max_tokens"])!.GetValue<int>());
        Assert.Equal("user", body["messages"]![0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task EachFunctionRunsWithItsOwnExecutionSettings()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = _ => (200, "What did Sergey Lavrov say about Syria?", TimeSpan.Zero);
        var recorder = new RecordingHandler();
        var functions = new KernelPromptFunctions(ChatClient(server, recorder), new KernelPromptFunctionsOptions { Directory = Prompts });

        var reply = await functions.InvokeAsync("Condense", new Dictionary<string, object?>
        {
            ["history"] = "User: What did Lavrov say about North Korea?",
            ["question"] = "And Syria?",
        }, Ct);

        Assert.Equal("What did Sergey Lavrov say about Syria?", reply);
        Assert.Contains("Follow-up question: And Syria?", Assert.Single(server.Prompts));
        var body = Assert.Single(recorder.Bodies);
        Assert.Equal(80, (body["max_completion_tokens"] ?? body["max_tokens"])!.GetValue<int>());
    }

    [Fact]
    public async Task AModelThatDoesNotAnswerInTimeGivesATimeoutNamingTheSetting()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = _ => (200, "too late", TimeSpan.FromSeconds(10));
        var functions = new KernelPromptFunctions(ChatClient(server, new RecordingHandler()),
            new KernelPromptFunctionsOptions { Directory = Prompts, Timeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => functions.InvokeAsync("Condense", new Dictionary<string, object?>
        {
            ["history"] = "User: What did Lavrov say about North Korea?",
            ["question"] = "And Syria?",
        }, Ct));
        Assert.Contains("'Condense'", error.Message);
        Assert.Contains("ChatBot:Chat:TimeoutSeconds", error.Message);
    }

    [Fact]
    public async Task AnUnknownFunctionOrAMissingFolderIsAClearError()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var functions = new KernelPromptFunctions(ChatClient(server, new RecordingHandler()), new KernelPromptFunctionsOptions { Directory = Prompts });
        var unknown = await Assert.ThrowsAsync<KeyNotFoundException>(() => functions.InvokeAsync("Summarize", new Dictionary<string, object?>(), Ct));
        Assert.Contains("Summarize", unknown.Message);
        Assert.Contains("Answer", unknown.Message);
        Assert.Empty(server.Prompts);

        using var temp = new TempDirectory();
        var missing = Assert.Throws<DirectoryNotFoundException>(() => new KernelPromptFunctions(ChatClient(server, new RecordingHandler()),
            new KernelPromptFunctionsOptions { Directory = Path.Combine(temp.Path, "prompts") }));
        Assert.Contains(Path.Combine(temp.Path, "prompts"), missing.Message);
    }

    [Fact]
    public async Task TheHostOffersPromptFunctionsOnlyWhenAChatModelIsConfigured()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = _ => (200, "What did Sergey Lavrov say about Syria?", TimeSpan.Zero);
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["ChatBot:DataDirectory"] = data.Path,
            ["ChatBot:Embeddings:Provider"] = "None",
            ["ChatBot:Chat:Endpoint"] = server.Endpoint,
            ["ChatBot:Chat:Model"] = "test-model",
            ["ChatBot:Chat:ApiKey"] = "test-key",
        };
        await using (var withModel = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(settings)))
        {
            var functions = Assert.IsType<KernelPromptFunctions>(withModel.Services.GetService<IPromptFunctions>());
            var reply = await functions.InvokeAsync("Condense", new Dictionary<string, object?> { ["history"] = "User: North Korea?", ["question"] = "And Syria?" }, Ct);
            Assert.Equal("What did Sergey Lavrov say about Syria?", reply);
            Assert.Contains("Follow-up question: And Syria?", Assert.Single(server.Prompts));
            Assert.NotNull(withModel.Services.GetService<QuoteTextSearch>());
        }

        await using var withoutModel = ChatBotWebApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:DataDirectory"] = data.Path,
            ["ChatBot:Embeddings:Provider"] = "None",
        }));
        Assert.Null(withoutModel.Services.GetService<IPromptFunctions>());
        Assert.NotNull(withoutModel.Services.GetService<QuoteTextSearch>());
    }

    /// <summary>An OpenAI-compatible chat client for the fake server whose requests <paramref name="recorder"/> keeps.</summary>
    private static IChatClient ChatClient(FakeOpenAiServer server, RecordingHandler recorder) =>
        new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions
        {
            Endpoint = new Uri(server.Endpoint),
            Transport = new HttpClientPipelineTransport(new HttpClient(recorder)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        }).GetChatClient("test-model").AsIChatClient();
}
