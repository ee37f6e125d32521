using ChatBot.Api;
using ChatBot.Timeline;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatBot.Web;

/// <summary><c>GET /timeline?topic=&amp;speaker=&amp;from=&amp;to=</c>: statements per year or month as a chart and a table, the first and latest quote.</summary>
internal static class TimelinePage
{
    /// <summary>The timeline page for a topic.</summary>
    public static string Link(string topic, string? speaker, string? from, string? to) =>
        QueryHelpers.AddQueryString("/timeline", Query(("topic", topic), ("speaker", speaker), ("from", from), ("to", to)));

    public static async Task<IResult> HandleAsync(HttpContext http, ITimelineService timelines, ILoggerFactory loggers, CancellationToken ct)
    {
        string? Value(string name) => http.Request.Query[name].ToString() is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string? topic = Value("topic"), speaker = Value("speaker"), from = Value("from"), to = Value("to");
        var body = new Html();
        body.Add($"""
            <h1>When was it said?</h1>
            <form class="search" method="get" action="/timeline">
            <div><label for="topic">Topic</label><input type="search" id="topic" name="topic" value="{topic}" placeholder="sanctions" required></div>
            <div class="row">
            <div><label for="speaker">Speaker (optional)</label><input type="text" id="speaker" name="speaker" value="{speaker}" placeholder="Lavrov"></div>
            <div><label for="from">From</label><input type="text" id="from" name="from" value="{from}" inputmode="numeric" placeholder="YYYY"></div>
            <div><label for="to">To</label><input type="text" id="to" name="to" value="{to}" inputmode="numeric" placeholder="YYYY"></div>
            </div>
            <div class="buttons"><button type="submit">Show timeline</button></div>
            </form>
            """);
        if (topic is not null)
        {
            try
            {
                var timeline = await timelines.GetAsync(TimelineApi.ToRequest(topic, speaker, from, to, null), ct);
                Render(body, timeline, topic, speaker, WebPages.Origin(http));
            }
            catch (ArgumentException e)
            {
                body.Add($"""<p class="error" role="alert">{e.Message}</p>""");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WebLog.PageFailed(loggers.CreateLogger("ChatBot.Web"), e, http.Request.Path);
                body.Add($"""<p class="error" role="alert">The timeline could not be built because of an error on the server. Please try again; if it keeps happening, the server log says why.</p>""");
            }
        }

        return WebPages.Page(http, PageLayout.Render(topic is null ? "Timeline" : $"Timeline: {topic}", "Timeline", body));
    }

    private static void Render(Html html, Timeline.Timeline timeline, string topic, string? speaker, string origin)
    {
        html.Add($"""<section aria-labelledby="result"><h2 id="result">“{timeline.Topic}”""");
        if (timeline.Speakers is { Count: > 0 } names) html.Add($" by {string.Join(", ", names)}");
        html.Add($": {timeline.Total} {(timeline.Total == 1 ? "statement" : "statements")}</h2>");
        if (timeline.Buckets.Count == 0)
        {
            html.Add($"<p>No statement uses the words of “{timeline.Topic}”. Try another word or a wider date range.</p></section>");
            return;
        }

        html.Add($"""<p class="note">A statement is one speaker's turn that uses the topic's words, counted once. Select a bar or a row for its quotes.</p>""");
        if (!timeline.Complete) html.Add($"""<p class="note">Counts marked + are at least that many: the period holds more matches than one search returns.</p>""");
        string Link(TimelineBucket b) => QueryHelpers.AddQueryString("/", Query(("q", topic), ("speaker", speaker), ("from", b.Period), ("to", b.Period), ("limit", Math.Clamp(b.Count, 5, Retrieval.SearchQuery.MaxLimit).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        TimelineChart.Render(html, timeline, Link);
        string unit = timeline.Granularity == TimelineGranularity.Month ? "Month" : "Year";
        html.Add($"""<table class="counts" id="counts"><caption class="visually-hidden">Statements per {unit.ToLowerInvariant()}</caption><thead><tr><th scope="col">{unit}</th><th scope="col">Statements</th></tr></thead><tbody>""");
        foreach (var b in timeline.Buckets)
        {
            html.Add($"""<tr data-period="{b.Period}" data-count="{b.Count}"><th scope="row">""");
            if (b.Count > 0) html.Add($"""<a href="{Link(b)}">{b.Period}</a>""");
            else html.Add($"{b.Period}");
            html.Add($"""</th><td class="num">{b.Count}{(b.Capped ? "+" : "")}</td></tr>""");
        }

        html.Add($"</tbody></table>");
        if (timeline.First is { } first)
        {
            html.Add($"<h2>First said</h2>");
            QuoteCard.Render(html, first, null, origin, "first");
        }

        if (timeline.Latest is { } latest && !ReferenceEquals(latest, timeline.First))
        {
            html.Add($"<h2>Most recently said</h2>");
            QuoteCard.Render(html, latest, null, origin, "latest");
        }

        html.Add($"</section>");
    }

    private static Dictionary<string, string?> Query(params (string Name, string? Value)[] pairs) =>
        pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Name, p => p.Value);
}
