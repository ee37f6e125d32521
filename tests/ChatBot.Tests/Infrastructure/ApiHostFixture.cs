using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ChatBot.Api;
using ChatBot.Hosting;
using ChatBot.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatBot.Tests.Infrastructure;

/// <summary>The real web host on a loopback port, over a fresh data directory seeded with the samples.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public string DataDirectory => Path.Combine(_temp.Path, "data");

    public async ValueTask InitializeAsync()
    {
        _app = ChatBotWebApp.Build([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatBot:DataDirectory"] = DataDirectory,
            ["ChatBot:Corpus:0"] = RepoPaths.Samples,
            ["ChatBot:Embeddings:Provider"] = "None",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        _app.Urls.Clear();
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.Services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _temp.Dispose();
    }
}
