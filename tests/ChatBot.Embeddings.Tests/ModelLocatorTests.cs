namespace ChatBot.Embeddings.Tests;

public sealed class ModelLocatorTests
{
    [Fact]
    public void AConfiguredFolderWithAManifestIsUsed()
    {
        string model = TestPaths.RequireModelDirectory();
        Assert.Equal(Path.GetFullPath(model), ModelLocator.FindModelDirectory(model));
    }

    [Fact]
    public void AConfiguredFolderWithoutAManifestGivesNullInsteadOfAnotherModel()
    {
        string empty = Directory.CreateTempSubdirectory("use-lite-empty-").FullName;
        try
        {
            Assert.Null(ModelLocator.FindModelDirectory(empty));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void WithoutConfigurationTheRepositoryModelIsFoundFromTheApplicationFolder()
    {
        TestPaths.RequireModelDirectory();
        string? found = ModelLocator.FindModelDirectory();
        Assert.NotNull(found);
        Assert.True(ModelLocator.IsModelDirectory(found));
    }
}
