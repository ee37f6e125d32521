namespace ChatBot.Answering;

/// <summary>
/// The prompt functions of <c>prompts/</c> (Semantic Kernel's prompt-directory layout:
/// <c>prompts/&lt;Function&gt;/skprompt.txt</c> with <c>{{$variable}}</c> placeholders, and <c>config.json</c> with
/// the execution settings), run through the configured chat model. Thread-safe.
/// </summary>
public interface IPromptFunctions
{
    /// <summary>
    /// Runs the named prompt function of <c>prompts/</c> (e.g. "Condense", "Answer") with the arguments through the
    /// configured chat model; returns the model's text. Argument values reach the model verbatim.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such prompt function.</exception>
    /// <exception cref="TimeoutException">The model did not answer within the configured time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<string> InvokeAsync(string function, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken = default);
}
