namespace ChatBot.Language.Tests;

public sealed class CyrillicTransliteratorTests
{
    [Theory]
    [InlineData("Лавров", "Lavrov")]
    [InlineData("Путин", "Putin")]
    [InlineData("Псаки", "Psaki")]
    [InlineData("Зеленский", "Zelenskiy")]
    [InlineData("Байден", "Bayden")]
    [InlineData("Шойгу", "Shoygu")]
    [InlineData("Елена Захарова", "Yelena Zakharova")]
    [InlineData("Щукин", "Shchukin")]
    [InlineData("Подъячев", "Podyachev")]
    [InlineData("НАТО", "NATO")]
    public void RomanisesWithBgnPcgnInPlainAscii(string cyrillic, string expected)
    {
        Assert.Equal(expected, CyrillicTransliterator.Transliterate(cyrillic));
    }

    [Fact]
    public void LeavesEverythingButCyrillicAsWritten()
    {
        Assert.Equal("G20 summit: Lavrov, 2019!", CyrillicTransliterator.Transliterate("G20 summit: Лавров, 2019!"));
    }

    [Fact]
    public void DetectsCyrillic()
    {
        Assert.True(CyrillicTransliterator.ContainsCyrillic("What did Лавров say?"));
        Assert.False(CyrillicTransliterator.ContainsCyrillic("What did Lavrov say?"));
    }
}
