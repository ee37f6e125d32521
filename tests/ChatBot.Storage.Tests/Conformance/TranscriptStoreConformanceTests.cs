using ChatBot.Model;
using static ChatBot.Storage.Tests.Conformance.ConformanceCorpus;

namespace ChatBot.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="ITranscriptStore"/> must show, with the same documents, queries and expectations for
/// each backend. A subclass supplies a fresh, initialised, empty store per test and cleans up after it. Keyword
/// queries use words whose stems equal the words (the embedded store stems, the Qdrant store does not).
/// </summary>
public abstract class TranscriptStoreConformanceTests : IAsyncLifetime
{
    private static readonly ChunkFilter NoFilter = new();

    /// <summary>A fresh, initialised store holding nothing.</summary>
    protected abstract Task<ITranscriptStore> CreateStoreAsync();

    /// <inheritdoc />
    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_is_safe_to_repeat()
    {
        var store = await SeededStoreAsync();
        await store.InitializeAsync(Ct);
        Assert.Equal(ChunkCount, (await store.GetStatisticsAsync(Ct)).Chunks);
    }

    [Fact]
    public async Task Upserting_the_same_document_twice_changes_nothing()
    {
        var store = await SeededStoreAsync();
        var before = await store.GetStatisticsAsync(Ct);
        var hitsBefore = await KeywordAsync(store, "sanctions");
        await store.UpsertDocumentAsync(DaNang.Document, DaNang.Chunks, "sig-1", Ct);
        var after = await store.GetStatisticsAsync(Ct);
        Assert.Equal((before.Documents, before.Chunks, before.Speakers), (after.Documents, after.Chunks, after.Speakers));
        Assert.Equal(Ids(hitsBefore).Order(), Ids(await KeywordAsync(store, "sanctions")).Order());
        Assert.Equal(ChunkCount, after.Chunks);
    }

    [Fact]
    public async Task A_new_version_replaces_the_old_chunks()
    {
        var store = await SeededStoreAsync();
        await store.UpsertDocumentAsync(DaNangV2.Document, DaNangV2.Chunks, "sig-1", Ct);

        Assert.DoesNotContain(await KeywordAsync(store, "fisheries hydropower"), h => h.Chunk.DocumentId == DaNang.Id);
        var hit = Assert.Single(await KeywordAsync(store, "shipbuilding"));
        Assert.Equal(DaNangV2[1], hit.Chunk);
        Assert.Equal(new StoredDocumentState("v2-danang", "sig-1"), await store.GetDocumentStateAsync(DaNang.Id, Ct));
        Assert.Equal(ChunkCount - DaNang.Chunks.Count + DaNangV2.Chunks.Count, (await store.GetStatisticsAsync(Ct)).Chunks);
        var byVector = await VectorAsync(store, Axis(7), NoFilter);
        Assert.Equal([DaNangV2[0].Id], byVector.Where(h => h.Chunk.DocumentId == DaNang.Id && h.Chunk.Ordinal == 0).Select(h => h.Chunk.Id));
        Assert.Equal(DaNangV2.Document.Text, (await store.GetDocumentAsync(DaNang.Id, Ct))!.Text);
    }

    [Fact]
    public async Task Re_chunking_the_same_version_leaves_only_the_new_chunks()
    {
        var store = await SeededStoreAsync();
        await store.UpsertDocumentAsync(DaNang.Document, DaNang.FirstChunks(2), "sig-2", Ct);

        Assert.Empty(await KeywordAsync(store, "fisheries", new ChunkFilter { DocumentIds = [DaNang.Id] }));
        Assert.Equal(ChunkCount - 2, (await store.GetStatisticsAsync(Ct)).Chunks);
        Assert.Equal(2, (await store.ListDocumentsAsync(Ct)).Single(d => d.Id == DaNang.Id).ChunkCount);
        Assert.Equal(new StoredDocumentState("v1-danang", "sig-2"), await store.GetDocumentStateAsync(DaNang.Id, Ct));
    }

    [Fact]
    public async Task Delete_removes_the_document_and_its_chunks()
    {
        var store = await SeededStoreAsync();
        Assert.True(await store.DeleteDocumentAsync(Briefing.Id, Ct));
        Assert.False(await store.DeleteDocumentAsync(Briefing.Id, Ct));

        Assert.Null(await store.GetDocumentAsync(Briefing.Id, Ct));
        Assert.Null(await store.GetDocumentStateAsync(Briefing.Id, Ct));
        Assert.DoesNotContain(await KeywordAsync(store, "bank hydropower incident"), h => h.Chunk.DocumentId == Briefing.Id);
        Assert.DoesNotContain(await VectorAsync(store, Axis(4), NoFilter), h => h.Chunk.DocumentId == Briefing.Id);
        var stats = await store.GetStatisticsAsync(Ct);
        Assert.Equal((4, ChunkCount - Briefing.Chunks.Count), (stats.Documents, stats.Chunks));
        Assert.DoesNotContain(await store.ListSpeakersAsync(Ct), s => s.Name == Zakharova);
    }

    [Fact]
    public async Task Deleting_an_unknown_document_returns_false()
    {
        var store = await SeededStoreAsync();
        Assert.False(await store.DeleteDocumentAsync("no-such-document", Ct));
        Assert.Equal(ChunkCount, (await store.GetStatisticsAsync(Ct)).Chunks);
    }

    [Fact]
    public async Task Filter_by_speaker()
    {
        var store = await SeededStoreAsync();
        var filter = new ChunkFilter { Speakers = [Zakharova] };
        Assert.Equal(Set(Briefing[0], Briefing[2]), Ids(await VectorAsync(store, Axis(0), filter)).ToHashSet());
        Assert.Equal(Set(Briefing[0]), Ids(await KeywordAsync(store, "bank sanctions", filter)).ToHashSet());
    }

    [Fact]
    public async Task Filter_by_role()
    {
        var store = await SeededStoreAsync();
        var filter = new ChunkFilter { Roles = [SpeakerRole.Question] };
        Assert.Equal(Set(DaNang[1], Briefing[1]), Ids(await VectorAsync(store, Axis(0), filter)).ToHashSet());
        Assert.Equal(Set(DaNang[1], NoVectors[1]), Ids(await KeywordAsync(store, "pandemic sanctions", filter)).ToHashSet());
    }

    [Fact]
    public async Task Filter_by_several_roles_and_speakers_and_documents_combined()
    {
        var store = await SeededStoreAsync();
        var filter = new ChunkFilter { Speakers = [Lavrov, "Moderator"], Roles = [SpeakerRole.Principal, SpeakerRole.Other], DocumentIds = [DaNang.Id, Undated.Id] };
        Assert.Equal(Set(DaNang[0], DaNang[2], DaNang[3], Undated[0]), Ids(await VectorAsync(store, Axis(0), filter)).ToHashSet());
    }

    [Fact]
    public async Task Filter_by_document_ids()
    {
        var store = await SeededStoreAsync();
        var filter = new ChunkFilter { DocumentIds = [GeneralDebate.Id, NoVectors.Id] };
        Assert.Equal(Set(GeneralDebate[0], GeneralDebate[1]), Ids(await VectorAsync(store, Axis(0), filter)).ToHashSet());
        Assert.Equal(Set(GeneralDebate[0], NoVectors[0], NoVectors[1]), Ids(await KeywordAsync(store, "sanctions pandemic", filter)).ToHashSet());
    }

    [Fact]
    public async Task Filter_by_date_range_matches_a_year_only_document_whose_year_overlaps()
    {
        var store = await SeededStoreAsync();
        // Undated chunks are left out here; whether a date range excludes them is the next test's subject.
        async Task<HashSet<Guid>> DatedVectorAsync(ChunkFilter filter) =>
            Ids(await VectorAsync(store, Axis(0), filter)).Where(id => id != Undated[0].Id).ToHashSet();

        var autumn2018 = new ChunkFilter { From = new DateOnly(2018, 6, 1), To = new DateOnly(2018, 12, 31) };
        Assert.Equal(Set(GeneralDebate[0], GeneralDebate[1]), await DatedVectorAsync(autumn2018));
        Assert.Equal(Set(GeneralDebate[0]), Ids(await KeywordAsync(store, "sanctions", autumn2018)).ToHashSet());

        var since2019 = new ChunkFilter { From = new DateOnly(2019, 1, 1) };
        Assert.Equal(Set(Briefing[0], Briefing[1], Briefing[2]), await DatedVectorAsync(since2019));
        Assert.Equal(Set(NoVectors[0], NoVectors[1]), Ids(await KeywordAsync(store, "pandemic sanctions", since2019)).ToHashSet());

        var until2017 = new ChunkFilter { To = new DateOnly(2017, 12, 31) };
        Assert.Equal(DaNang.Chunks.Select(c => c.Chunk.Id).ToHashSet(), await DatedVectorAsync(until2017));

        var exactDay = new ChunkFilter { From = new DateOnly(2017, 11, 10), To = new DateOnly(2017, 11, 10) };
        Assert.Equal(DaNang.Chunks.Select(c => c.Chunk.Id).ToHashSet(), await DatedVectorAsync(exactDay));
        var dayAfter = new ChunkFilter { From = new DateOnly(2017, 11, 11), To = new DateOnly(2017, 12, 31) };
        Assert.Empty(await DatedVectorAsync(dayAfter));
        Assert.Empty(await KeywordAsync(store, "sanctions hydropower pandemic", dayAfter));
    }

    [Fact]
    public async Task A_date_range_excludes_undated_documents_in_keyword_and_vector_search_alike()
    {
        var store = await SeededStoreAsync();
        var anyDate = new ChunkFilter { From = new DateOnly(1900, 1, 1) };
        Assert.DoesNotContain(Undated[0].Id, Ids(await KeywordAsync(store, "sanctions", anyDate)));
        Assert.DoesNotContain(Undated[0].Id, Ids(await VectorAsync(store, Axis(0), anyDate)));
    }

    [Fact]
    public async Task An_empty_restriction_matches_nothing()
    {
        var store = await SeededStoreAsync();
        Assert.Empty(await VectorAsync(store, Axis(0), new ChunkFilter { Speakers = [] }));
        Assert.Empty(await KeywordAsync(store, "sanctions", new ChunkFilter { Roles = [] }));
        Assert.Empty(await KeywordAsync(store, "sanctions", new ChunkFilter { DocumentIds = [] }));
        Assert.Empty(await KeywordAsync(store, "sanctions", new ChunkFilter { Speakers = ["Nobody"] }));
    }

    [Fact]
    public async Task The_chunk_with_the_rare_words_ranks_first_in_keyword_search()
    {
        var store = await SeededStoreAsync();
        var hits = await KeywordAsync(store, "Vietnam hydropower fisheries");
        Assert.Equal(DaNang[3], hits[0].Chunk);
        Assert.Contains(Briefing[1].Id, Ids(hits));
        Assert.Equal(Enumerable.Range(1, hits.Count).Select(i => (int?)i), hits.Select(h => h.LexicalRank));
        Assert.All(hits, h => Assert.Null(h.DenseRank));
        AssertScoresDescending(hits);
    }

    [Fact]
    public async Task A_word_in_the_chunk_outranks_the_same_word_in_its_question_context()
    {
        var store = await SeededStoreAsync();
        var hits = await KeywordAsync(store, "bank", new ChunkFilter { Roles = [SpeakerRole.Principal] });
        Assert.Equal([Briefing[0].Id, DaNang[2].Id], Ids(hits));
    }

    [Fact]
    public async Task Stop_words_alone_find_nothing()
    {
        var store = await SeededStoreAsync();
        Assert.Empty(await KeywordAsync(store, "the of and"));
    }

    [Fact]
    public async Task Chunks_without_vectors_are_found_by_keywords_only()
    {
        var store = await SeededStoreAsync();
        Assert.Equal(Set(NoVectors[0], NoVectors[1]), Ids(await KeywordAsync(store, "pandemic")).ToHashSet());
        Assert.DoesNotContain(await VectorAsync(store, Axis(0), NoFilter), h => h.Chunk.DocumentId == NoVectors.Id);
    }

    [Fact]
    public async Task Vector_search_ranks_by_cosine_similarity()
    {
        var store = await SeededStoreAsync();
        var hits = await VectorAsync(store, Axis(0), NoFilter);
        Assert.Equal([DaNang[2].Id, Undated[0].Id, GeneralDebate[0].Id], Ids(hits).Take(3));
        Assert.Equal(ChunkCount - NoVectors.Chunks.Count, hits.Count);
        Assert.Equal(Enumerable.Range(1, hits.Count).Select(i => (int?)i), hits.Select(h => h.DenseRank));
        Assert.All(hits, h => Assert.Null(h.LexicalRank));
        AssertScoresDescending(hits);

        var limited = await store.SearchAsync(new ChunkSearchRequest { Vector = Axis(3), Limit = 2 }, Ct);
        Assert.Equal([GeneralDebate[1].Id, Undated[0].Id], Ids(limited));
    }

    [Fact]
    public async Task Vector_hits_carry_their_cosine_similarity_and_keyword_hits_none()
    {
        var store = await SeededStoreAsync();
        var query = Mix((0, 1f), (3, 0.5f));
        var stored = All.SelectMany(d => d.Chunks).Where(c => c.Vector is not null).ToDictionary(c => c.Chunk.Id, c => c.Vector!.Value);
        var hits = await VectorAsync(store, query, NoFilter);
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            double cosine = System.Numerics.Tensors.TensorPrimitives.Dot(stored[hit.Chunk.Id].Span, query);
            Assert.NotNull(hit.VectorSimilarity);
            Assert.InRange(hit.VectorSimilarity!.Value, cosine - 0.02, cosine + 0.02); // compressed vectors may round
        }

        var keywords = await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Limit = 5 }, Ct);
        Assert.NotEmpty(keywords);
        Assert.All(keywords, h => Assert.Null(h.VectorSimilarity));
    }

    [Fact]
    public async Task Hybrid_search_puts_first_the_chunk_both_rankings_put_first()
    {
        var store = await SeededStoreAsync();
        var hits = await store.SearchAsync(new ChunkSearchRequest { Text = "Vietnam hydropower fisheries", Vector = Axis(1), Limit = 5 }, Ct);
        Assert.Equal(DaNang[3], hits[0].Chunk);
        Assert.Equal(DocumentInfo.From(DaNang.Document), hits[0].Document);
        AssertScoresDescending(hits);
    }

    [Fact]
    public async Task Hybrid_search_fuses_keyword_only_and_vector_only_matches()
    {
        var store = await SeededStoreAsync();
        // "pandemic diplomacy" matches only the chunks stored without vectors; the vector matches Da Nang's Vietnam remark.
        var hits = await store.SearchAsync(new ChunkSearchRequest { Text = "pandemic diplomacy", Vector = Axis(1), Limit = 3 }, Ct);
        var top2 = Ids(hits).Take(2).ToHashSet();
        Assert.Contains(DaNang[3].Id, top2);
        Assert.Single(top2, id => id == NoVectors[0].Id || id == NoVectors[1].Id);
        Assert.Equal(3, hits.Count);
        AssertScoresDescending(hits);
    }

    [Fact]
    public async Task Hybrid_search_honours_the_filter_in_both_rankings()
    {
        var store = await SeededStoreAsync();
        var filter = new ChunkFilter { DocumentIds = [Briefing.Id] };
        var hits = await store.SearchAsync(new ChunkSearchRequest { Text = "Vietnam hydropower", Vector = Axis(1), Filter = filter, Limit = 10 }, Ct);
        Assert.All(hits, h => Assert.Equal(Briefing.Id, h.Chunk.DocumentId));
        Assert.Equal(Briefing[1].Id, hits[0].Chunk.Id);
    }

    [Fact]
    public async Task Limit_and_candidates_bound_the_results()
    {
        var store = await SeededStoreAsync();
        Assert.Equal(2, (await store.SearchAsync(new ChunkSearchRequest { Text = "sanctions", Vector = Axis(0), Limit = 2 }, Ct)).Count);
        Assert.Equal(3, (await store.SearchAsync(new ChunkSearchRequest { Vector = Axis(0), Limit = 10, CandidatesPerRanking = 3 }, Ct)).Count);
        Assert.Empty(await store.SearchAsync(new ChunkSearchRequest(), Ct));
    }

    [Fact]
    public async Task Search_hits_carry_the_chunk_and_its_document_citation_fields()
    {
        var store = await SeededStoreAsync();
        foreach (var doc in All)
        {
            foreach (var (chunk, _) in doc.Chunks)
            {
                var hits = await KeywordAsync(store, chunk.Text, new ChunkFilter { DocumentIds = [doc.Id] });
                var hit = Assert.Single(hits, h => h.Chunk.Id == chunk.Id);
                Assert.Equal(chunk, hit.Chunk);
                Assert.Equal(DocumentInfo.From(doc.Document), hit.Document);
                Assert.Equal(doc.Document.Text[chunk.Start..chunk.End], hit.Chunk.Text);
            }
        }
    }

    [Fact]
    public async Task GetDocument_returns_the_text_and_turns_as_stored()
    {
        var store = await SeededStoreAsync();
        foreach (var expected in All.Select(d => d.Document))
        {
            var actual = await store.GetDocumentAsync(expected.Id, Ct);
            Assert.NotNull(actual);
            Assert.Equal(expected.Text, actual.Text);
            Assert.Equal(expected.Turns, actual.Turns);
            Assert.Equal(
                (expected.Title, expected.Date, expected.Year, expected.Place, expected.Url, expected.Source, expected.Format, expected.TextOffset, expected.ContentHash),
                (actual.Title, actual.Date, actual.Year, actual.Place, actual.Url, actual.Source, actual.Format, actual.TextOffset, actual.ContentHash));
            Assert.Equal(expected.DateFrom, actual.DateFrom);
        }

        Assert.Null(await store.GetDocumentAsync("no-such-document", Ct));
    }

    [Fact]
    public async Task GetDocumentState_returns_version_and_signature()
    {
        var store = await SeededStoreAsync();
        Assert.Equal(new StoredDocumentState("v1-ungd", "sig-1"), await store.GetDocumentStateAsync(GeneralDebate.Id, Ct));
        Assert.Null(await store.GetDocumentStateAsync("no-such-document", Ct));
    }

    [Fact]
    public async Task ListDocuments_lists_every_document_newest_first()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var store = await SeededStoreAsync();
        var documents = await store.ListDocumentsAsync(Ct);
        Assert.Equal(All.Select(d => d.Id).Order(), documents.Select(d => d.Id).Order());
        Assert.Equal([NoVectors.Id, Briefing.Id, GeneralDebate.Id, DaNang.Id], documents.Where(d => d.DateText is not null).Select(d => d.Id));
        foreach (var summary in documents)
        {
            var expected = All.Single(d => d.Id == summary.Id);
            Assert.Equal(DocumentInfo.From(expected.Document), new DocumentInfo
            {
                Id = summary.Id, Title = summary.Title, Date = summary.Date, Year = summary.Year, Place = summary.Place, Url = summary.Url, Source = summary.Source, Format = summary.Format,
            });
            Assert.Equal((expected.Document.Turns.Count, expected.Chunks.Count), (summary.TurnCount, summary.ChunkCount));
            Assert.InRange(summary.IngestedAt, started, DateTimeOffset.UtcNow.AddSeconds(1));
        }
    }

    [Fact]
    public async Task Statistics_count_documents_chunks_speakers_and_span()
    {
        var store = await SeededStoreAsync();
        var stats = await store.GetStatisticsAsync(Ct);
        Assert.Equal(5, stats.Documents);
        Assert.Equal(ChunkCount, stats.Chunks);
        Assert.Equal(4, stats.Speakers);
        Assert.Equal(new DateOnly(2017, 11, 10), stats.From);
        Assert.Equal(new DateOnly(2020, 6, 1), stats.To);
        Assert.Equal(Dimensions, stats.VectorDimensions);
        Assert.True(stats.SizeBytes is null or > 0);
    }

    [Fact]
    public async Task Statistics_of_an_empty_store()
    {
        var store = await CreateStoreAsync();
        var stats = await store.GetStatisticsAsync(Ct);
        Assert.Equal((0, 0, 0, (DateOnly?)null, (DateOnly?)null, (int?)null), (stats.Documents, stats.Chunks, stats.Speakers, stats.From, stats.To, stats.VectorDimensions));
        Assert.Empty(await store.ListDocumentsAsync(Ct));
        Assert.Empty(await store.ListSpeakersAsync(Ct));
        Assert.Empty(await KeywordAsync(store, "sanctions"));
    }

    [Fact]
    public async Task Speakers_are_listed_with_role_and_counts()
    {
        var store = await SeededStoreAsync();
        var speakers = await store.ListSpeakersAsync(Ct);
        Assert.Equal(
            new HashSet<SpeakerSummary>
            {
                new(Lavrov, SpeakerRole.Principal, 6, 4) { Posts = [new SpeakerPost("Minister of Foreign Affairs", "doc-danang")] },
                new("Question", SpeakerRole.Question, 3, 3),
                new(Zakharova, SpeakerRole.Principal, 2, 1) { Posts = [new SpeakerPost("Spokeswoman", "doc-briefing-2019")] },
                new("Moderator", SpeakerRole.Other, 1, 1),
            },
            speakers.ToHashSet());
        Assert.Equal(Lavrov, speakers[0].Name);
    }

    [Fact]
    public async Task Speakers_are_listed_with_the_posts_their_turns_carry_and_a_document_giving_each()
    {
        var store = await CreateStoreAsync();
        var call = new TestDocument("ipef-call", "On-the-Record Press Call", new DateOnly(2022, 5, 23), null, "Tokyo", "briefing-markdown", "v1",
        [
            new TurnSpec("Moderator", "MODERATOR", SpeakerRole.Other, "Joining us is U.S. Trade Representative Katherine Tai.", null),
            new TurnSpec("Katherine Tai", "AMBASSADOR TAI", SpeakerRole.Principal, "The framework is about supply chains.", null, Post: "U.S. Trade Representative"),
            new TurnSpec("Katherine Tai", "AMBASSADOR TAI", SpeakerRole.Principal, "Tariffs are not on the table.", null, Post: "U.S. Trade Representative"),
        ]);
        var briefing = new TestDocument("briefing", "Press Briefing", new DateOnly(2022, 6, 1), null, "Washington", "briefing-markdown", "v1",
        [
            new TurnSpec("Katherine Tai", "AMBASSADOR TAI", SpeakerRole.Principal, "We talked to our partners.", null, Post: "Ambassador to the WTO"),
            new TurnSpec("Katherine Tai", "AMBASSADOR TAI", SpeakerRole.Principal, "And to Congress.", null, Post: "U.S. Trade Representative"),
            new TurnSpec("Question", "Q", SpeakerRole.Question, "What about tariffs?", null, Post: "Reporter"),
        ]);
        foreach (var doc in new[] { call, briefing }) await store.UpsertDocumentAsync(doc.Document, doc.Chunks, "sig-1", Ct);

        var tai = Assert.Single(await store.ListSpeakersAsync(Ct), s => s.Name == "Katherine Tai");
        Assert.Equal((4, 2), (tai.Chunks, tai.Documents));
        // Each post once, with the first document (by id) whose turns give it, in the posts' order.
        Assert.Equal([new SpeakerPost("Ambassador to the WTO", "briefing"), new SpeakerPost("U.S. Trade Representative", "briefing")], tai.Posts);
        Assert.Equal([new SpeakerPost("Reporter", "briefing")], Assert.Single(await store.ListSpeakersAsync(Ct), s => s.Role == SpeakerRole.Question).Posts);

        await store.DeleteDocumentAsync("briefing", Ct);
        Assert.Equal([new SpeakerPost("U.S. Trade Representative", "ipef-call")], Assert.Single(await store.ListSpeakersAsync(Ct), s => s.Name == "Katherine Tai").Posts);
    }

    /// <summary>A store holding the whole corpus, each document with signature "sig-1".</summary>
    protected async Task<ITranscriptStore> SeededStoreAsync()
    {
        var store = await CreateStoreAsync();
        foreach (var doc in All) await store.UpsertDocumentAsync(doc.Document, doc.Chunks, "sig-1", Ct);
        return store;
    }

    private static Task<IReadOnlyList<ChunkHit>> KeywordAsync(ITranscriptStore store, string text, ChunkFilter? filter = null) =>
        store.SearchAsync(new ChunkSearchRequest { Text = text, Filter = filter ?? NoFilter, Limit = 50 }, Ct);

    private static Task<IReadOnlyList<ChunkHit>> VectorAsync(ITranscriptStore store, float[] vector, ChunkFilter filter) =>
        store.SearchAsync(new ChunkSearchRequest { Vector = vector, Filter = filter, Limit = 50 }, Ct);

    private static List<Guid> Ids(IEnumerable<ChunkHit> hits) => hits.Select(h => h.Chunk.Id).ToList();

    private static HashSet<Guid> Set(params Chunk[] chunks) => chunks.Select(c => c.Id).ToHashSet();

    private static void AssertScoresDescending(IReadOnlyList<ChunkHit> hits)
    {
        for (int i = 1; i < hits.Count; i++) Assert.True(hits[i - 1].Score >= hits[i].Score, $"score {i} ({hits[i].Score}) exceeds score {i - 1} ({hits[i - 1].Score})");
    }
}
