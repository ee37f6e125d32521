using ChatBot.Answering;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;

namespace ChatBot.Core.Tests.Answering;

public sealed class FollowUpResolverTests
{
    private static readonly SpeakerDirectory s_speakers = new([new SpeakerSummary("Sergey Lavrov", SpeakerRole.Principal, 10, 2), new SpeakerSummary("Jen Psaki", SpeakerRole.Principal, 10, 2)]);

    private static QueryInterpretation Read(string question)
    {
        var q = QueryAnalyzer.Analyze(question, s_speakers);
        return new QueryInterpretation(q.Topic, q.Speakers, q.From, q.To, false);
    }

    private static Answer Previous(string topic, string? speaker = "Sergey Lavrov") => new()
    {
        Question = "q", StandaloneQuestion = "q", Text = "t", Lead = "l", Mode = AnswerMode.Extractive, Refused = false, Quotes = [], DocumentsSearched = 2,
        Topic = topic, Speakers = speaker is null ? null : [speaker],
    };

    [Theory]
    [InlineData("And about Syria?", "What did Sergey Lavrov say about Syria?")]
    [InlineData("What about sanctions?", "What did Sergey Lavrov say about sanctions?")]
    [InlineData("and Iran", "What did Sergey Lavrov say about Iran?")]
    [InlineData("And in 2014?", "What did Sergey Lavrov say about North Korea in 2014?")]
    [InlineData("And Psaki?", "What did Jen Psaki say about North Korea?")]
    public void EllipticalFollowUpBecomesStandalone(string followUp, string expected)
    {
        var (question, isFollowUp) = FollowUpResolver.Resolve(followUp, [Previous("North Korea")], Read(followUp));
        Assert.True(isFollowUp);
        Assert.Equal(expected, question);
    }

    [Theory]
    [InlineData("What did Psaki say about inflation and the Federal Reserve?")]
    [InlineData("How does the minister see the future of arms control treaties in Europe?")]
    public void FullQuestionIsLeftAlone(string question)
    {
        var (resolved, isFollowUp) = FollowUpResolver.Resolve(question, [Previous("North Korea")], Read(question));
        Assert.False(isFollowUp);
        Assert.Equal(question, resolved);
    }

    [Fact]
    public void WithoutHistoryNothingIsResolved() =>
        Assert.Equal(("And about Syria?", false), FollowUpResolver.Resolve("And about Syria?", null, Read("And about Syria?")));
}
