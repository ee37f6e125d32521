namespace ChatBot.Tests.Shared;

/// <summary>Where the repository and the shared corpora are, seen from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No ChatBot.sln above {AppContext.BaseDirectory}");
    });

    /// <summary>The repository root.</summary>
    public static string Root => s_root.Value;

    /// <summary>The shared folder: $CHATBOT_SHARED, else ../shared beside the repository.</summary>
    public static string Shared => Environment.GetEnvironmentVariable("CHATBOT_SHARED") is { Length: > 0 } s ? s : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The shared corpus folder.</summary>
    public static string Corpus => Path.Combine(Shared, "corpus");

    /// <summary>The project's sample transcripts.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>A path under the test project's source folder (golden files).</summary>
    public static string TestData(string project, params string[] parts) => Path.Combine([Root, "tests", project, .. parts]);
}
