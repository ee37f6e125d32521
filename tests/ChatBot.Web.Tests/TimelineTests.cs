using System.Globalization;
using System.Text.Json;
using ChatBot.Retrieval;
using ChatBot.Storage;
using ChatBot.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Web.Tests;

/// <summary>The timeline's counts against the searches they come from, over the real store of the web host.</summary>
public sealed class TimelineTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_year_counts_the_speaker_turns_a_keyword_search_of_that_year_finds()
    {
        var timeline = await web.GetJsonAsync("/api/timeline?topic=nuclear&speaker=Lavrov");
        Assert.True(timeline.GetProperty("complete").GetBoolean());
        int total = 0;
        foreach (var bucket in timeline.GetProperty("buckets").EnumerateArray())
        {
            var year = bucket.GetProperty("period").GetString()!;
            var search = await web.PostJsonAsync("/api/search", new { query = "nuclear", speaker = "Lavrov", from = year, to = year, limit = SearchQuery.MaxLimit });
            var turns = search.GetProperty("results").EnumerateArray()
                .Select(r => (r.GetProperty("document").GetProperty("id").GetString(), r.GetProperty("turn_index").GetInt32())).Distinct().Count();
            Assert.Equal(turns, bucket.GetProperty("count").GetInt32());
            total += turns;
        }

        Assert.Equal(total, timeline.GetProperty("total").GetInt32());
        Assert.True(total > 10);
        // The first and the latest quote are verbatim, use the topic's word, and are the earliest and latest dated.
        var first = timeline.GetProperty("first");
        var latest = timeline.GetProperty("latest");
        Assert.Contains("nuclear", first.GetProperty("quote").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(timeline.GetProperty("buckets")[0].GetProperty("period").GetString(), first.GetProperty("document").GetProperty("date").GetString()![..4]);
        Assert.Equal(timeline.GetProperty("buckets").EnumerateArray().Last().GetProperty("period").GetString(), latest.GetProperty("document").GetProperty("date").GetString()![..4]);
        foreach (var quote in new[] { first, latest })
        {
            var document = await web.GetJsonAsync("/api/documents/" + quote.GetProperty("document").GetProperty("id").GetString());
            Assert.Equal(quote.GetProperty("quote").GetString(), document.GetProperty("text").GetString()![quote.GetProperty("start").GetInt32()..quote.GetProperty("end").GetInt32()]);
        }
    }

    [Fact]
    public async Task When_one_search_is_full_the_years_are_searched_one_by_one_and_full_years_are_marked_as_lower_bounds()
    {
        var search = web.Services.GetRequiredService<ISearchService>();
        var store = web.Services.GetRequiredService<ITranscriptStore>();
        var request = new TimelineRequest { Topic = "nuclear", Speaker = "Lavrov" };
        var whole = await new TimelineService(search, store).GetAsync(request, Ct);
        const int cap = 2;
        var split = await new TimelineService(search, store, new TimelineOptions { QuotesPerSearch = cap }).GetAsync(request, Ct);

        Assert.False(split.Complete);
        Assert.Equal(whole.Buckets.Select(b => b.Period), split.Buckets.Select(b => b.Period));
        foreach (var (exact, capped) in whole.Buckets.Zip(split.Buckets))
        {
            Assert.Equal(Math.Min(exact.Count, cap), capped.Count);
            Assert.Equal(exact.Count >= cap, capped.Capped);
        }

        Assert.Equal(whole.First!.Document.Id, split.First!.Document.Id);
        Assert.Equal(whole.Latest!.Document.Id, split.Latest!.Document.Id);
    }

    [Fact]
    public async Task A_short_span_is_counted_per_month()
    {
        var timeline = await web.GetJsonAsync("/api/timeline?topic=Trump&source=samples");
        Assert.Equal("month", timeline.GetProperty("granularity").GetString());
        var buckets = timeline.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal("2016-11", buckets[0].GetProperty("period").GetString());
        Assert.Equal("2017-11", buckets[^1].GetProperty("period").GetString());
        Assert.Equal(13, buckets.Count); // empty months included
        Assert.All(buckets[1..^1], b => Assert.Equal(0, b.GetProperty("count").GetInt32()));
        Assert.Equal(DateOnly.Parse("2017-11-30", CultureInfo.InvariantCulture), buckets[^1].GetProperty("to").Deserialize<DateOnly>());
    }
}
