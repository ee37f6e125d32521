using System.Collections.Concurrent;

namespace ChatBot.Api.Contracts;

/// <summary>
/// How a document's source file is shown to clients: relative to the nearest known root above it (the folder the
/// bot runs from, and the folder holding each configured corpus path, so <c>samples/...</c> or
/// <c>ungdc/2019/...</c>), else its last three path components. The server's absolute paths never reach a client;
/// the store keeps them for the server's own use.
/// </summary>
public static class SourcePaths
{
    private static readonly ConcurrentDictionary<string, bool> s_roots = new(StringComparer.Ordinal);

    /// <summary>Adds folders that sources are shown relative to (the host does this at start-up).</summary>
    public static void AddRoots(IEnumerable<string> roots)
    {
        foreach (var root in roots) s_roots.TryAdd(Path.GetFullPath(root), true);
    }

    /// <summary>The path to show for <paramref name="source"/>.</summary>
    public static string Display(string source) => Display(source, s_roots.Keys);

    /// <summary>The path to show for <paramref name="source"/>, relative to the deepest of <paramref name="roots"/> above it.</summary>
    public static string Display(string source, IEnumerable<string> roots)
    {
        if (!Path.IsPathRooted(source)) return source.Replace('\\', '/');
        string? best = null;
        foreach (var root in roots)
        {
            var relative = Path.GetRelativePath(root, source);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) continue;
            if (best is null || relative.Length < best.Length) best = relative;
        }

        if (best is not null) return best.Replace('\\', '/');
        var parts = source.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', parts[Math.Max(0, parts.Length - 3)..]);
    }
}
