using System.CommandLine;
using ChatBot.Api;
using ChatBot.Hosting;

namespace ChatBot.Cli;

/// <summary><c>serve [--urls URL] [--data DIR]</c>: the HTTP API (and the Telegram bot when a token is configured).</summary>
public static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(Option<string?> dataOption)
    {
        var urls = new Option<string?>("--urls") { Description = "Listen address(es), e.g. http://127.0.0.1:5080 (default from ASPNETCORE_URLS or http://127.0.0.1:5080)" };
        var command = new Command("serve", "Run the HTTP retrieval API") { urls, dataOption };
        command.SetAction(async (parse, ct) =>
        {
            var data = parse.GetValue(dataOption);
            var listen = parse.GetValue(urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://127.0.0.1:5080";
            var app = ChatBotWebApp.Build([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{ChatBotOptions.Section}:DataDirectory"] = data is null ? null : Path.GetFullPath(data),
            }.Where(kv => kv.Value is not null)));
            app.Urls.Clear();
            foreach (var url in listen.Split(';', StringSplitOptions.RemoveEmptyEntries)) app.Urls.Add(url);
            // Options are checked before the host starts, so a bad setting is one line and exit code 2, not a logged stack trace.
            app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            await app.Services.GetRequiredService<CorpusBootstrapper>().EnsureReadyAsync(ct);
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
