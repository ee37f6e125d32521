using ChatBot.Ingestion;
using ChatBot.Tests.Shared;

namespace ChatBot.Core.Tests.Ingestion;

/// <summary>Folders with link loops: every real file is read once, loops are reported and the walk ends.</summary>
public sealed class FolderExpansionTests
{
    [Fact]
    public void Links_back_to_the_folder_or_its_parent_are_reported_once_and_each_file_is_listed_once()
    {
        using var temp = new TempDirectory();
        var root = temp.File("corpus");
        var a = temp.Write(Path.Combine("corpus", "a.txt"), "a");
        var b = temp.Write(Path.Combine("corpus", "sub", "b.txt"), "b");
        Directory.CreateSymbolicLink(Path.Combine(root, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(root, "sub", "up"), "..");

        var (files, problems) = IngestionPipeline.ExpandPaths([root]);

        Assert.Equal([a, b], files);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("a folder already read", p.Reason));
        Assert.Contains(problems, p => p.Path.EndsWith("self", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.EndsWith("up", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_linked_from_elsewhere_is_read_once_and_a_file_named_twice_is_listed_once()
    {
        using var temp = new TempDirectory();
        var shared = temp.Write(Path.Combine("shared", "s.txt"), "s");
        var root = temp.File("corpus");
        Directory.CreateDirectory(root);
        Directory.CreateSymbolicLink(Path.Combine(root, "one"), temp.File("shared"));
        Directory.CreateSymbolicLink(Path.Combine(root, "two"), temp.File("shared"));
        File.CreateSymbolicLink(Path.Combine(root, "alias.txt"), shared);

        var (files, problems) = IngestionPipeline.ExpandPaths([root, shared]);

        Assert.Single(files);
        Assert.Single(problems);
    }

    [Fact]
    public void Folders_nested_deeper_than_the_limit_are_reported_not_read()
    {
        using var temp = new TempDirectory();
        temp.Write(Path.Combine("corpus", "1", "2", "3", "deep.txt"), "d");
        var shallow = temp.Write(Path.Combine("corpus", "top.txt"), "t");
        var (files, problems) = IngestionPipeline.ExpandPaths([temp.File("corpus")], maxFolderDepth: 2);
        Assert.Equal([shallow], files);
        Assert.Contains("MaxFolderDepth", Assert.Single(problems).Reason);
    }
}
