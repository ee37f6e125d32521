using Microsoft.Extensions.AI;

namespace ChatBot.Answering;

/// <summary>
/// Renders the named prompt functions kept in <c>prompts/</c> (Semantic Kernel's prompt-directory layout:
/// <c>prompts/&lt;Function&gt;/skprompt.txt</c> with <c>{{$variable}}</c> placeholders, and <c>config.json</c>).
/// </summary>
public interface IPromptRenderer
{
    /// <summary>The prompt text of <paramref name="function"/> with its variables filled in.</summary>
    /// <exception cref="KeyNotFoundException">No such prompt function.</exception>
    Task<string> RenderAsync(string function, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken = default);

    /// <summary>The function's execution settings (temperature, token limit) as chat options.</summary>
    ChatOptions OptionsFor(string function);
}
