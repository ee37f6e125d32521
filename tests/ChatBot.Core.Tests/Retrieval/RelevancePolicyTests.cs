using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class RelevancePolicyTests
{
    private static Chunk Passage(string text, SpeakerRole role = SpeakerRole.Principal) => new()
    {
        Id = Guid.NewGuid(), DocumentId = "d", DocumentVersion = "v", Ordinal = 0, TurnIndex = 0, Start = 0, End = text.Length, Text = text,
        Speaker = "Jen Psaki", Role = role,
    };

    [Theory]
    [InlineData("Kristen.")]
    [InlineData("Thank you.")]
    [InlineData("Go ahead, Peter.")]
    [InlineData("Inflation in the United States, I assume you're referring to?")]
    public void APassageThatSaysNothingIsNoStatement(string text) => Assert.False(RelevancePolicy.Default.IsStatement(Passage(text)));

    [Theory]
    [InlineData("Inflation is too high, and the President's top priority is bringing prices down for American families.")]
    [InlineData("Why would anyone in their right mind believe that sanctions of this kind have ever changed the policy of a sovereign state, when history shows the opposite again and again?")]
    public void AStatementIsOne(string text) => Assert.True(RelevancePolicy.Default.IsStatement(Passage(text)));

    [Fact]
    public void AJournalistsQuestionIsJudgedByItsRoleNotHere() =>
        Assert.True(RelevancePolicy.Default.IsStatement(Passage("Kristen?", SpeakerRole.Question)));

    [Fact]
    public void TheModelOrdersPassagesByTheirFeatures()
    {
        var interpretation = new QueryInterpretation("sanctions Russia", null, null, null, true);
        var stems = ChatBot.Text.Stemmer.Stems("sanctions Russia");
        ChunkHit Hit(string text, double similarity, int? denseRank, int? lexicalRank) =>
            new(Passage(text), new DocumentInfo { Id = "d", Title = "t", Source = "s", Format = "f" }, 0.03, lexicalRank, denseRank) { VectorSimilarity = similarity };
        var on = RelevancePolicy.Default.Judge(Hit("The sanctions against Russia have failed to change anything at all.", 0.8, 1, 1), "The sanctions against Russia have failed.", 1, interpretation, stems, new BestOfCandidates(0.8, 1.0, 0), TopicRarity.Unknown);
        var off = RelevancePolicy.Default.Judge(Hit("We are pleased with the weather at the summit this year in Lima.", 0.3, 40, null), "We are pleased with the weather.", 5, interpretation, stems, new BestOfCandidates(0.8, 1.0, 0), TopicRarity.Unknown);
        Assert.True(on.Probability > off.Probability);
        Assert.Equal(RelevanceFeatures.Names.Count, on.Features.Count);

        // The question as a whole: answered when its first result is the passage on its topic, refused when the best it
        // found is the weather, and refused when nothing was found.
        var answered = RelevancePolicy.Default.JudgeQuestion([on, off], usedVectors: true);
        var offAlone = RelevancePolicy.Default.Judge(Hit("We are pleased with the weather at the summit this year in Lima.", 0.3, 1, null), "We are pleased with the weather.", 1, interpretation, stems, new BestOfCandidates(0.3, 0, 0), TopicRarity.Unknown);
        var refused = RelevancePolicy.Default.JudgeQuestion([offAlone], usedVectors: true);
        Assert.True(answered.IsAnswerable);
        Assert.False(refused.IsAnswerable, $"{refused.Probability} {string.Join(",", refused.Features)}");
        Assert.True(answered.Probability > refused.Probability);
        Assert.False(RelevancePolicy.Default.JudgeQuestion([], usedVectors: true).IsAnswerable);
        Assert.Equal(AnswerabilityFeatures.Names.Count, answered.Features.Count);
    }

    [Fact]
    public void AThresholdGivenInOptionsDecidesAnswerability()
    {
        var verdict = new RelevanceVerdict(0.5, RelevanceFeatures.Names.Select(_ => 0.5).ToList());
        Assert.True(new RelevancePolicy(new RelevanceOptions { Threshold = 0 }).JudgeQuestion([verdict], true).IsAnswerable);
        Assert.False(new RelevancePolicy(new RelevanceOptions { Threshold = 1 }).JudgeQuestion([verdict], true).IsAnswerable);
    }

    [Fact]
    public void ResultsAreOfferedInTheOrderOfTheirProbabilityUnlessRerankingIsOff()
    {
        RelevanceVerdict V(double p) => new(p, []);
        var store = new[] { ("first found", V(0.2)), ("second found", V(0.9)), ("third found", V(0.2)) };
        Assert.Equal(["second found", "first found", "third found"], RelevancePolicy.Default.Rank(store, x => x.Item2).Select(x => x.Item1));
        var kept = new RelevancePolicy(new RelevanceOptions { Rerank = false }).Rank(store, x => x.Item2);
        Assert.Equal(["first found", "second found", "third found"], kept.Select(x => x.Item1));
    }

    [Fact]
    public void AWordNoPassageHoldsWeighsMostAndIsUnseen()
    {
        var counts = new WordCounts(1000, new Dictionary<string, int> { ["sanctions"] = 300, ["navalny"] = 0, ["poisoning"] = 4 });
        var rarity = TopicRarity.From(["sanctions", "navalny", "poisoning"], counts);
        Assert.Equal([ChatBot.Text.Stemmer.Stem("navalny")], rarity.Unseen);
        Assert.True(rarity.ByStem[ChatBot.Text.Stemmer.Stem("navalny")] > rarity.ByStem[ChatBot.Text.Stemmer.Stem("poisoning")]);
        Assert.True(rarity.ByStem[ChatBot.Text.Stemmer.Stem("poisoning")] > rarity.ByStem[ChatBot.Text.Stemmer.Stem("sanctions")]);

        // A passage on sanctions alone holds most of the topic's words by count, little of its weight.
        var topic = ChatBot.Text.Stemmer.Stems("sanctions poisoning");
        var passage = ChatBot.Text.Stemmer.Stems("The sanctions are illegal.");
        Assert.True(RelevanceFeatures.RareCoverage(topic, passage, rarity) < 0.5);
        Assert.Equal(0.5, RelevanceFeatures.RareCoverage(topic, passage, TopicRarity.Unknown));
    }

    [Fact]
    public void AModelFileOfAnotherFeatureSetIsRefusedWithTheReason()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"hybrid":{"features":["x"],"mean":[0],"scale":[1],"weights":[1],"bias":0,"threshold":0.5},"keywords":{"features":["x"],"mean":[0],"scale":[1],"weights":[1],"bias":0,"threshold":0.5},"hybrid_questions":{"features":["x"],"mean":[0],"scale":[1],"weights":[1],"bias":0,"threshold":0.5},"keywords_questions":{"features":["x"],"mean":[0],"scale":[1],"weights":[1],"bias":0,"threshold":0.5}}""");
        var e = Assert.Throws<InvalidDataException>(() => RelevanceModelSet.Load(path));
        Assert.Contains("features", e.Message);
        File.Delete(path);
    }
}
