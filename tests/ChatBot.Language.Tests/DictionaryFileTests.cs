using System.IO.Compression;
using System.Text;

namespace ChatBot.Language.Tests;

/// <summary>Reading and inverting a dictd dictionary in Mueller's layout, on a small one written here.</summary>
public sealed class DictionaryFileTests
{
    private const string Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    // Articles in the installed dictionary's layout (headword line, transcription, senses, labels, examples).
    private static readonly (string Headword, string Article)[] s_articles =
    [
        ("00-database-short", "00-database-short\n   A test dictionary\n"),
        ("belled", "belled\n   [beld] _a. расширенный\n"),
        ("broadening", "broadening\n   [x] _n. расширение (кругозора)\n"),
        ("expansion", "expansion\n   [ɪks↗pænʃɜn] _n.\n   1) расширение; растяжение; распространение\n   2) экспансия\n   3) _мат. раскрытие (формулы)\n"),
        ("say", "say\n   [sɛɪ]\n   1. _v. (said)\n      1) говорить, сказать; they say, it is said говорят; to say no\n      отказать\n      2) _разг. предполагать\n   2. _n. мнение\n"),
        ("refugee", "refugee\n   [x] _n. беженец; эмигрант\n"),
    ];

    [Fact]
    public void GlossesComeInArticleOrderWithoutCommentsExamplesOrLabels()
    {
        var glosses = MuellerArticle.Glosses(s_articles[3].Article);

        Assert.Equal(["расширение", "растяжение", "распространение", "экспансия", "раскрытие"], glosses.Select(g => g.Gloss));
        // Rank: the sense's number from 0 plus the place in the sense.
        Assert.Equal([0, 1, 2, 1, 2], glosses.Select(g => g.Rank));
        Assert.Equal([false, false, false, false, true], glosses.Select(g => g.Labelled));
    }

    [Fact]
    public void AnExampleEndsItsSensesGlosses()
    {
        var glosses = MuellerArticle.Glosses(s_articles[4].Article).Select(g => g.Gloss).ToList();

        Assert.Equal(["говорить", "сказать", "предполагать", "мнение"], glosses);
    }

    [Fact]
    public void TheInvertedDictionaryFindsTheLemmaClosestToTheQuestionsWord()
    {
        using var folder = new TempDirectory();
        var basePath = WriteDictd(folder, "mini");
        var stemmer = new RussianStemmer();

        var dictionary = RussianEnglishDictionary.Load(basePath, CountryNames.Empty, stemmer, translationsPerWord: 2, alternativeMaxGlossRank: 0);

        Assert.Equal(5, dictionary.Headwords);
        string[]? Lookup(string word) => dictionary.LookupWord([word], [stemmer.Stem(word)]);
        // расширении shares its stem with расширенный (belled) and расширение; the noun is the closer lemma, and
        // expansion (a longer article) ranks before broadening.
        Assert.Equal(["expansion", "broadening"], Lookup("расширении")!);
        Assert.Equal(["belled"], Lookup("расширенной")!);
        Assert.Equal(["refugee"], Lookup("беженцев")!);
        Assert.Equal(["say"], Lookup("говорить")!);
        Assert.Null(Lookup("санкция"));
    }

    [Fact]
    public void AnUncompressedDictFileIsReadToo()
    {
        using var folder = new TempDirectory();
        var basePath = WriteDictd(folder, "plain", compress: false);

        var entries = DictdReader.ReadEntries(basePath).ToList();

        Assert.Equal(5, entries.Count);
        Assert.Equal("expansion", entries[2].Headword);
        Assert.StartsWith("expansion\n", entries[2].Article, StringComparison.Ordinal);
    }

    private static string WriteDictd(TempDirectory folder, string name, bool compress = true)
    {
        var data = new MemoryStream();
        var index = new StringBuilder();
        foreach (var (headword, article) in s_articles)
        {
            var bytes = Encoding.UTF8.GetBytes(article);
            index.Append(headword).Append('\t').Append(Base64(data.Length)).Append('\t').Append(Base64(bytes.Length)).Append('\n');
            data.Write(bytes);
        }

        var basePath = folder.File(name);
        File.WriteAllText(basePath + ".index", index.ToString());
        if (compress)
        {
            using var file = File.Create(basePath + ".dict.dz");
            using var gzip = new GZipStream(file, CompressionLevel.Optimal);
            gzip.Write(data.ToArray());
        }
        else
        {
            File.WriteAllBytes(basePath + ".dict", data.ToArray());
        }

        return basePath;
    }

    private static string Base64(long value)
    {
        if (value == 0)
        {
            return "A";
        }

        var sb = new StringBuilder();
        for (; value > 0; value /= 64)
        {
            sb.Insert(0, Digits[(int)(value % 64)]);
        }

        return sb.ToString();
    }
}
