namespace ChatBot.Hosting;

/// <summary>Resolves configured paths: absolute as given, relative against the content root.</summary>
public sealed class AppPaths(string contentRoot, ChatBotOptions options)
{
    /// <summary>The folder relative paths are taken from.</summary>
    public string ContentRoot { get; } = Path.GetFullPath(contentRoot);

    /// <summary>The data directory, full path.</summary>
    public string DataDirectory => Resolve(options.DataDirectory);

    /// <summary>The embedded store's file, full path.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, options.Storage.FileName);

    /// <summary>A configured path made absolute.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(ContentRoot, path));

    /// <summary>
    /// The content root to use: the nearest folder, from the current one upwards, that holds appsettings.json
    /// (so the repository root when run from inside it), else the program's own folder.
    /// </summary>
    public static string DefaultContentRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json"))) return dir.FullName;
        }

        return AppContext.BaseDirectory;
    }
}
