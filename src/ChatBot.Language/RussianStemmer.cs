using LuceneRussianStemmer = Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer;

namespace ChatBot.Language;

/// <summary>The Snowball Russian stemmer (Lucene.Net's port), over lower-cased words with ё read as е. Thread-safe.</summary>
internal sealed class RussianStemmer
{
    private readonly LuceneRussianStemmer _stemmer = new();
    private readonly Lock _lock = new();

    /// <summary>The stem of one word: расширение, расширения, расширении -> расширен.</summary>
    public string Stem(string word)
    {
        var normal = Normalise(word);
        lock (_lock)
        {
            _stemmer.SetCurrent(normal);
            _stemmer.Stem();
            return _stemmer.Current;
        }
    }

    /// <summary>Lower case, ё as е.</summary>
    public static string Normalise(string word) => word.ToLowerInvariant().Replace('ё', 'е');
}
