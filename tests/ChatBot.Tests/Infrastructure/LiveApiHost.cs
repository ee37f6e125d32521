using ChatBot.Api;
using ChatBot.Hosting;
using ChatBot.Storage.Sqlite;
using ChatBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Tests.Infrastructure;

/// <summary>The real web host on a loopback port over a fresh data folder seeded with the samples, with extra settings.</summary>
public abstract class LiveApiHost : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public string DataDirectory => Path.Combine(_temp.Path, "data");

    public SqliteApiKeyStore Keys => Services.GetRequiredService<SqliteApiKeyStore>();

    protected abstract Dictionary<string, string?> Settings { get; }

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ChatBot:DataDirectory"] = DataDirectory,
            ["ChatBot:Corpus:0"] = RepoPaths.Samples,
            ["ChatBot:Embeddings:Provider"] = "None",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in Settings) settings[k] = v;
        _app = ChatBotWebApp.Build([], config => config.AddInMemoryCollection(settings));
        _app.Urls.Clear();
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.Services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    /// <summary>A client sending a new key (a fresh rate-limit partition) in the given header style.</summary>
    public HttpClient ClientWithNewKey(out string key, bool bearer = true)
    {
        (_, key) = Keys.Create("test");
        var client = new HttpClient { BaseAddress = Client.BaseAddress };
        if (bearer) client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        else client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _temp.Dispose();
    }
}
