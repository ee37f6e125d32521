using ChatBot.Storage.Sqlite;
using ChatBot.Tests.Shared;
using static ChatBot.Storage.Tests.Conformance.ConformanceCorpus;

namespace ChatBot.Storage.Tests.Sqlite;

/// <summary>
/// The embedded store's keyword ranking with "minimum should match": passages holding every term are tried first,
/// and passages holding only enough of them still come when the first are too few.
/// </summary>
public sealed class LexicalSearchTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private SqliteTranscriptStore? _store;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Passages_with_every_term_come_first_and_those_with_enough_terms_fill_the_rest()
    {
        var store = await SeededAsync();
        var request = new ChunkSearchRequest { Text = "sanctions dialogue arms", MinimumTermsMatched = 2 };

        // One passage holds all three words; the General Debate's second turn holds two ("dialogue", "arms").
        var one = await store.SearchAsync(request with { Limit = 1, CandidatesPerRanking = 1 }, Ct);
        Assert.Equal(Undated[0].Id, Assert.Single(one).Chunk.Id);

        var all = await store.SearchAsync(request with { Limit = 10, CandidatesPerRanking = 10 }, Ct);
        Assert.Equal(Undated[0].Id, all[0].Chunk.Id);
        Assert.Contains(all, h => h.Chunk.Id == GeneralDebate[1].Id);
        Assert.DoesNotContain(all, h => h.Chunk.Id == DaNang[2].Id); // "sanctions" alone is not enough
    }

    [Fact]
    public async Task Keyword_hits_carry_their_bm25_score_best_first()
    {
        var store = await SeededAsync();
        var hits = await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions dialogue arms", Limit = 10, CandidatesPerRanking = 10 }, Ct);
        var scores = hits.Select(h => Assert.NotNull(h.LexicalScore)).ToList();
        Assert.True(scores[0] > 0);
        Assert.Equal(scores.OrderDescending(), scores); // keyword-only: the fused order is the keyword order
    }

    [Fact]
    public async Task Words_are_counted_by_the_passages_holding_them_and_recounted_after_a_write()
    {
        var store = await SeededAsync();
        var counts = await store.CountPassagesWithWordsAsync(["sanctions", "zeppelin", "the"], Ct);
        Assert.Equal(ChunkCount, counts.Passages);
        var sanctions = counts.Counts["sanctions"];
        Assert.True(sanctions >= 3, $"'sanctions' is in {sanctions} passages");
        Assert.Equal(0, counts.Counts["zeppelin"]);
        Assert.False(counts.Counts.ContainsKey("the")); // a stop word is not searched, so not counted
        Assert.True(counts.Rarity("zeppelin") > counts.Rarity("sanctions"));

        await store.DeleteDocumentAsync(Undated.Id, Ct); // holds "sanctions" once
        var after = await store.CountPassagesWithWordsAsync(["sanctions"], Ct);
        Assert.Equal(sanctions - 1, after.Counts["sanctions"]);
        Assert.Equal(ChunkCount - 1, after.Passages);
    }

    public void Dispose()
    {
        _store?.Dispose();
        _folder.Dispose();
    }

    private async Task<SqliteTranscriptStore> SeededAsync()
    {
        _store = new SqliteTranscriptStore(_folder.File("chatbot.db"));
        await _store.InitializeAsync(Ct);
        foreach (var d in All) await _store.UpsertDocumentAsync(d.Document, d.Chunks, "sig", Ct);
        return _store;
    }
}
