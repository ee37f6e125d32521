using ChatBot.Answering;
using ChatBot.Hosting;
using ChatBot.Retrieval;
using ChatBot.Tests.Infrastructure;
using ChatBot.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace ChatBot.Tests;

public sealed class AnswerTests(LavrovCorpusFixture corpus) : IClassFixture<LavrovCorpusFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AnswerService Extractive() => new(corpus.Services.Search);

    [Fact]
    public async Task AnswerOnATopicHeAddressedOftenLeadsWithHisName()
    {
        var answer = await Extractive().AskAsync("What did Lavrov say about climate change?", cancellationToken: Ct);
        Assert.False(answer.Refused);
        Assert.StartsWith("Sergey Lavrov on climate change, 3 statements:", answer.Lead);
        Assert.All(answer.Quotes, q => Assert.Contains("climate change", q.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, answer.Quotes.Select(q => q.Document.Id).Distinct().Count());
    }

    [Fact]
    public async Task TheAnswerTextShowsQuotesWithoutMarkdownWhileEachQuoteStaysVerbatim()
    {
        // The 2024 speech's file marks emphasis: "A **realistic settlement plan** was put forward by President Vladimir Putin".
        var answer = await Extractive().AskAsync("What did Lavrov say in 2024 about the realistic settlement plan put forward by President Putin?", cancellationToken: Ct);
        var quote = Assert.Single(answer.Quotes, q => q.Text.Contains("**realistic settlement plan**", StringComparison.Ordinal));
        Assert.Contains(quote.Text, File.ReadAllText(quote.Document.Source));
        Assert.Contains("A realistic settlement plan was put forward", answer.Text);
        Assert.DoesNotContain("**", answer.Text);
    }

    [Fact]
    public async Task ExtractiveAnswerCitesTheNorthKoreaPassageVerbatim()
    {
        var answer = await Extractive().AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        Assert.False(answer.Refused);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.StartsWith("Sergey Lavrov on North Korea, ", answer.Lead);
        Assert.InRange(answer.Quotes.Count, 1, 3);
        Assert.Contains(answer.Quotes, q => q.Document.Place == "Da Nang" && q.Text.Contains("war with North Korea", StringComparison.Ordinal));
        for (int i = 0; i < answer.Quotes.Count; i++)
        {
            Assert.Contains($"[{i + 1}]", answer.Text);
            var document = await corpus.Services.Store.GetDocumentAsync(answer.Quotes[i].Document.Id, Ct);
            Assert.Equal(document!.Text[answer.Quotes[i].Start..answer.Quotes[i].End], answer.Quotes[i].Text);
            Assert.Equal(ChatBot.Model.SpeakerRole.Principal, answer.Quotes[i].Role);
        }
    }

    [Fact]
    public async Task EachQuoteOfAnExtractiveAnswerIsCitedOnceWithWhoEventPlaceDateAndLink()
    {
        var answer = await Extractive().AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);

        Assert.NotEmpty(answer.Quotes);
        foreach (var quote in answer.Quotes)
        {
            var citation = CitationBuilder.For(quote);
            Assert.Contains($"— {citation}", answer.Text);
            Assert.StartsWith($"{quote.Speaker}, ", citation.ToString());
            if (quote.Document.Format == "un-general-debate")
            {
                Assert.StartsWith("UN General Assembly, ", citation.Event);
                Assert.Equal("New York", citation.Place);
                Assert.Contains(" of Russia", citation.Post);
            }
        }

        // A speech from the 64th session on links the UN's page of the speech, named as such.
        Assert.Contains(answer.Quotes.Select(CitationBuilder.For), c => c.LinkKind == ChatBot.Model.CitationLinkKind.Reference
            && c.Link!.StartsWith("https://gadebate.un.org/en/", StringComparison.Ordinal) && c.Link.EndsWith("/russian-federation", StringComparison.Ordinal));
        Assert.Contains("UN General Debate page: https://gadebate.un.org/en/", answer.Text);
    }

    [Theory]
    [InlineData("What did Lavrov say about Taylor Swift?")]
    [InlineData("What did Lavrov say about the price of bitcoin?")]
    [InlineData("What did Lavrov say about North Korea in 2005?")]
    public async Task UnanswerableQuestionIsRefusedSayingHowManyDocumentsWereSearched(string question)
    {
        var answer = await Extractive().AskAsync(question, cancellationToken: Ct);
        Assert.True(answer.Refused, answer.Text);
        Assert.Empty(answer.Quotes);
        Assert.Contains("19 documents were searched", answer.Text);
        Assert.Contains("Sergey Lavrov", answer.Text);
    }

    [Fact]
    public async Task EllipticalFollowUpTakesTheSpeakerFromThePreviousQuestion()
    {
        var service = Extractive();
        var first = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        var followUp = await service.AskAsync("And about Syria?", [first], cancellationToken: Ct);
        Assert.Equal("What did Sergey Lavrov say about Syria?", followUp.StandaloneQuestion);
        Assert.False(followUp.Refused);
        Assert.All(followUp.Quotes, q => Assert.Contains("Lavrov", q.Speaker));
        Assert.Contains(followUp.Quotes, q => q.Text.Contains("Syria", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUpWithOnlyAYearKeepsTheTopic()
    {
        var service = Extractive();
        var first = await service.AskAsync("What did Lavrov say about terrorism?", cancellationToken: Ct);
        var followUp = await service.AskAsync("And in 2014?", [first], cancellationToken: Ct);
        Assert.Equal("What did Sergey Lavrov say about terrorism in 2014?", followUp.StandaloneQuestion);
        Assert.All(followUp.Quotes, q => Assert.Equal(2014, q.Document.Year));
    }

    [Fact]
    public async Task QuestionThatNamesItsOwnTopicIsNotRewritten()
    {
        var service = Extractive();
        var first = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        var next = await service.AskAsync("What did Lavrov say about NATO expansion to the east?", [first], cancellationToken: Ct);
        Assert.Equal("What did Lavrov say about NATO expansion to the east?", next.StandaloneQuestion);
    }

    [Fact]
    public async Task ModelAnswerWithVerbatimQuoteAndValidCitationIsAccepted()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = prompt => (200, CorrectAnswer(prompt), TimeSpan.Zero);
        var (service, _) = WithModel(server);
        var answer = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Null(answer.Notice);
        Assert.Contains("[1]", answer.Text);
        Assert.Contains("Passages:", server.Prompts.Single());
    }

    [Fact]
    public async Task ModelAnswerWithFabricatedQuoteFallsBackToVerbatimQuotes()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = _ => (200, "Lavrov said that \"North Korea must be destroyed immediately\" [1].", TimeSpan.Zero);
        var (service, logs) = WithModel(server);
        var answer = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.DoesNotContain("destroyed immediately", answer.Text);
        Assert.Contains("not in the transcripts", answer.Notice);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("quoted words not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CitationToAMissingPassageIsDropped()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = prompt => (200, CorrectAnswer(prompt) + " He also spoke of sanctions [7].", TimeSpan.Zero);
        var (service, _) = WithModel(server);
        var answer = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.DoesNotContain("[7]", answer.Text);
        Assert.Contains("[7]", answer.Notice);
    }

    [Fact]
    public async Task AnswerCitingOnlyMissingPassagesFallsBack()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = _ => (200, "He spoke at length about it [9].", TimeSpan.Zero);
        var (service, _) = WithModel(server);
        var answer = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("cited no passage", answer.Notice);
    }

    [Theory]
    [InlineData("NO_ANSWER")]
    [InlineData(" \"NO_ANSWER.\"\n")]
    public async Task AModelThatFindsNoAnswerInThePassagesRefusesAndSaysItWasTheModel(string reply)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = _ => (200, reply, TimeSpan.Zero);
        var (service, logs) = WithModel(server);
        var answer = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);

        // The prompt asks for exactly the reply the service recognises.
        Assert.Contains("reply with exactly " + AnswerService.NoAnswerReply + " and nothing else", Assert.Single(server.Prompts));
        Assert.True(answer.Refused);
        Assert.Equal(RefusalReason.ModelFoundNoAnswer, answer.RefusalReason);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Empty(answer.Quotes);
        Assert.StartsWith("The language model read the 3 closest statements by Sergey Lavrov on “North Korea” and found that none answers the question:", answer.Text);
        Assert.Equal(answer.Text, answer.Lead);
        Assert.Contains(logs.Entries, e => e.Message.Contains("found no answer in the 3 passages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithModelRefusalsOffTheQuotesAreShownWhenTheModelFindsNoAnswer()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = _ => (200, "NO_ANSWER", TimeSpan.Zero);
        var (service, _) = WithModel(server, answers: new AnswerOptions { ModelMayRefuse = false });
        var answer = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        Assert.False(answer.Refused);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal(3, answer.Quotes.Count);
        Assert.Contains("cited no passage", answer.Notice);
    }

    [Fact]
    public async Task AnAnswerThatMerelyMentionsNoAnswerIsNotARefusal()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = prompt => (200, CorrectAnswer(prompt) + " (Not NO_ANSWER.)", TimeSpan.Zero);
        var (service, _) = WithModel(server);
        var answer = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        Assert.False(answer.Refused);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
    }

    [Theory]
    [InlineData(500, 0)]
    [InlineData(200, 5)]
    public async Task ModelErrorOrTimeoutFallsBackToExtractiveWithAWarning(int status, int delaySeconds)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = prompt => (status, CorrectAnswer(prompt), TimeSpan.FromSeconds(delaySeconds));
        var (service, logs) = WithModel(server, timeout: TimeSpan.FromSeconds(1));
        var answer = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.False(answer.Refused);
        Assert.Contains("did not answer", answer.Notice);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("language model failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModelCondensesTheFollowUp()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Script = prompt => prompt.Contains("Standalone question:", StringComparison.Ordinal)
            ? (200, "What did Sergey Lavrov say about Syria?", TimeSpan.Zero)
            : (200, CorrectAnswer(prompt), TimeSpan.Zero);
        var (service, _) = WithModel(server);
        var first = await service.AskAsync("What did Lavrov say about North Korea?", cancellationToken: Ct);
        var followUp = await service.AskAsync("And Syria?", [first], cancellationToken: Ct);
        Assert.Equal("What did Sergey Lavrov say about Syria?", followUp.StandaloneQuestion);
        Assert.Contains(server.Prompts, p => p.Contains("Follow-up question: And Syria?", StringComparison.Ordinal));
    }

    /// <summary>A correct model answer: the first sentence of passage [1], quoted exactly, then cited.</summary>
    private static string CorrectAnswer(string prompt)
    {
        var passages = prompt[(prompt.IndexOf("Passages:", StringComparison.Ordinal) + "Passages:".Length)..];
        var first = passages.Split("\n", StringSplitOptions.RemoveEmptyEntries)[1].Trim();
        var sentence = ChatBot.Text.SentenceSplitter.Split(first)[0].Of(first);
        return $"Sergey Lavrov addressed this directly: \"{sentence}\" [1]";
    }

    private (AnswerService Service, LogCollector Logs) WithModel(FakeOpenAiServer server, TimeSpan? timeout = null, AnswerOptions? answers = null)
    {
        var logs = new LogCollector();
        var options = new ChatModelOptions { Endpoint = server.Endpoint, Model = "test-model", ApiKey = "test-key", TimeoutSeconds = 30 };
        var model = ChatModelFactory.Create(options, new AppPaths(RepoPaths.Root, new ChatBotOptions()), new Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory());
        var prompts = new ChatBot.SemanticKernel.KernelPromptFunctions(model.Client!,
            new ChatBot.SemanticKernel.KernelPromptFunctionsOptions { Directory = Path.Combine(RepoPaths.Root, "prompts"), Timeout = timeout ?? TimeSpan.FromSeconds(30) });
        var service = new AnswerService(corpus.Services.Search, answers ?? new AnswerOptions(), prompts, logs.For<AnswerService>());
        return (service, logs);
    }
}
