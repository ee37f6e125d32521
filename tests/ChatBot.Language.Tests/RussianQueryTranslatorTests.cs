
namespace ChatBot.Language.Tests;

public sealed class RussianQueryTranslatorTests
{
    private static string[] Words(TranslatedQuery? query) =>
        query!.English.Split([' ', '?', ','], StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void TextWithoutCyrillicIsNotTranslated()
    {
        var translator = new RussianQueryTranslator(new LanguageOptions { RussianDictionary = "/nonexistent/dict" });

        Assert.Null(translator.Translate("What did Lavrov say about NATO expansion?"));
        Assert.Null(translator.Translate("   "));
        Assert.Null(translator.Translate("2014 — 2016"));
    }

    [Fact]
    public void QuestionAboutNatoExpansionBecomesAnEnglishQueryWithSpeakerFramingAndTopic()
    {
        var result = InstalledDictionary.Translator.Translate("Что Лавров говорил о расширении НАТО?");

        Assert.NotNull(result);
        Assert.Equal("ru", result.Language);
        var words = Words(result);
        Assert.Equal("what", words[0]);
        Assert.Contains("Lavrov", words);
        Assert.Contains("said", words);
        Assert.Contains("about", words);
        Assert.Contains("expansion", words);
        Assert.Contains("NATO", words);
        Assert.Empty(result.UntranslatedWords);
        Assert.EndsWith("?", result.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Что сказал Байден о санкциях против России?", new[] { "Biden", "said", "sanction", "against", "Russia" })]
    [InlineData("Какова позиция Лаврова по Сирии?", new[] { "Lavrov", "Syria" })]
    [InlineData("По словам Псаки, какие меры примут Соединённые Штаты?", new[] { "according", "to", "Psaki", "United", "States" })]
    [InlineData("Что Зеленский заявил о переговорах с Москвой?", new[] { "Zelensky", "said", "Moscow" })]
    [InlineData("Что министр иностранных дел говорил о Северной Корее в 2017 году?", new[] { "foreign", "minister", "North", "Korea", "in", "2017" })]
    [InlineData("Упоминал ли Путин ядерное оружие с 2016 года?", new[] { "Putin", "nuclear", "since", "2016" })]
    [InlineData("Как Лавров оценивал выборы в Германии?", new[] { "how", "Lavrov", "election", "Germany" })]
    [InlineData("Что говорилось о беженцах и терроризме в ООН?", new[] { "refugee", "terrorism", "UN" })]
    public void ContentWordsNamesAndDatesComeOutInEnglish(string question, string[] expected)
    {
        var result = InstalledDictionary.Translator.Translate(question);

        var words = Words(result);
        foreach (var word in expected)
        {
            Assert.True(words.Contains(word), $"'{word}' missing from \"{result!.English}\" (for \"{question}\")");
        }
    }

    [Theory]
    [InlineData("Что Лаврову ответили в Вашингтоне?", "Lavrov")]
    [InlineData("Какие слова Лаврова о Европе цитировали?", "Lavrov")]
    [InlineData("Согласен ли Макрон с Лавровым?", "Lavrov")]
    [InlineData("Что Байдену сказал Зеленский?", "Biden")]
    [InlineData("Какие вопросы задавали Зеленскому?", "Zelensky")]
    public void InflectedNamesComeOutInTheStoresSpelling(string question, string expected)
    {
        var result = InstalledDictionary.Translator.Translate(question);

        Assert.Contains(expected, Words(result));
    }

    [Fact]
    public void InflectedVerbsAndNounsFindTheirDictionaryForm()
    {
        // A perfective verb the dictionary lists only without its prefix, a noun in the prepositional plural.
        var result = InstalledDictionary.Translator.Translate("Как Псаки прокомментировала решение о санкциях?");

        var words = Words(result);
        Assert.Contains("comment", words);
        Assert.Contains("about", words);
        Assert.Contains("sanction", words);
        Assert.Empty(result!.UntranslatedWords);
    }

    [Theory]
    [InlineData("Что говорил пресс-секретарь Белого дома о сокращении выбросов?", new[] { "press", "secretary", "White", "House" })]
    [InlineData("Вспоминал ли министр времена холодной войны?", new[] { "cold", "war" })]
    [InlineData("Что говорилось о гуманитарной помощи Украине и Сирийской Арабской Республике?", new[] { "humanitarian", "Ukraine", "Syria" })]
    [InlineData("Какую роль играет Генассамблея в урегулировании конфликтов на Ближнем Востоке?", new[] { "play", "General", "Assembly", "Middle", "East" })]
    public void CompoundsAdjectivesAndCountryNamesFindTheirEnglish(string question, string[] expected)
    {
        var result = InstalledDictionary.Translator.Translate(question);

        var words = Words(result);
        foreach (var word in expected)
        {
            Assert.True(words.Contains(word), $"'{word}' missing from \"{result!.English}\" (for \"{question}\")");
        }
    }

    [Theory]
    [InlineData("формат", "format", true)]
    [InlineData("дебаты", "debate", true)]
    [InlineData("гуманитарный", "humanitarian", true)]
    [InlineData("терроризм", "terrorism", true)]
    [InlineData("экстремизм", "extremism", true)]
    [InlineData("кризис", "crisis", true)]
    [InlineData("конфликт", "conflict", true)]
    [InlineData("мир", "peace", false)]
    [InlineData("переговоры", "parley", false)]
    [InlineData("санкция", "sanction", true)] // -tsiya is -tion
    [InlineData("ситуация", "situation", true)]
    [InlineData("парламент", "parliament", true)] // one letter apart
    [InlineData("сказал", "scald", false)]
    [InlineData("выборы", "vibration", false)]
    public void ALoanwordIsRecognisedByHowItSounds(string russian, string english, bool cognate)
    {
        var options = new LanguageOptions();
        Assert.Equal(cognate, RussianEnglishDictionary.IsCognate(russian, english, options.CognatePrefix, options.CognateMaxDistance));
    }

    [Fact]
    public void ALoanwordTakesItsEnglishCognateWhereverTheDictionaryRanksIt()
    {
        // Mueller files формат under "size" first, and under "format" only in the phrase "формат книги".
        var result = InstalledDictionary.Translator.Translate("Что Букеле сказал о формате общих дебатов, который он считает устаревшим?");
        var words = Words(result);
        Assert.Contains("format", words);
        Assert.Contains("debate", words);
        Assert.DoesNotContain("size", words);
        Assert.DoesNotContain("disputation", words);

        // Of two look-alikes the closer: трибуна is a tribune, not a tribunate; парламент a parliament, not a diet.
        Assert.Contains("tribune", Words(InstalledDictionary.Translator.Translate("Что Лавров сказал с трибуны парламента?")));
        Assert.Contains("parliament", Words(InstalledDictionary.Translator.Translate("Что Лавров сказал с трибуны парламента?")));
    }

    [Fact]
    public void AWordWithSeveralSensesOffersThemWithTheDictionarysFirstInTheQuery()
    {
        var result = InstalledDictionary.Translator.Translate("Что Зеленский заявил о переговорах с Москвой?")!;
        var ambiguous = Assert.Single(result.Ambiguous, a => a.Senses.Contains("parley"));
        Assert.True(ambiguous.Senses.Count > 1);
        Assert.Equal(ambiguous.Senses[0], result.Parts[ambiguous.Part]);
        Assert.Equal(string.Join(' ', result.Parts.Where(p => p.Length > 0)) + "?", result.English);

        var other = ambiguous.Senses[^1];
        var chosen = result.WithSenses(result.Ambiguous.Select(a => a == ambiguous ? other : a.Senses[0]).ToList());
        Assert.Contains(other, chosen.English);
        Assert.DoesNotContain(ambiguous.Senses[0], chosen.English.Replace(other, "", StringComparison.Ordinal));
    }

    [Fact]
    public void LatinWordsAndNumbersPassThroughUnchanged()
    {
        var result = InstalledDictionary.Translator.Translate("Что Лавров говорил о G20 и COVID-19 в 2021?");

        var words = Words(result);
        Assert.Contains("G20", words);
        Assert.Contains("COVID-19", words);
        Assert.Contains("2021", words);
    }

    [Fact]
    public void WithoutTheDictionaryNamesAndFramingAreTranslatedAndTheRestIsReported()
    {
        using var folder = new TempDirectory();
        var translator = new RussianQueryTranslator(
            new LanguageOptions { RussianDictionary = folder.File("absent/mueller7") }, () => InstalledDictionary.KnownSpeakers);

        var result = translator.Translate("Что Лавров говорил о расширении НАТО?");

        Assert.False(translator.HasDictionary);
        Assert.NotNull(result);
        var words = Words(result);
        Assert.Contains("Lavrov", words);
        Assert.Contains("NATO", words);
        Assert.Contains("said", words);
        Assert.Contains("about", words);
        Assert.Equal(["расширении"], result.UntranslatedWords);
    }

    [Fact]
    public void WithoutKnownNamesAnInflectedSurnameIsRomanisedInItsDictionaryForm()
    {
        using var folder = new TempDirectory();
        var translator = new RussianQueryTranslator(new LanguageOptions { RussianDictionary = folder.File("none") });

        var result = translator.Translate("По словам Лаврова и Зеленского, переговоры идут");

        var words = Words(result);
        Assert.Contains("Lavrov", words);
        Assert.Contains("Zelenskiy", words);
        Assert.Contains("Лаврова", result!.UntranslatedWords);
    }

    [Fact]
    public void ADictionaryFileThatIsNotADictionaryGivesNamesOnlyAndNoException()
    {
        using var folder = new TempDirectory();
        folder.Write("broken.index", "expansion\tnot-base64!\t??\n");
        File.WriteAllBytes(folder.File("broken.dict.dz"), [1, 2, 3, 4, 5]);
        var translator = new RussianQueryTranslator(new LanguageOptions { RussianDictionary = folder.File("broken") });

        var result = translator.Translate("Что Путин говорил о Сирии?");

        Assert.NotNull(result);
        Assert.Contains("Putin", Words(result));
        Assert.Contains("Syria", Words(result));
    }

    [Fact]
    public void TheKnownNamesListIsAskedOnEachQuestion()
    {
        using var folder = new TempDirectory();
        var names = new List<string>();
        var translator = new RussianQueryTranslator(new LanguageOptions { RussianDictionary = folder.File("none") }, () => names);

        Assert.Contains("Bayden", Words(translator.Translate("Что сказал Байден?")));
        names.Add("Joe Biden");
        Assert.Contains("Biden", Words(translator.Translate("Что сказал Байден?")));
    }
}
