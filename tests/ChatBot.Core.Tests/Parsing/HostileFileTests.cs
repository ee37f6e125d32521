using ChatBot.Parsing;
using ChatBot.Tests.Shared;

namespace ChatBot.Core.Tests.Parsing;

/// <summary>Files made to hurt: impossible years in UN file names, a transcript with far too many turns.</summary>
public sealed class HostileFileTests
{
    [Theory]
    [InlineData(1800)]
    [InlineData(1945)]
    [InlineData(3000)]
    public void A_UN_file_name_year_outside_the_General_Debate_years_is_refused_naming_the_range(int year)
    {
        using var temp = new TempDirectory();
        temp.Write("speakers.csv", $"year,session,iso,country,speaker,post\n{year},72,RUS,Russia,Sergey Lavrov,Minister\n");
        var path = temp.Write($"RUS_72_{year}.txt", "Mr. President,\nWe meet at a difficult time.\n");
        var error = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.CreateDefault().Read(path));
        Assert.Equal(path, error.Path);
        Assert.Contains($"year {year} is outside 1946-{DateTime.UtcNow.Year + 1}", error.Reason);
    }

    [Fact]
    public void The_UN_year_range_is_an_option()
    {
        using var temp = new TempDirectory();
        temp.Write("speakers.csv", "year,session,iso,country,speaker,post\n2017,72,RUS,Russia,Sergey Lavrov,Minister\n");
        var path = temp.Write("RUS_72_2017.txt", "Mr. President,\nWe meet at a difficult time.\n");
        Assert.Equal(2017, TranscriptReader.CreateDefault().Read(path).Year);
        var error = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.CreateDefault(new ParsingLimits { LastUnYear = 2010 }).Read(path));
        Assert.Contains("outside 1946-2010", error.Reason);
    }

    [Fact]
    public void A_transcript_with_more_turns_than_the_limit_is_refused_naming_the_file_line_and_setting()
    {
        using var temp = new TempDirectory();
        var text = "Foreign Minister Sergey Lavrov’s remarks, Moscow, March 3, 2020\n\n"
            + string.Concat(Enumerable.Range(0, 30).Select(i => $"Question: Item {i}?\n\nSergey Lavrov: We discussed item {i}.\n\n"));
        var path = temp.Write("many.txt", text);
        var reader = TranscriptReader.CreateDefault(new ParsingLimits { MaxTurnsPerDocument = 50 });
        var error = Assert.Throws<TranscriptFormatException>(() => reader.Read(path));
        Assert.Equal(path, error.Path);
        Assert.Contains("more than 50 speaker turns", error.Reason);
        Assert.Contains("ChatBot:Ingest:MaxTurnsPerDocument", error.Reason);
        Assert.NotNull(error.Line);
        // Under the limit the same file parses whole.
        Assert.Equal(60, TranscriptReader.CreateDefault(new ParsingLimits { MaxTurnsPerDocument = 60 }).Read(path).Turns.Count);
    }
}
