using ChatBot.Answering;
using ChatBot.Api.Contracts;
using ChatBot.Hosting;
using ChatBot.Model;
using ChatBot.Retrieval;
using ChatBot.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Web;

/// <summary><c>GET /</c>: the search box with filters; quote cards, or with <c>mode=ask</c> the answer with its numbered quotes.</summary>
internal static class SearchPage
{
    private static readonly SpeakerRole[] s_withQuestions = [SpeakerRole.Principal, SpeakerRole.Question];

    /// <summary>Speakers offered in the filter, those with the most passages first (a large corpus has thousands; any name can still be typed in the query).</summary>
    private const int MaxSpeakersListed = 200;

    /// <summary>Result counts offered in the form.</summary>
    private static readonly int[] s_limits = [5, 10, 20, SearchQuery.MaxLimit];

    public static async Task<IResult> HandleAsync(
        HttpContext http, ISearchService search, IAnswerService answers, ITranscriptStore store, IOptions<ChatBotOptions> options, ILoggerFactory loggers, CancellationToken ct)
    {
        var form = new Form(http.Request.Query);
        var body = new Html();
        body.Add($"<h1>Find what was said</h1>");
        await RenderFormAsync(body, form, store, ct);

        if (!string.IsNullOrWhiteSpace(form.Query))
        {
            try
            {
                if (form.Ask) await RenderAnswerAsync(body, form, answers, http, ct);
                else await RenderResultsAsync(body, form, search, options.Value.Search.DefaultLimit, http, ct);
            }
            catch (ArgumentException e)
            {
                body.Add($"""<p class="error" role="alert">{e.Message}</p>""");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WebLog.PageFailed(loggers.CreateLogger("ChatBot.Web"), e, http.Request.Path);
                body.Add($"""<p class="error" role="alert">The search could not be completed because of an error on the server. Please try again; if it keeps happening, the server log says why.</p>""");
            }
        }

        return WebPages.Page(http, PageLayout.Render(string.IsNullOrWhiteSpace(form.Query) ? "Search" : form.Query!, "Search", body));
    }

    private static async Task RenderFormAsync(Html html, Form form, ITranscriptStore store, CancellationToken ct)
    {
        var speakers = (await store.ListSpeakersAsync(ct))
            .Where(s => s.Role != SpeakerRole.Question)
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Chunks: g.Sum(s => s.Chunks)))
            .OrderByDescending(s => s.Chunks).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Where((s, i) => i < MaxSpeakersListed || s.Name == form.Speaker)
            .ToList();
        var sources = (await store.ListDocumentsAsync(ct))
            .Select(d => Path.GetFileName(Path.GetDirectoryName(d.Source.Replace('\\', '/')) ?? ""))
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        html.Add($"""
            <form class="search" method="get" action="/" role="search">
            <div><label for="q">Question or keywords</label>
            <input type="search" id="q" name="q" value="{form.Query}" placeholder="What did Lavrov say about North Korea?" maxlength="{SearchQuery.MaxQueryLength}" required></div>
            <div class="row">
            <div><label for="speaker">Speaker</label><select id="speaker" name="speaker"><option value="">Anyone</option>
            """);
        foreach (var (name, _) in speakers)
            html.Add($"""<option{(name == form.Speaker ? new Markup(" selected") : default)}>{name}</option>""");
        html.Add($"""
            </select></div>
            <div><label for="from">From</label><input type="text" id="from" name="from" value="{form.From}" inputmode="numeric" placeholder="YYYY or YYYY-MM-DD"></div>
            <div><label for="to">To</label><input type="text" id="to" name="to" value="{form.To}" inputmode="numeric" placeholder="YYYY or YYYY-MM-DD"></div>
            </div>
            <div class="row">
            <div><label for="source">Source (part of the file path)</label><input type="text" id="source" name="source" value="{form.Source}" list="sources"><datalist id="sources">
            """);
        foreach (var s in sources) html.Add($"""<option value="{s}">""");
        html.Add($"""</datalist></div><div><label for="limit">Quotes</label><select id="limit" name="limit"><option value="">Usual number</option>""");
        foreach (int n in s_limits.Concat(form.Limit is int chosen ? [chosen] : []).Distinct().Order())
            html.Add($"""<option{(n == form.Limit ? new Markup(" selected") : default)}>{n}</option>""");
        html.Add($"""
            </select></div></div>
            <label class="check"><input type="checkbox" id="questions" name="questions" value="1"{(form.IncludeQuestions ? new Markup(" checked") : default)}> Include journalists' questions</label>
            <div class="buttons"><button type="submit" name="mode" value="search">Search</button><button type="submit" name="mode" value="ask" class="secondary">Ask (answer with numbered quotes)</button></div>
            </form>
            """);
    }

    private static async Task RenderResultsAsync(Html html, Form form, ISearchService search, int defaultLimit, HttpContext http, CancellationToken ct)
    {
        DateOnly? from, to;
        try
        {
            from = DateBounds.Parse(form.From, upper: false);
            to = DateBounds.Parse(form.To, upper: true);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        var response = await search.SearchAsync(new SearchQuery
        {
            Query = form.Query!,
            Limit = form.Limit ?? defaultLimit,
            Speaker = form.Speaker,
            From = from,
            To = to,
            Source = form.Source,
            Roles = form.IncludeQuestions ? s_withQuestions : null,
        }, ct);
        var i = response.Interpretation;
        html.Add($"""<section aria-labelledby="results"><h2 id="results">""");
        html.Add($"{response.Results.Count} {(response.Results.Count == 1 ? "quote" : "quotes")} on “{i.DisplayTopic}”</h2>");
        html.Add($"""<p class="note">Searched for “{i.Topic}”""");
        if (i.Speakers is { Count: > 0 } names) html.Add($" said by {string.Join(", ", names)}");
        if (i.From is { } f) html.Add($" from {f:yyyy-MM-dd}");
        if (i.To is { } t) html.Add($" to {t:yyyy-MM-dd}");
        html.Add($""". <a href="{TimelinePage.Link(form.Query!, form.Speaker, form.From, form.To)}">When was this said? See the timeline</a>.</p>""");
        if (response.Results.Count == 0)
            html.Add($"<p>No statement matches “{i.DisplayTopic}” with these filters. Try fewer words, another speaker or a wider date range.</p>");
        html.Add($"""<ol class="quotes">""");
        int n = 0;
        foreach (var q in response.Results)
        {
            html.Add($"<li>");
            QuoteCard.Render(html, q, null, WebPages.Origin(http), $"r{++n}");
            html.Add($"</li>");
        }

        html.Add($"</ol></section>");
    }

    private static async Task RenderAnswerAsync(Html html, Form form, IAnswerService answers, HttpContext http, CancellationToken ct)
    {
        var answer = await answers.AskAsync(form.Query!, null, new AskOptions { Limit = form.Limit is int n ? Math.Min(n, 10) : null }, ct);
        html.Add($"""<section class="answer" aria-labelledby="answer"><h2 id="answer">Answer</h2>""");
        if (answer.Mode == AnswerMode.Llm) html.Add($"<p>{answer.Text}</p>");
        else html.Add($"<p>{answer.Lead}</p>");
        if (answer.Notice is { } notice) html.Add($"""<p class="note">{notice}</p>""");
        if (form.Speaker is not null || form.From is not null || form.To is not null || form.Source is not null)
            html.Add($"""<p class="note">An answer reads the speaker and dates from the question itself; the filters above apply to Search.</p>""");
        html.Add($"</section>");
        if (answer.Quotes.Count == 0) return;
        html.Add($"""<ol class="quotes">""");
        for (int k = 0; k < answer.Quotes.Count; k++)
        {
            html.Add($"<li>");
            QuoteCard.Render(html, answer.Quotes[k], k + 1, WebPages.Origin(http), $"q{k + 1}");
            html.Add($"</li>");
        }

        html.Add($"</ol>");
    }

    /// <summary>The form's fields as sent.</summary>
    private sealed class Form(IQueryCollection query)
    {
        public string? Query { get; } = Value(query, "q");
        public string? Speaker { get; } = Value(query, "speaker");
        public string? From { get; } = Value(query, "from");
        public string? To { get; } = Value(query, "to");
        public string? Source { get; } = Value(query, "source");
        public bool IncludeQuestions { get; } = Value(query, "questions") is not null;
        public bool Ask { get; } = Value(query, "mode") == "ask";
        public int? Limit { get; } = int.TryParse(Value(query, "limit"), out int n) ? Math.Clamp(n, 1, SearchQuery.MaxLimit) : null;

        private static string? Value(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
    }
}
