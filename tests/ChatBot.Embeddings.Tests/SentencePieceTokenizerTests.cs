namespace ChatBot.Embeddings.Tests;

public sealed class SentencePieceTokenizerTests
{
    private static readonly Lazy<SentencePieceTokenizer> s_tokenizer =
        new(() => SentencePieceTokenizer.Load(Path.Combine(TestPaths.RequireModelDirectory(), "vocab.json")));

    private static SentencePieceTokenizer Tokenizer => s_tokenizer.Value;

    [Fact]
    public void TokenIdsEqualTheReferenceForAllSentences()
    {
        var failures = new List<string>();
        foreach (var sentence in ReferenceData.Instance.Sentences)
        {
            int[] actual = Tokenizer.EncodeUnclipped(sentence.Text);
            if (!actual.SequenceEqual(sentence.TokenIds))
            {
                failures.Add($"{Show(sentence.Text)}\n  expected [{string.Join(", ", sentence.TokenIds)}]\n  actual   [{string.Join(", ", actual)}]");
            }
        }

        Assert.True(ReferenceData.Instance.Sentences.Count == 30, "The reference should hold 30 sentences.");
        Assert.True(failures.Count == 0, $"{failures.Count} sentence(s) tokenized differently:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void EncodeClipsTo128TokensWhileCountTokensDoesNot()
    {
        var longest = ReferenceData.Instance.Sentences.MaxBy(s => s.TokenIds.Length)!;
        Assert.True(longest.TokenIds.Length > SentencePieceTokenizer.MaxTokens);

        Assert.Equal(longest.TokenIds.Take(SentencePieceTokenizer.MaxTokens), Tokenizer.Encode(longest.Text));
        Assert.Equal(longest.TokenIds.Length, Tokenizer.CountTokens(longest.Text));
    }

    [Fact]
    public void EmptyTextHasNoTokens()
    {
        Assert.Empty(Tokenizer.Encode(""));
        Assert.Equal(0, Tokenizer.CountTokens(""));
    }

    [Fact]
    public void EverySpaceBecomesOneWordBoundaryAndTabsAreUnknown()
    {
        // One "▁" for the leading boundary plus one per space, none merged: "▁" (30), "▁" (30), "▁The" (34).
        Assert.Equal([30, 30, 34], Tokenizer.Encode("  The"));

        // A tab is not a space: it is an unknown symbol, and the word after it has no boundary.
        int[] ids = Tokenizer.Encode("The\tThe\t\tThe");
        Assert.Equal(5, ids.Length);
        Assert.Equal(34, ids[0]);
        Assert.Equal(0, ids[1]);
        Assert.Equal(0, ids[3]);
        Assert.Equal(ids[2], ids[4]);
        Assert.NotEqual(34, ids[2]);
    }

    [Fact]
    public void ConsecutiveUnknownSymbolsCollapseIntoOneId()
    {
        int[] ids = Tokenizer.Encode("\U0001F642\U0001F642\U0001F642");
        Assert.Equal([30, 0], ids);
    }

    [Fact]
    public void LoneSurrogatesAreUnknownRatherThanAnError()
    {
        int[] ids = Tokenizer.Encode("a\uD800b");
        Assert.Contains(0, ids);
    }

    private static string Show(string text) => text.Length > 60 ? text[..60] + "..." : text;
}
