namespace ChatBot.SemanticKernel;

/// <summary>Settings of <see cref="KernelPromptFunctions"/>.</summary>
public sealed class KernelPromptFunctionsOptions
{
    /// <summary>The prompt directory (<c>&lt;Function&gt;/skprompt.txt</c> + <c>config.json</c> per function).</summary>
    public required string Directory { get; init; }

    /// <summary>How long one prompt function may wait for the model (from <c>ChatBot:Chat:TimeoutSeconds</c> in the host).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
