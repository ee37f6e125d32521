using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace ChatBot.Language;

/// <summary>
/// Country names of ISO 3166-1 from the <c>iso-codes</c> data: the Russian translations (gettext catalogue) of the
/// English names, with the English short name each stands for (Украина -> Ukraine, Северная Корея -> North Korea).
/// </summary>
internal sealed class CountryNames
{
    public static readonly CountryNames Empty = new([]);

    private CountryNames(IReadOnlyList<(string Russian, string English)> russian)
    {
        Russian = russian;
    }

    /// <summary>Russian names (short, common and official forms) with the English short name each stands for.</summary>
    public IReadOnlyList<(string Russian, string English)> Russian { get; }

    /// <summary>Reads both files; a missing or unreadable file gives fewer names, never an error.</summary>
    public static CountryNames Load(string? jsonPath, string? moPath)
    {
        if (string.IsNullOrWhiteSpace(jsonPath) || !File.Exists(jsonPath))
        {
            return Empty;
        }

        var catalogue = !string.IsNullOrWhiteSpace(moPath) && File.Exists(moPath) ? ReadCatalogue(moPath) : [];
        var russian = new List<(string, string)>();
        using var json = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        if (!json.RootElement.TryGetProperty("3166-1", out var countries) || countries.ValueKind != JsonValueKind.Array)
        {
            return Empty;
        }

        foreach (var country in countries.EnumerateArray())
        {
            var name = Text(country, "name");
            if (name is null)
            {
                continue;
            }

            var common = Text(country, "common_name");
            var shortName = common ?? (name.Contains(',', StringComparison.Ordinal) ? name[..name.IndexOf(',', StringComparison.Ordinal)] : name);
            foreach (var form in new[] { name, common, Text(country, "official_name") })
            {
                if (form is not null && catalogue.TryGetValue(form, out var translated) && CyrillicTransliterator.ContainsCyrillic(translated))
                {
                    russian.Add((translated.Replace("\u0301", string.Empty, StringComparison.Ordinal), shortName));
                }
            }
        }

        return new CountryNames(russian);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // A GNU gettext .mo file: magic, revision, count, offset of the original strings' table, offset of the translations' table.
    private static Dictionary<string, string> ReadCatalogue(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 20)
        {
            return result;
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        var little = magic == 0x950412de;
        if (!little && BinaryPrimitives.ReadUInt32BigEndian(bytes) != 0x950412de)
        {
            return result;
        }

        uint Read(int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
        string? Entry(uint table, uint i)
        {
            var at = checked((int)(table + (i * 8)));
            if (at + 8 > bytes.Length)
            {
                return null;
            }

            var length = (int)Read(at);
            var offset = (int)Read(at + 4);
            return offset >= 0 && length >= 0 && offset + length <= bytes.Length ? Encoding.UTF8.GetString(bytes, offset, length) : null;
        }

        var count = Read(8);
        var originals = Read(12);
        var translations = Read(16);
        for (uint i = 0; i < count; i++)
        {
            var original = Entry(originals, i);
            var translation = Entry(translations, i);
            if (!string.IsNullOrEmpty(original) && !string.IsNullOrEmpty(translation))
            {
                result[original] = translation;
            }
        }

        return result;
    }
}
