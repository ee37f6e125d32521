using System.Globalization;
using ChatBot.Answering;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace ChatBot.SemanticKernel;

/// <summary>
/// The prompts of <c>prompts/</c> as Semantic Kernel prompt functions, run by a <see cref="Kernel"/> over the
/// configured <see cref="IChatClient"/>. Each function's execution settings (temperature, max_tokens) come from its
/// <c>config.json</c>; argument values are inserted verbatim (not HTML-encoded), so transcript quotes reach the model
/// unchanged. The functions are loaded once, when this is built. Thread-safe.
/// </summary>
public sealed class KernelPromptFunctions : IPromptFunctions
{
    /// <summary>The name of the plugin the prompt functions form in <see cref="Kernel"/>.</summary>
    public const string PluginName = "Prompts";

    private readonly TimeSpan _timeout;

    /// <summary>Loads the prompt functions of <see cref="KernelPromptFunctionsOptions.Directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The prompt directory does not exist.</exception>
    public KernelPromptFunctions(IChatClient chatClient, KernelPromptFunctionsOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "The model timeout must be positive.");
        var directory = Path.GetFullPath(options.Directory);
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"The prompt directory {directory} does not exist.");

        var builder = Kernel.CreateBuilder();
        // A prompt function runs on any IChatClient the kernel's services hold (no IChatCompletionService adapter needed).
        builder.Services.AddSingleton(chatClient);
        if (loggerFactory is not null) builder.Services.AddSingleton(loggerFactory);
        Kernel = builder.Build();
        Plugin = Kernel.CreatePluginFromPromptDirectory(directory, PluginName, new KernelPromptTemplateFactory { AllowDangerouslySetContent = true });
        Kernel.Plugins.Add(Plugin);
        Directory = directory;
        _timeout = options.Timeout;
    }

    /// <summary>The kernel the functions run in (its plugin <see cref="PluginName"/> holds them).</summary>
    public Kernel Kernel { get; }

    /// <summary>The prompt functions, one per folder of the prompt directory.</summary>
    public KernelPlugin Plugin { get; }

    /// <summary>The prompt directory, full path.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public async Task<string> InvokeAsync(string function, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!Plugin.TryGetFunction(function, out var kernelFunction))
        {
            throw new KeyNotFoundException(
                $"No prompt function '{function}' in {Directory} (there are: {string.Join(", ", Plugin.Select(f => f.Name))}).");
        }

        var kernelArguments = new KernelArguments();
        foreach (var (name, value) in arguments) kernelArguments[name] = value;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var result = await kernelFunction.InvokeAsync(Kernel, kernelArguments, timeout.Token);
            return result.GetValue<string>() ?? "";
        }
        // Any cancellation the caller did not ask for is a timeout: ours, or the HTTP client's own network timeout.
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"The chat model did not answer the '{function}' prompt within {_timeout.TotalSeconds:0.#} s (ChatBot:Chat:TimeoutSeconds)."), e);
        }
    }
}
