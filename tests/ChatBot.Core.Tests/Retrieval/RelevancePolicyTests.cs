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
        var on = RelevancePolicy.Default.Judge(Hit("The sanctions against Russia have failed to change anything at all.", 0.8, 1, 1), "The sanctions against Russia have failed.", 1, interpretation, stems, (0.8, 1.0));
        var off = RelevancePolicy.Default.Judge(Hit("We are pleased with the weather at the summit this year in Lima.", 0.3, 40, null), "We are pleased with the weather.", 5, interpretation, stems, (0.8, 1.0));
        Assert.True(on.Probability > off.Probability);
        Assert.True(on.IsAnswer);
        Assert.False(off.IsAnswer);
        Assert.Equal(RelevanceFeatures.Names.Count, on.Features.Count);
    }

    [Fact]
    public void AModelFileOfAnotherFeatureSetIsRefusedWithTheReason()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"hybrid":{"features":["x"],"mean":[0],"scale":[1],"weights":[1],"bias":0,"threshold":0.5},"keywords":{"features":["x"],"mean":[0],"scale":[1],"weights":[1],"bias":0,"threshold":0.5}}""");
        var e = Assert.Throws<InvalidDataException>(() => RelevanceModelSet.Load(path));
        Assert.Contains("features", e.Message);
        File.Delete(path);
    }
}
