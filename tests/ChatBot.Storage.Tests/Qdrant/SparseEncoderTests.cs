using ChatBot.Storage.Qdrant.Mapping;

namespace ChatBot.Storage.Tests.Qdrant;

public sealed class SparseEncoderTests
{
    [Fact]
    public void Queries_and_documents_hash_the_same_terms_to_the_same_indices()
    {
        var query = SparseEncoder.ForQuery("LAVROV’S view on Vietnamese fisheries")!;
        var document = SparseEncoder.ForDocument("Lavrov spoke about vietnamese FISHERIES and his view.", null)!;
        Assert.Subset(document.Indices.ToHashSet(), query.Indices.ToHashSet());
        Assert.All(query.Values, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Diacritics_case_and_stop_words_do_not_matter()
    {
        Assert.Equal(SparseEncoder.ForQuery("Café")!.Indices, SparseEncoder.ForQuery("the cafe")!.Indices);
        Assert.Null(SparseEncoder.ForQuery("the of and"));
        Assert.Null(SparseEncoder.ForQuery("  "));
        Assert.Null(SparseEncoder.ForDocument("of the", null));
    }

    [Fact]
    public void Indices_are_sorted_unique_and_match_their_values()
    {
        var v = SparseEncoder.ForDocument("sanctions sanctions bank trade trade trade", "bank question")!;
        Assert.Equal(v.Indices.Order().Distinct(), v.Indices);
        Assert.Equal(v.Indices.Length, v.Values.Length);
    }

    [Fact]
    public void Term_frequency_saturates()
    {
        float once = Weight(SparseEncoder.ForDocument("sanctions alpha beta gamma", null)!, "sanctions");
        float twice = Weight(SparseEncoder.ForDocument("sanctions sanctions beta gamma", null)!, "sanctions");
        Assert.True(twice > once && twice < 2 * once, $"once {once}, twice {twice}");
    }

    [Fact]
    public void Longer_chunks_weigh_a_term_less()
    {
        float shortChunk = Weight(SparseEncoder.ForDocument("sanctions alpha", null)!, "sanctions");
        float longChunk = Weight(SparseEncoder.ForDocument("sanctions " + string.Join(' ', Enumerable.Range(0, 100).Select(i => "word" + i)), null)!, "sanctions");
        Assert.True(longChunk < shortChunk);
    }

    [Fact]
    public void A_term_in_the_question_context_weighs_less_than_in_the_text()
    {
        float inText = Weight(SparseEncoder.ForDocument("bank policy", "trade rules"), "bank");
        float inQuestion = Weight(SparseEncoder.ForDocument("trade policy", "bank rules"), "bank");
        Assert.Equal(SparseEncoder.QuestionWeight, inQuestion / inText, 3);
    }

    [Fact]
    public void The_index_is_a_stable_32_bit_fnv_1a_hash()
    {
        Assert.Equal(0x811C9DC5u, SparseEncoder.Index(""));
        Assert.Equal(0xE40C292Cu, SparseEncoder.Index("a"));
    }

    private static float Weight(SparseVectorData? vector, string term)
    {
        Assert.NotNull(vector);
        int i = Array.IndexOf(vector.Indices, SparseEncoder.Index(term));
        Assert.True(i >= 0, $"'{term}' is not in the vector");
        return vector.Values[i];
    }
}
