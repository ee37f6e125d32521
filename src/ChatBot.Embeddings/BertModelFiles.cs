using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ChatBot.Embeddings;

/// <summary>
/// Where a BERT encoder's files live (<see cref="BertEncoderModel.RelativeDirectory"/>, e.g. <c>models/arctic-embed-xs</c>),
/// holding either loose <c>model.onnx</c> and <c>vocab.txt</c>, or the assembly of the model's NuGet package (copied
/// there by the build), whose two managed resources are those files. The assembly is read as data, never loaded as
/// code. Stateless and thread-safe.
/// </summary>
public static class BertModelFiles
{
    private const string ModelFile = "model.onnx";
    private const string VocabularyFile = "vocab.txt";

    /// <summary>Whether <paramref name="directory"/> holds the loose files or <paramref name="model"/>'s package assembly.</summary>
    public static bool IsModelDirectory(BertEncoderModel model, string directory) =>
        (File.Exists(Path.Combine(directory, ModelFile)) && File.Exists(Path.Combine(directory, VocabularyFile)))
        || File.Exists(Path.Combine(directory, model.PackageAssembly));

    /// <summary>The model folder (see <see cref="ModelLocator.Find"/>), or null.</summary>
    public static string? Find(BertEncoderModel model, string? configuredPath = null) =>
        ModelLocator.Find(model.RelativeDirectory, d => IsModelDirectory(model, d), configuredPath);

    /// <summary>The ONNX model and the WordPiece vocabulary, from the loose files when present, else from the assembly.</summary>
    /// <exception cref="FileNotFoundException">Neither is there.</exception>
    /// <exception cref="InvalidDataException">The assembly does not hold both resources, or is not an assembly.</exception>
    public static (byte[] Model, byte[] Vocabulary) Read(BertEncoderModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        string onnx = Path.Combine(directory, ModelFile), vocabulary = Path.Combine(directory, VocabularyFile);
        if (File.Exists(onnx) && File.Exists(vocabulary)) return (File.ReadAllBytes(onnx), File.ReadAllBytes(vocabulary));

        string assembly = Path.Combine(directory, model.PackageAssembly);
        if (!File.Exists(assembly))
            throw new FileNotFoundException($"The {model.Name} folder '{directory}' holds neither {ModelFile} and {VocabularyFile} nor {model.PackageAssembly}.", assembly);
        try
        {
            using var file = File.OpenRead(assembly);
            using var pe = new PEReader(file);
            string prefix = model.PackageName + ".Resources.";
            var resources = ReadResources(pe, [prefix + ModelFile, prefix + VocabularyFile]);
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
