using System.Collections.Concurrent;
using System.Text.Json;
using ChatBot.Answering;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace ChatBot.Hosting;

/// <summary>
/// Prompt functions from a Semantic Kernel prompt directory (<c>&lt;Function&gt;/skprompt.txt</c> + <c>config.json</c>),
/// rendered with Semantic Kernel's own template engine. Variable values are inserted as they are (transcript
/// quotes must reach the model unchanged, not HTML-encoded). Thread-safe; templates are parsed once.
/// </summary>
public sealed class SemanticKernelPromptRenderer(string directory) : IPromptRenderer
{
    private readonly Kernel _kernel = new();
    private readonly KernelPromptTemplateFactory _factory = new() { AllowDangerouslySetContent = true };
    private readonly ConcurrentDictionary<string, (IPromptTemplate Template, ChatOptions Options)> _functions = new(StringComparer.Ordinal);

    /// <summary>The prompt directory.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <inheritdoc />
    public async Task<string> RenderAsync(string function, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken = default)
    {
        var (template, _) = Load(function);
        var kernelArguments = new KernelArguments();
        foreach (var (name, value) in arguments) kernelArguments[name] = value;
        return await template.RenderAsync(_kernel, kernelArguments, cancellationToken);
    }

    /// <inheritdoc />
    public ChatOptions OptionsFor(string function) => Load(function).Options;

    private (IPromptTemplate Template, ChatOptions Options) Load(string function) => _functions.GetOrAdd(function, name =>
    {
        var folder = Path.Combine(Directory, name);
        var promptPath = Path.Combine(folder, "skprompt.txt");
        if (!File.Exists(promptPath)) throw new KeyNotFoundException($"No prompt function '{name}': {promptPath} is missing.");
        var configPath = Path.Combine(folder, "config.json");
        var config = File.Exists(configPath) ? PromptTemplateConfig.FromJson(File.ReadAllText(configPath)) : new PromptTemplateConfig();
        config.Name ??= name;
        config.Template = File.ReadAllText(promptPath);
        config.AllowDangerouslySetContent = true;
        return (_factory.Create(config), ToChatOptions(config));
    });

    private static ChatOptions ToChatOptions(PromptTemplateConfig config)
    {
        var options = new ChatOptions();
        if (config.ExecutionSettings.TryGetValue("default", out var settings) && settings.ExtensionData is { } data)
        {
            if (data.TryGetValue("temperature", out var t) && Number(t) is { } temperature) options.Temperature = (float)temperature;
            if (data.TryGetValue("max_tokens", out var m) && Number(m) is { } maxTokens) options.MaxOutputTokens = (int)maxTokens;
        }

        return options;
    }

    private static double? Number(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        IConvertible c => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
