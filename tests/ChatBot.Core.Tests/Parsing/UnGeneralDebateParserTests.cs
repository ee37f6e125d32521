using ChatBot.Model;
using ChatBot.Parsing;
using ChatBot.Tests.Shared;

namespace ChatBot.Core.Tests.Parsing;

public sealed class UnGeneralDebateParserTests
{
    private static readonly int[] s_lavrovYears = [2004, 2005, 2006, 2007, 2008, 2011, 2012, 2013, 2014, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024];

    [Fact]
    public void AllSeventeenLavrovSpeechesParseWithHisNameYearAndPost()
    {
        var reader = TranscriptReader.CreateDefault();
        var ungdc = Path.Combine(RepoPaths.Corpus, "ungdc");
        var lavrov = new List<TranscriptDocument>();
        foreach (var file in Directory.EnumerateFiles(ungdc, "RUS_*.txt", SearchOption.AllDirectories))
        {
            var document = reader.Read(file);
            Assert.Equal("un-general-debate", document.Format);
            var turn = Assert.Single(document.Turns);
            Assert.Equal(SpeakerRole.Principal, turn.Role);
            Assert.Equal(document.Text.Trim(), document.TextOf(turn));
            Assert.Equal(int.Parse(Path.GetFileNameWithoutExtension(file)[^4..]), document.Year);
            Assert.Null(document.Date);
            if (turn.Speaker.Contains("Lavrov", StringComparison.Ordinal)) lavrov.Add(document);
        }

        Assert.Equal(s_lavrovYears, lavrov.Select(d => d.Year!.Value).Order());
        Assert.All(lavrov, d =>
        {
            Assert.DoesNotContain("Mr.", d.Turns[0].Speaker);
            Assert.Contains("Foreign Affairs", d.Turns[0].Post!.Replace("Foregn", "Foreign"));
            Assert.Equal("UN General Assembly, New York", d.Place);
        });
    }

    [Theory]
    [InlineData(2015, "Vladimir Putin")]
    [InlineData(2010, "Vitaly Churkin")]
    [InlineData(2009, "Dimitry Medvedev")]
    public void RussianSpeechesByOthersAreNotAttributedToLavrov(int year, string speaker)
    {
        var file = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "ungdc", year.ToString()), "RUS_*.txt").Single();
        var document = TranscriptReader.CreateDefault().Read(file);
        Assert.Equal(speaker, document.Turns[0].Speaker);
    }

    [Fact]
    public void SingleSpeechFileFindsSpeakerTableInParentFolder()
    {
        using var temp = new TempDirectory();
        temp.Write("speakers.csv", "year,session,iso,country,speaker,post\n2017,72,RUS,Russia,\"Mr. Sergey Lavrov\",Minister for Foreign Affairs\n");
        var path = temp.Write(Path.Combine("2017", "RUS_72_2017.txt"), "Mr. President,\nWe meet at a difficult time.\n");
        var document = TranscriptReader.CreateDefault().Read(path);
        Assert.Equal("Sergey Lavrov", document.Turns[0].Speaker);
        Assert.Contains("72nd session", document.Title);
    }

    [Fact]
    public void SpeechWithoutRowInSpeakerTableIsRefusedWithReason()
    {
        using var temp = new TempDirectory();
        temp.Write("speakers.csv", "year,session,iso,country,speaker,post\n2017,72,RUS,Russia,Sergey Lavrov,Minister\n");
        var path = temp.Write(Path.Combine("2017", "FRA_72_2017.txt"), "Some speech text here.");
        var error = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.CreateDefault().Read(path));
        Assert.Contains("no row for FRA in 2017", error.Message);
        Assert.Equal(path, error.Path);
    }
}
