namespace ChatBot.Embeddings;

/// <summary>
/// Finds the folder holding the sentence encoder weights (<c>model.json</c>, its shards and
/// <c>vocab.json</c>), which the build fetches into <c>models/use-lite</c> under the repository root.
/// Stateless and thread-safe.
/// </summary>
public static class ModelLocator
{
    /// <summary>The model folder relative to the repository (or application) root.</summary>
    public const string RelativeModelDirectory = "models/use-lite";

    private const string ManifestFileName = "model.json";

    /// <summary>
    /// Returns the model folder, or <see langword="null"/> when none is found (the host should then
    /// report "sentence encoder not available, BM25 only" rather than fail).
    /// </summary>
    /// <param name="configuredPath">
    /// An explicitly configured folder. When given, only this folder is considered (a wrong setting is
    /// not silently replaced by another model); relative paths are resolved against the current directory.
    /// </param>
    /// <returns>
    /// The full path of the first folder holding <c>model.json</c> among: <paramref name="configuredPath"/>;
    /// else <c>models/use-lite</c> under the current directory; else <c>models/use-lite</c> under
    /// <see cref="AppContext.BaseDirectory"/> or any of its parent folders. Otherwise <see langword="null"/>.
    /// </returns>
    public static string? FindModelDirectory(string? configuredPath = null) => Find(RelativeModelDirectory, IsModelDirectory, configuredPath);

    /// <summary>
    /// The first folder that <paramref name="isModel"/> accepts among: <paramref name="configuredPath"/> (when given,
    /// only it: a wrong setting is not silently replaced by another model); else <paramref name="relativeDirectory"/>
    /// under the current directory; else under <see cref="AppContext.BaseDirectory"/> or any of its parents.
    /// </summary>
    public static string? Find(string relativeDirectory, Func<string, bool> isModel, string? configuredPath = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            string configured = Path.GetFullPath(configuredPath);
            return isModel(configured) ? configured : null;
        }

        string fromCurrent = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, relativeDirectory));
        if (isModel(fromCurrent))
        {
            return fromCurrent;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, relativeDirectory);
            if (isModel(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="directory"/> holds a <c>model.json</c>.</summary>
    /// <param name="directory">The folder to test.</param>
    /// <returns><see langword="true"/> when the manifest exists (shards are checked when loading).</returns>
    public static bool IsModelDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return File.Exists(Path.Combine(directory, ManifestFileName));
    }
}
