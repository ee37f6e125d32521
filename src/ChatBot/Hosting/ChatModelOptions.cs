namespace ChatBot.Hosting;

/// <summary>
/// <c>ChatBot:Chat</c>: an OpenAI-compatible chat endpoint (OpenAI, Ollama, vLLM, llama.cpp server). Unset means
/// extractive answers only. Keep the key out of files: <c>ChatBot__Chat__ApiKey</c> or <c>OPENAI_API_KEY</c>.
/// </summary>
public sealed class ChatModelOptions
{
    /// <summary>Base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model name, e.g. gpt-4o-mini or llama3.1.</summary>
    public string? Model { get; set; }

    /// <summary>API key (local servers usually accept any).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Seconds the model may take before the answer falls back to quotes.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Folder of prompt functions (Semantic Kernel layout); relative to the content root.</summary>
    public string PromptsDirectory { get; set; } = "prompts";

    /// <summary>Whether a model is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}
