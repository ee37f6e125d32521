using ChatBot.Answering;
using ChatBot.Hosting;
using ChatBot.Retrieval;
using Microsoft.Extensions.Options;

namespace ChatBot.SemanticKernel;

/// <summary>Registers the Semantic Kernel side of the bot: the quote search as SK text search, and the prompt functions.</summary>
public static class SemanticKernelHostingExtensions
{
    /// <summary>
    /// <see cref="QuoteTextSearch"/> always; <see cref="IPromptFunctions"/> (<see cref="KernelPromptFunctions"/> over the
    /// configured chat model) only when <c>ChatBot:Chat</c> names an endpoint and a model, so that
    /// <c>GetService&lt;IPromptFunctions&gt;()</c> is null for extractive answers.
    /// </summary>
    public static IHostApplicationBuilder AddChatBotSemanticKernel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => new QuoteTextSearch(sp.GetRequiredService<ISearchService>()));

        var chat = builder.Configuration.GetSection($"{ChatBotOptions.Section}:Chat").Get<ChatModelOptions>() ?? new ChatModelOptions();
        if (!chat.IsConfigured) return builder;
        services.AddSingleton<IPromptFunctions>(sp =>
        {
            var model = sp.GetRequiredService<ChatModel>();
            var options = sp.GetRequiredService<IOptions<ChatBotOptions>>().Value.Chat;
            // ChatModelFactory found the prompt folder for the renderer; the functions load the same one.
            var directory = (model.Prompts as SemanticKernelPromptRenderer)?.Directory
                ?? throw new InvalidOperationException("ChatBot:Chat is configured but no prompt folder was found.");
            return new KernelPromptFunctions(
                model.Client ?? throw new InvalidOperationException("ChatBot:Chat is configured but no chat client was built."),
                new KernelPromptFunctionsOptions { Directory = directory, Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)) },
                sp.GetRequiredService<ILoggerFactory>());
        });
        return builder;
    }
}
