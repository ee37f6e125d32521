using System.Text.Json;
using Microsoft.Playwright;

namespace ChatBot.Web.Tests;

/// <summary>The search, answer, transcript and timeline pages in a real browser against the real host.</summary>
public sealed partial class PageTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> CardQuotesAsync(IPage page) =>
        (await page.Locator("article.card blockquote").AllTextContentsAsync()).Select(t => t.Trim().Trim('“', '”')).ToList();

    [Fact]
    public async Task Search_box_shows_the_same_quotes_as_the_API_as_cards()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#q", "North Korea");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("article.card");
        await WebFixture.ScreenshotAsync(page, "search");

        var api = await web.PostJsonAsync("/api/search", new { query = "North Korea" });
        var expected = api.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("quote").GetString()!).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await CardQuotesAsync(page));
        var first = page.Locator("article.card").First;
        var top = api.GetProperty("results")[0];
        Assert.Contains(top.GetProperty("speaker").GetString()!, await first.Locator(".who").InnerTextAsync());
        var where = await first.Locator(".where").InnerTextAsync();
        Assert.Contains(top.GetProperty("citation").GetProperty("event").GetString()!, where);
        Assert.DoesNotContain(top.GetProperty("speaker").GetString()!, where, StringComparison.Ordinal); // the event does not repeat the speaker
        Assert.Equal(top.GetProperty("document").GetProperty("date").GetString(), await first.Locator("time").GetAttributeAsync("datetime"));
        // The journalist's question is collapsed and labelled as such.
        var withQuestion = api.GetProperty("results").EnumerateArray().Select((r, i) => (r, i)).First(x => x.r.GetProperty("question").ValueKind == JsonValueKind.String).i;
        var question = page.Locator("article.card").Nth(withQuestion).Locator("details");
        Assert.Equal("Journalist's question", (await question.Locator("summary").InnerTextAsync()).Trim());
        Assert.Null(await question.GetAttributeAsync("open"));
        Assert.False(await question.Locator("p").IsVisibleAsync());
    }

    [Fact]
    public async Task Filters_restrict_the_results_by_date_and_add_journalists_questions()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#q", "Trump");
        await page.FillAsync("#from", "2016");
        await page.FillAsync("#to", "2016");
        await page.ClickAsync("button[value=search]");
        await page.WaitForSelectorAsync("article.card");
        var dates = await page.Locator("article.card time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.StartsWith("2016", d));
        var api = await web.PostJsonAsync("/api/search", new { query = "Trump", from = "2016", to = "2016" });
        Assert.Equal(api.GetProperty("results").GetArrayLength(), await page.Locator("article.card").CountAsync());
        Assert.Equal(0, await page.Locator("article.card .role").CountAsync());

        await page.CheckAsync("#questions");
        await page.ClickAsync("button[value=search]");
        await page.WaitForSelectorAsync("article.card");
        Assert.Contains("questions=1", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#questions").IsCheckedAsync());
        var withQuestions = await web.PostJsonAsync("/api/search", new { query = "Trump", from = "2016", to = "2016", roles = new[] { "principal", "question" } });
        int journalists = withQuestions.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("role").GetString() == "question");
        Assert.True(journalists > 0);
        Assert.Equal(journalists, await page.Locator("article.card .role", new() { HasText = "journalist's question" }).CountAsync());
    }

    [Fact]
    public async Task A_quote_relaying_someone_elses_words_says_so_on_its_card_and_no_other_card_does()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/?q=war+with+North+Korea&source=samples");
        var api = await web.PostJsonAsync("/api/search", new { query = "war with North Korea", source = "samples" });
        var results = api.GetProperty("results").EnumerateArray().ToList();
        var cards = page.Locator("article.card");
        Assert.Equal(results.Count, await cards.CountAsync());
        Assert.Contains(results, r => r.GetProperty("relayed").GetArrayLength() > 0);
        for (int i = 0; i < results.Count; i++)
        {
            var note = cards.Nth(i).Locator("p.relayed");
            if (results[i].GetProperty("relayed").GetArrayLength() == 0)
            {
                Assert.Equal(0, await note.CountAsync());
                continue;
            }

            // Mattis's words ("He said that ...") relayed by Lavrov: the note says they are not the speaker's own.
            var text = (await note.TextContentAsync())!;
            Assert.StartsWith("Relays ", text, StringComparison.Ordinal);
            Assert.Contains("not Sergey Lavrov's own", text, StringComparison.Ordinal);
            Assert.Equal("note", await note.GetAttributeAsync("role"));
        }

        await WebFixture.ScreenshotAsync(page, "relayed");
    }

    [Fact]
    public async Task Open_in_transcript_highlights_exactly_the_quote_and_scrolls_to_it()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/?q=war+with+North+Korea&source=samples");
        var card = page.Locator("article.card").First;
        var quote = (await card.Locator("blockquote").TextContentAsync())!.Trim().Trim('“', '”');
        await card.GetByRole(AriaRole.Link, new() { Name = "Open in transcript" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/**");
        var mark = page.Locator("mark#quote");
        Assert.Equal(1, await mark.CountAsync());
        var marked = await mark.EvaluateAsync<string>("m => m.textContent");
        Assert.Equal(quote, marked);

        var url = new Uri(page.Url);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        int start = int.Parse(query["start"]!, System.Globalization.CultureInfo.InvariantCulture), end = int.Parse(query["end"]!, System.Globalization.CultureInfo.InvariantCulture);
        var document = await web.GetJsonAsync("/api/documents/" + url.AbsolutePath.Split('/')[^1]);
        Assert.Equal(document.GetProperty("text").GetString()![start..end], marked);

        // Scrolled into view, with the turn styled as an official's answer.
        var box = await mark.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Y, 0, 900);
        Assert.Contains("principal", await mark.EvaluateAsync<string>("m => m.closest('section').className"));
        Assert.True(await page.Locator("section.turn.question").CountAsync() > 0);
        await WebFixture.ScreenshotAsync(page, "transcript");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebFixture.ScreenshotFolder, "transcript-viewport.png") });
    }

    [Fact]
    public async Task A_transcript_from_a_web_page_links_to_the_passage_on_the_original_page_and_styles_the_moderator_apart()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/?q=Xi+Jinping+call&source=2022-03");
        var card = page.Locator("article.card").First;
        var quote = (await card.Locator("blockquote").TextContentAsync())!.Trim().Trim('“', '”');
        var source = await card.GetByRole(AriaRole.Link, new() { Name = "Source" }).GetAttributeAsync("href");
        Assert.StartsWith("https://bidenwhitehouse.archives.gov/briefing-room/", source, StringComparison.Ordinal);
        await card.GetByRole(AriaRole.Link, new() { Name = "Open in transcript" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/**");
        Assert.Equal(quote, await page.Locator("mark#quote").TextContentAsync());

        var fragment = await page.GetByRole(AriaRole.Link, new() { Name = "This passage on the original page" }).GetAttributeAsync("href");
        Assert.StartsWith(source + "#:~:text=", fragment, StringComparison.Ordinal);
        var directive = fragment![(source!.Length + "#:~:text=".Length)..];
        var words = string.Join(' ', quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var parts = directive.Split(',').Select(Uri.UnescapeDataString).ToList();
        Assert.StartsWith(parts[0], words, StringComparison.Ordinal);
        Assert.EndsWith(parts[^1], words, StringComparison.Ordinal);
        Assert.DoesNotContain("-", directive, StringComparison.Ordinal); // '-' is reserved in text directives

        Assert.Contains("moderator", await page.Locator("section.turn.other .role").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("section.turn.question").CountAsync() >= 4);
        await WebFixture.ScreenshotAsync(page, "transcript-briefing");
    }

    [Fact]
    public async Task Copy_citation_puts_the_quote_and_its_citation_on_the_clipboard()
    {
        var page = await web.NewPageAsync(clipboard: true);
        await page.GotoAsync("/?q=North+Korea&source=samples");
        var card = page.Locator("article.card").First;
        var quote = (await card.Locator("blockquote").TextContentAsync())!.Trim().Trim('“', '”');
        var link = await card.GetByRole(AriaRole.Link, new() { Name = "Open in transcript" }).GetAttributeAsync("href");

        await card.GetByRole(AriaRole.Button, new() { Name = "Copy citation" }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        var plain = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith($"“{quote}”\n— Sergey Lavrov", plain, StringComparison.Ordinal);
        Assert.Contains(" · Da Nang, 8 November 2017 · ", plain, StringComparison.Ordinal);
        Assert.Equal(1, plain.Split("Sergey Lavrov").Length - 1); // said once
        Assert.EndsWith(web.BaseUrl + link, plain, StringComparison.Ordinal);

        await card.GetByRole(AriaRole.Button, new() { Name = "Copy as Markdown" }).ClickAsync();
        await Assertions.Expect(card.Locator("button[data-copy=markdown]")).ToHaveTextAsync("Copied");
        var markdown = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith($"> {quote}\n\n— **Sergey Lavrov**", markdown, StringComparison.Ordinal);
        Assert.EndsWith($"([transcript]({web.BaseUrl + link}))", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hard_wrapped_un_speech_reads_as_paragraphs_on_the_card_and_in_the_transcript()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/?q=counter-terrorism+coalition&source=RUS_63_2008");
        var quote = page.Locator("article.card blockquote").First;
        var stored = (await quote.TextContentAsync())!;
        var shown = await quote.InnerTextAsync();

        Assert.Contains('\n', stored); // the quote itself keeps the file's line breaks
        Assert.DoesNotMatch(LoneLineBreak(), shown); // the reader sees none inside a paragraph
        Assert.Equal(Words(stored), Words(shown));

        await page.Locator("article.card").First.GetByRole(AriaRole.Link, new() { Name = "Open in transcript" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/**");
        var words = await page.Locator("section.turn .words").First.InnerTextAsync();
        Assert.DoesNotMatch(LoneLineBreak(), words.Trim());
        Assert.True(words.Split("\n\n").Length > 10, "the speech reads as paragraphs");
        await WebFixture.ScreenshotAsync(page, "transcript-un-2008");
    }

    [Fact]
    public async Task A_un_speech_card_links_the_un_page_of_the_speech()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/?q=North+Korea&source=RUS_71_2016");
        var card = page.Locator("article.card").First;

        var link = await card.GetByRole(AriaRole.Link, new() { Name = "UN General Debate page" }).GetAttributeAsync("href");
        Assert.Equal("https://gadebate.un.org/en/71/russian-federation", link);
        Assert.Equal("UN General Assembly, 71st session, general debate", await card.Locator("cite").InnerTextAsync());
        Assert.Contains("Minister for Foreign Affairs of Russia", await card.Locator(".who").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("New York", (await card.Locator(".where").InnerTextAsync()).Split(" · ")[1], StringComparison.Ordinal);
    }

    /// <summary>A line break with no line break next to it: a line broken inside a paragraph.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\n)\n(?!\n)")]
    private static partial System.Text.RegularExpressions.Regex LoneLineBreak();

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Ask_shows_the_answer_with_numbered_quotes()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#q", "What did Lavrov say about North Korea?");
        await page.ClickAsync("button[value=ask]");
        await page.WaitForSelectorAsync("section.answer");
        await WebFixture.ScreenshotAsync(page, "answer");
        var api = await web.PostJsonAsync("/api/ask", new { question = "What did Lavrov say about North Korea?" });
        Assert.Contains(api.GetProperty("answer").GetString()!.Split('\n')[0].Trim(), await page.Locator("section.answer").InnerTextAsync());
        var quotes = api.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("quote").GetString()!).ToList();
        Assert.NotEmpty(quotes);
        var shown = await page.Locator("article.card blockquote").AllTextContentsAsync();
        Assert.Equal(quotes.Count, shown.Count);
        for (int i = 0; i < quotes.Count; i++) Assert.Equal($"[{i + 1}]“{quotes[i]}”", shown[i].Trim());
    }

    [Fact]
    public async Task Timeline_page_counts_equal_the_timeline_API_and_bars_link_to_the_years_quotes()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/timeline");
        await page.FillAsync("#topic", "terrorism");
        await page.FillAsync("#speaker", "Lavrov");
        await page.PressAsync("#topic", "Enter");
        await page.WaitForSelectorAsync("#counts");
        await WebFixture.ScreenshotAsync(page, "timeline");

        var api = await web.GetJsonAsync("/api/timeline?topic=terrorism&speaker=Lavrov");
        Assert.Equal("year", api.GetProperty("granularity").GetString());
        var expected = api.GetProperty("buckets").EnumerateArray().Select(b => (b.GetProperty("period").GetString(), b.GetProperty("count").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(expected.Count > 5, "the UN speeches span many years");
        var rows = await page.Locator("#counts tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.period, r.dataset.count])");
        Assert.Equal(expected, rows.Select(r => ((string?)r[0], r[1])).ToList());
        Assert.Equal(expected.Count(e => e.Item2 != "0"), await page.Locator("svg.chart a rect").CountAsync());
        Assert.Contains(api.GetProperty("first").GetProperty("quote").GetString()!, (await page.Locator("#first blockquote").TextContentAsync())!);
        Assert.Contains(api.GetProperty("latest").GetProperty("quote").GetString()!, (await page.Locator("#latest blockquote").TextContentAsync())!);

        // A bar opens that year's quotes.
        var (period, count) = expected.Last(e => e.Item2 != "0");
        await page.Locator($"svg.chart a[aria-label^='{period}:']").ClickAsync();
        await page.WaitForSelectorAsync("article.card");
        var dates = await page.Locator("article.card time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.All(dates, d => Assert.StartsWith(period!, d));
    }

    [Fact]
    public async Task Keyboard_alone_searches_and_opens_a_transcript()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        for (int i = 0; i < 10 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "q"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("q", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("North Korea");
        // Listen for the navigation before pressing Enter, so a fast one is not missed; the first search of the host loads
        // the encoders, so give it as long as a busy machine needs.
        var navigated = page.WaitForURLAsync("**/?q=North+Korea**", new() { Timeout = 120_000 });
        await page.Keyboard.PressAsync("Enter");
        await navigated;
        await page.WaitForLoadStateAsync(LoadState.Load);
        for (int i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.textContent") != "Open in transcript"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Open in transcript", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        // The focused element is visibly outlined.
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/documents/**");
        Assert.Equal("quote", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Theory]
    [InlineData("/?q=North+Korea", "search-390")]
    [InlineData("/?q=What+did+Lavrov+say+about+North+Korea%3F&mode=ask", "answer-390")]
    [InlineData("/timeline?topic=terrorism&speaker=Lavrov", "timeline-390")]
    public async Task Pages_fit_a_390_pixel_phone_screen(string path, string screenshot)
    {
        var page = await web.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync(path);
        await WebFixture.ScreenshotAsync(page, screenshot);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "no sideways scrolling");
        Assert.True(await page.Locator("article.card").CountAsync() > 0);
    }

    [Fact]
    public async Task Transcript_fits_a_phone_screen()
    {
        var page = await web.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/?q=North+Korea");
        await page.Locator("article.card").First.GetByRole(AriaRole.Link, new() { Name = "Open in transcript" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/**");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebFixture.ScreenshotFolder, "transcript-390.png") });
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "no sideways scrolling");
        var box = await page.Locator("mark#quote").BoundingBoxAsync();
        Assert.InRange(box!.Y, 0, 844);
    }

    [Fact]
    public async Task Search_and_transcript_read_without_JavaScript()
    {
        var page = await web.NewPageAsync(javaScript: false);
        await page.GotoAsync("/?q=North+Korea");
        Assert.True(await page.Locator("article.card").CountAsync() > 0);
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Copy citation" }).First.IsVisibleAsync());
        var href = await page.Locator("article.card").First.GetByRole(AriaRole.Link, new() { Name = "Open in transcript" }).GetAttributeAsync("href");
        await page.GotoAsync(href!);
        Assert.Equal(1, await page.Locator("mark#quote").CountAsync());
        await WebFixture.ScreenshotAsync(page, "transcript-nojs");
    }

    [Fact]
    public async Task Bad_input_is_answered_with_a_sentence_and_corpus_text_is_encoded()
    {
        var page = await web.NewPageAsync();
        bool dialog = false;
        page.Dialog += (_, d) => { dialog = true; _ = d.DismissAsync(); };
        await page.GotoAsync("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+Korea&from=20x7");
        var error = await page.Locator("[role=alert]").InnerTextAsync();
        Assert.Contains("'20x7' is not a date", error, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script> Korea", await page.InputValueAsync("#q"));
        Assert.False(dialog);
        await WebFixture.ScreenshotAsync(page, "error");

        var response = await page.GotoAsync("/documents/no-such-document");
        Assert.Equal(404, response!.Status);
        Assert.Contains("No stored transcript has the id", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
        var outside = await page.GotoAsync("/timeline?topic=terrorism&from=2020&to=2010");
        Assert.Equal(200, outside!.Status);
        Assert.Contains("reversed", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_is_in_the_OpenAPI_document_and_refuses_a_missing_topic()
    {
        var openApi = await web.GetJsonAsync("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/timeline", out _));
        Assert.False(openApi.GetProperty("paths").TryGetProperty("/timeline", out _));
        using var response = await web.Api.GetAsync("/api/timeline", Ct);
        Assert.Equal(400, (int)response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains("topic is empty", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
