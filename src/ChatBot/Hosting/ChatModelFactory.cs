using System.ClientModel;
using System.ClientModel.Primitives;
using ChatBot.Answering;
using Microsoft.Extensions.AI;
using OpenAI;

namespace ChatBot.Hosting;

/// <summary>The configured chat model and its prompts, or neither (extractive answers only).</summary>
/// <param name="Client">The chat client, or null.</param>
/// <param name="Prompts">The prompt functions, or null.</param>
/// <param name="Status">What is in use, in words (never the key).</param>
public sealed record ChatModel(IChatClient? Client, IPromptRenderer? Prompts, string Status);

/// <summary>Builds an <see cref="IChatClient"/> for an OpenAI-compatible endpoint from <see cref="ChatModelOptions"/>.</summary>
public static class ChatModelFactory
{
    /// <summary>The chat model, or an unconfigured one when no endpoint and model are set.</summary>
    public static ChatModel Create(ChatModelOptions options, AppPaths paths, ILoggerFactory loggers, SecretRedactor? redactor = null)
    {
        if (!options.IsConfigured) return new ChatModel(null, null, "none: answers are verbatim quotes (extractive)");
        var prompts = FindPrompts(paths, options.PromptsDirectory)
            ?? throw new InvalidOperationException($"ChatBot:Chat is configured but the prompt folder '{options.PromptsDirectory}' was not found under {paths.ContentRoot}.");
        var key = options.ApiKey is { Length: > 0 } k ? k : Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } e ? e : "unused";
        var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            NetworkTimeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 1),
        });
        var chat = new RedactingChatClient(client.GetChatClient(options.Model).AsIChatClient(), redactor ?? new SecretRedactor([key]));
        return new ChatModel(chat, new SemanticKernelPromptRenderer(prompts), $"{options.Model} at {new Uri(options.Endpoint!).GetLeftPart(UriPartial.Authority)}");
    }

    private static string? FindPrompts(AppPaths paths, string configured)
    {
        foreach (var candidate in new[] { paths.Resolve(configured), Path.Combine(AppContext.BaseDirectory, "prompts") })
        {
            if (Directory.Exists(candidate)) return candidate;
        }

        return null;
    }
}
