using ChatBot.Hosting;

namespace ChatBot.Api.Contracts;

/// <summary>
/// How a document's source file is shown to clients: relative to the folder the bot runs from (its content root,
/// where <c>ingest samples</c> is typed) when the file lies below it, else its last three path components. The
/// server's absolute paths never reach a client; the store keeps them for the server's own use.
/// </summary>
public static class SourcePaths
{
    private static readonly Lazy<string> s_root = new(() => Path.GetFullPath(AppPaths.DefaultContentRoot()));

    /// <summary>The path to show for <paramref name="source"/>.</summary>
    public static string Display(string source) => Display(source, s_root.Value);

    /// <summary>The path to show for <paramref name="source"/>, relative to <paramref name="root"/> when below it.</summary>
    public static string Display(string source, string root)
    {
        if (!Path.IsPathRooted(source)) return source.Replace('\\', '/');
        var relative = Path.GetRelativePath(root, source);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)) return relative.Replace('\\', '/');
        var parts = source.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', parts[Math.Max(0, parts.Length - 3)..]);
    }
}
