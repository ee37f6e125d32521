using ChatBot.Parsing;
using ChatBot.Tests.Shared;

namespace ChatBot.Core.Tests.Parsing;

public sealed class TranscriptReaderBadInputTests
{
    private readonly TranscriptReader _reader = TranscriptReader.CreateDefault();

    [Fact]
    public void EmptyFileIsRefusedAsEmpty()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("empty.txt", "");
        var e = Assert.Throws<TranscriptFormatException>(() => _reader.Read(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("empty", e.Reason);
    }

    [Fact]
    public void WhitespaceOnlyFileIsRefused()
    {
        using var temp = new TempDirectory();
        var e = Assert.Throws<TranscriptFormatException>(() => _reader.Read(temp.Write("blank.txt", " \n\t\n")));
        Assert.Contains("white space", e.Reason);
    }

    [Fact]
    public void BinaryFileIsRefusedAsBinary()
    {
        using var temp = new TempDirectory();
        var path = temp.File("image.txt");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var e = Assert.Throws<TranscriptFormatException>(() => _reader.Read(path));
        Assert.Contains("binary", e.Reason);
    }

    [Fact]
    public void Latin1FileIsRefusedAsNotUtf8WithItsLine()
    {
        using var temp = new TempDirectory();
        var path = temp.File("latin1.txt");
        File.WriteAllBytes(path, [.. "Question: first line\nSergey Lavrov: caf"u8, 0xE9, .. "\n"u8]);
        var e = Assert.Throws<TranscriptFormatException>(() => _reader.Read(path));
        Assert.Contains("not UTF-8", e.Reason);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void MissingFileIsRefused()
    {
        using var temp = new TempDirectory();
        var e = Assert.Throws<TranscriptFormatException>(() => _reader.Read(temp.File("nope.txt")));
        Assert.Contains("does not exist", e.Reason);
    }

    [Fact]
    public void DirectoryGivenAsFileIsRefusedAsUnreadable()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("folder.txt"));
        var e = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.Load(temp.File("folder.txt")));
        Assert.Contains("does not exist", e.Reason);
    }

    [Fact]
    public void PlainProseWithoutTurnsIsUnrecognised()
    {
        using var temp = new TempDirectory();
        var e = Assert.Throws<TranscriptFormatException>(() => _reader.Read(temp.Write("notes.txt", "Just some notes about the weather today.\n\nNothing else.")));
        Assert.Contains("not a recognised transcript", e.Reason);
    }

    [Fact]
    public void UnclosedFrontMatterIsReportedAtLineOne()
    {
        using var temp = new TempDirectory();
        var e = Assert.Throws<TranscriptFormatException>(() => _reader.Read(temp.Write("b.md", "---\ntitle: \"Briefing\"\ndate: '2021-01-20'\n\nMS. PSAKI:  Hello.\n")));
        Assert.Equal(1, e.Line);
        Assert.Contains("never closed", e.Reason);
    }

    [Fact]
    public void InvalidYamlIsReportedWithItsLine()
    {
        using var temp = new TempDirectory();
        var e = Assert.Throws<TranscriptFormatException>(() => _reader.Read(temp.Write("b.md", "---\ntitle: \"Briefing\ndate: [2021\n---\n\nMS. PSAKI:  Hello there, everyone.\n")));
        Assert.Contains("not valid YAML", e.Reason);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void BadFrontMatterDateIsReportedOnItsLine()
    {
        using var temp = new TempDirectory();
        var e = Assert.Throws<TranscriptFormatException>(() => _reader.Read(temp.Write("b.md", "---\ntitle: Briefing\ndate: someday\n---\n\nMS. PSAKI:  Hello there, everyone.\n")));
        Assert.Equal(3, e.Line);
        Assert.Contains("someday", e.Reason);
    }
}
