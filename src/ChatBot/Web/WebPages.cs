using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ChatBot.Web;

/// <summary>
/// The journalists' web front end, served by <c>serve</c> next to the API: search and ask (<c>/</c>), transcripts
/// with a highlighted quote (<c>/documents/{id}</c>), timelines (<c>/timeline</c>), and the stylesheet and script.
/// Pages are rendered on the server and readable without JavaScript; nothing is fetched from elsewhere.
/// </summary>
public static class WebPages
{
    /// <summary>Maps the pages and their assets (left out of the OpenAPI document).</summary>
    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.AddEndpointFilter((context, next) =>
        {
            context.HttpContext.Features.Set(new RequestStart(Stopwatch.GetTimestamp()));
            return next(context);
        });
        pages.MapGet("/", SearchPage.HandleAsync);
        pages.MapGet("/documents/{id}", TranscriptPage.HandleAsync);
        pages.MapGet("/timeline", TimelinePage.HandleAsync);
        foreach (var asset in new[] { WebAsset.Css, WebAsset.Script })
        {
            pages.MapGet(asset.Path, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Results.Bytes(asset.Content, asset.ContentType);
            });
        }

        return app;
    }

    /// <summary>Scheme, host and port the request came to, for absolute permalinks in citations.</summary>
    internal static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    /// <summary>An HTML page with its server time (<c>Server-Timing</c>) and a content policy that allows only our own assets.</summary>
    internal static IResult Page(HttpContext http, string html, int status = StatusCodes.Status200OK)
    {
        var elapsed = Stopwatch.GetElapsedTime(http.Features.Get<RequestStart>()?.Timestamp ?? Stopwatch.GetTimestamp());
        http.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={elapsed.TotalMilliseconds:F1}");
        http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>When the page's handler started (set by the group's filter).</summary>
    internal sealed record RequestStart(long Timestamp);
}
