using System.Text.Encodings.Web;
using System.Text.Json;
using ChatBot.Hosting;

namespace ChatBot.Cli;

/// <summary>Builds the service container for a CLI command: same registration as the web host, logs on stderr.</summary>
public static class CliHost
{
    /// <summary>JSON as the HTTP API writes it: snake_case, indented, non-ASCII kept readable.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A started host for one command; <paramref name="dataDirectory"/> overrides ChatBot:DataDirectory.</summary>
    public static IHost Build(string? dataDirectory, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppPaths.DefaultContentRoot() });
        if (dataDirectory is not null) builder.Configuration[$"{ChatBotOptions.Section}:DataDirectory"] = Path.GetFullPath(dataDirectory);
        builder.Logging.AddRedactedConsole(builder.Configuration, toStandardError: true);
        builder.AddChatBotServices();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
