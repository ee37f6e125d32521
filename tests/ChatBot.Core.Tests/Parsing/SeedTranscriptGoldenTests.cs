using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Tests.Shared;

namespace ChatBot.Core.Tests.Parsing;

/// <summary>
/// The two seed transcripts parse into exactly the turns recorded in the golden files (speaker, label, role and
/// the full words of every turn). Regenerate with CHATBOT_UPDATE_GOLDEN=1 after an intended change, then review the diff.
/// </summary>
public sealed class SeedTranscriptGoldenTests
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TheoryData<string> Seeds => new("000_d38afe4695054730.txt", "002_dd31507d0c29c18a.txt");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedParsesToGoldenTurns(string file)
    {
        var document = TranscriptReader.CreateDefault().Read(Path.Combine(RepoPaths.Samples, file));
        var actual = JsonSerializer.Serialize(Golden.From(document), s_json);
        var goldenPath = RepoPaths.TestData("ChatBot.Core.Tests", "Golden", Path.ChangeExtension(file, ".turns.json"));
        if (Environment.GetEnvironmentVariable("CHATBOT_UPDATE_GOLDEN") == "1") File.WriteAllText(goldenPath, actual + "\n");
        Assert.True(File.Exists(goldenPath), $"missing golden file {goldenPath}");
        Assert.Equal(File.ReadAllText(goldenPath).TrimEnd(), actual.TrimEnd());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedSeparatesEveryQuestionFromTheMinistersAnswers(string file)
    {
        var document = TranscriptReader.CreateDefault().Read(Path.Combine(RepoPaths.Samples, file));
        foreach (var turn in document.Turns)
        {
            var words = document.TextOf(turn);
            Assert.DoesNotContain("Question:", words);
            Assert.DoesNotContain("Sergey Lavrov:", words);
            if (turn.Role == SpeakerRole.Question) Assert.Equal("Question", turn.Speaker);
            else Assert.Equal("Sergey Lavrov", turn.Speaker);
        }

        Assert.Contains(document.Turns, t => t.Role == SpeakerRole.Question);
        // The web page's menu lines and "Advanced settings" are not part of the stored text.
        Assert.DoesNotContain("Advanced settings", document.Text);
        Assert.DoesNotContain("North Atlantic Treaty Organization", document.Text);
    }

    [Fact]
    public void DaNangTitleLineGivesTitlePlaceAndDateAndOpeningRemarksGoToTheMinister()
    {
        var document = TranscriptReader.CreateDefault().Read(Path.Combine(RepoPaths.Samples, "000_d38afe4695054730.txt"));
        Assert.Equal("Foreign Minister Sergey Lavrov’s comments and answers to media questions on the sidelines of the APEC Ministerial Meeting", document.Title);
        Assert.Equal("Da Nang", document.Place);
        Assert.Equal(new DateOnly(2017, 11, 8), document.Date);
        var opening = document.Turns[0];
        Assert.Equal(SpeakerRole.Principal, opening.Role);
        Assert.Null(opening.Label);
        Assert.StartsWith("An APEC Ministerial Meeting, held as part of preparations", document.TextOf(opening));
        Assert.EndsWith("that will be forwarded for consideration by our leaders.", document.TextOf(opening));
    }

    [Fact]
    public void LimaPublicationLineAndLanguageBarAreNotTranscriptText()
    {
        var document = TranscriptReader.CreateDefault().Read(Path.Combine(RepoPaths.Samples, "002_dd31507d0c29c18a.txt"));
        Assert.Equal("Lima", document.Place);
        Assert.Equal(new DateOnly(2016, 11, 17), document.Date);
        Assert.Equal(SpeakerRole.Question, document.Turns[0].Role);
        Assert.StartsWith("US President Barack Obama has just said", document.TextOf(document.Turns[0]));
        Assert.All(document.Turns, t => Assert.DoesNotContain("en-GB", document.TextOf(t)));
    }

    private sealed record Golden(string Title, string? Date, string? Place, string Format, List<GoldenTurn> Turns)
    {
        public static Golden From(TranscriptDocument d) => new(d.Title, DocumentInfo.From(d).DateText, d.Place, d.Format,
            d.Turns.Select(t => new GoldenTurn(t.Index, t.Speaker, t.Label, t.Role.ToString(), t.Post, t.Start, t.End, d.TextOf(t))).ToList());
    }

    private sealed record GoldenTurn(int Index, string Speaker, string? Label, string Role, string? Post, int Start, int End, string Text);
}
