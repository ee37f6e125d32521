namespace ChatBot.Storage.Tests.Spec;

/// <summary>Finds the shared API descriptions (<c>shared/specs</c> beside the repository) without copying them.</summary>
internal static class SpecFiles
{
    public const string QdrantTightened = "qdrant-openapi.tightened.json";

    public static string Find(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "specs", fileName);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"shared/specs/{fileName} was not found above {AppContext.BaseDirectory}; the contract tests need the shared API descriptions beside the repository.");
    }
}
