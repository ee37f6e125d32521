using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Api;
using ChatBot.Hosting;
using ChatBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(ChatBot.Web.Tests.WebFixture))]

namespace ChatBot.Web.Tests;

/// <summary>
/// <c>serve</c> on a loopback port (real Kestrel, real SQLite file) over the Lavrov corpus (the samples and his UN
/// General Debate speeches), and Debian's chromium driven by Playwright. One of each for the whole test run.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The site's address ("http://127.0.0.1:PORT").</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>A client for the JSON API of the same host.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>The host's services (the same search and store the pages use).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>screenshots/</c> in the test output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The chromium executable: $CHROMIUM_PATH, else Debian's.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ChatBot:DataDirectory"] = Path.Combine(_temp.Path, "data"),
            ["ChatBot:Corpus:0"] = RepoPaths.Samples,
            ["ChatBot:Embeddings:Provider"] = "None",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        int i = 1;
        foreach (var file in LavrovUnSpeeches()) settings[$"ChatBot:Corpus:{i++}"] = file;
        settings[$"ChatBot:Corpus:{i}"] = Briefing; // one White House call: a web source with a moderator
        _app = ChatBotWebApp.Build([], config => config.AddInMemoryCollection(settings));
        _app.Urls.Clear();
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.Services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync();
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh page (own cookies, clipboard and permissions) at the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true, bool clipboard = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Permissions = clipboard ? ["clipboard-read", "clipboard-write"] : [],
        });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot under <see cref="ScreenshotFolder"/>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>GET a JSON API route.</summary>
    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Api.GetFromJsonAsync<JsonElement>(path, TestContext.Current.CancellationToken);

    /// <summary>POST to a JSON API route.</summary>
    public async Task<JsonElement> PostJsonAsync(string path, object body)
    {
        using var response = await Api.PostAsJsonAsync(path, body, Json, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _temp.Dispose();
    }

    /// <summary>A short White House press call (Markdown with a source_url, journalists' questions and a moderator).</summary>
    public static string Briefing => Path.Combine(RepoPaths.Corpus, "wh-briefings", "press-briefings", "2022-03",
        "2022-03-18-background-press-call-by-a-senior-administration-official-on-president-bidens-call-with-president-xi-jinping-of-china.md");

    /// <summary>Lavrov's UN General Debate speeches (the speaker table says who spoke).</summary>
    private static List<string> LavrovUnSpeeches()
    {
        var table = ChatBot.Text.Csv.Read(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "ungdc", "speakers.csv")));
        return table.Skip(1).Select(r => r.Fields)
            .Where(f => f[2] == "RUS" && f[4].Contains("Lavrov", StringComparison.Ordinal))
            .Select(f => Path.Combine(RepoPaths.Corpus, "ungdc", f[0], $"RUS_{f[1]}_{f[0]}.txt"))
            .ToList();
    }
}
