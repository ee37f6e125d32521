namespace ChatBot.Language.Tests;

public sealed class NameMatcherTests
{
    private static readonly string[] s_speakers =
    [
        "Sergey Lavrov", "Joe Biden", "Jen Psaki", "Volodymyr Zelensky", "Vladimir Putin", "Philip Joseph Pierre",
        "Karine Jean-Pierre", "Olaf Scholz", "Antonio Guterres", "Andrew Bates", "Ned Price", "Jake Sullivan",
    ];

    private readonly NameMatcher _matcher = new(new LanguageOptions());

    [Theory]
    [InlineData("Лавров", "Sergey Lavrov")]
    [InlineData("Лаврова", "Sergey Lavrov")]
    [InlineData("Лавровым", "Sergey Lavrov")]
    [InlineData("Путин", "Vladimir Putin")]
    [InlineData("Путину", "Vladimir Putin")]
    [InlineData("Псаки", "Jen Psaki")]
    [InlineData("Байден", "Joe Biden")]
    [InlineData("Байдена", "Joe Biden")]
    [InlineData("Зеленский", "Volodymyr Zelensky")]
    [InlineData("Зеленского", "Volodymyr Zelensky")]
    [InlineData("Шольц", "Olaf Scholz")]
    [InlineData("Шольцем", "Olaf Scholz")]
    [InlineData("Бейтса", "Andrew Bates")]
    [InlineData("Прайс", "Ned Price")]
    [InlineData("Джейк", "Jake Sullivan")]
    [InlineData("Джен", "Jen Psaki")]
    public void CyrillicNamesInAnyCaseMatchTheKnownLatinSpelling(string cyrillic, string expected)
    {
        Assert.Equal(expected, _matcher.MatchName(cyrillic, s_speakers));
    }

    [Theory]
    [InlineData("Иванов")]
    [InlineData("Сирия")]
    [InlineData("Пирс")]
    public void WordsThatAreNoKnownNameMatchNothing(string cyrillic)
    {
        Assert.Null(_matcher.MatchName(cyrillic, s_speakers));
    }

    [Fact]
    public void ASurnameMatchBeatsAFirstNameMatchOfTheSameCloseness()
    {
        // "Пьер" is Karine Jean-Pierre's second surname part and Philip Joseph Pierre's surname.
        Assert.Equal("Philip Joseph Pierre", _matcher.MatchName("Пьер", s_speakers));
    }

    [Fact]
    public void AmongSpellingsOfOneSkeletonTheOneNearestThePlainRomanisationWins()
    {
        // A speaker list may carry a misspelt variant first; both reduce to the same skeleton.
        Assert.Equal("Mr. Petro Poroshenko", _matcher.MatchName("Порошенко", ["Mr. Petro Poroshenk", "Mr. Petro Poroshenko"]));
    }

    [Fact]
    public void ShortNamesMustMatchExactly()
    {
        // "Ли" would be one edit from many short names; below the minimum length no edit is allowed.
        Assert.Null(_matcher.MatchName("Ли", ["Lee Hsien Loong"]));
        Assert.Equal("Li Keqiang", _matcher.MatchName("Ли", ["Li Keqiang"]));
    }

    [Fact]
    public void NoToleranceMeansOnlyEqualSkeletonsMatch()
    {
        var strict = new NameMatcher(maxEditDistance: 0, minLengthForEdits: 5);

        Assert.Null(strict.MatchName("Байден", ["Joe Biden"]));
        Assert.Equal("Volodymyr Zelensky", strict.MatchName("Зеленский", ["Volodymyr Zelensky"]));
    }
}
