namespace ChatBot.Web;

/// <summary>The frame every page shares: head, skip link, navigation, status line for scripts.</summary>
internal static class PageLayout
{
    public static string Render(string title, string active, Html body)
    {
        var page = new Html();
        page.Add($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · ChatBot quotes</title>
            <link rel="stylesheet" href="{WebAsset.Css.Path}">
            <script src="{WebAsset.Script.Path}" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="site"><a class="brand" href="/">ChatBot quotes</a>
            <nav aria-label="Pages">
            """);
        foreach (var (href, label) in new[] { ("/", "Search"), ("/timeline", "Timeline"), ("/openapi/v1.json", "API") })
        {
            if (label == active) page.Add($"""<a href="{href}" aria-current="page">{label}</a>""");
            else page.Add($"""<a href="{href}">{label}</a>""");
        }

        page.Add($"""
            </nav></header>
            <main id="main" tabindex="-1">
            """);
        page.Add(new Markup(body.ToString()));
        page.Add($"""
            <p id="status" class="visually-hidden" role="status" aria-live="polite"></p>
            </main>
            </body>
            </html>
            """);
        return page.ToString();
    }
}
