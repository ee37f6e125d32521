using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace ChatBot.Telegram.Tests.Spec;

/// <summary>
/// The Telegram Bot API 10.1 description turned into one JSON Schema document for NJsonSchema: a definition per type
/// (objects with their fields, <c>required</c>, and <c>additionalProperties: false</c>; abstract types as
/// <c>anyOf</c> their subtypes, each pinned by its "must be X" discriminator) and one per method's parameters.
/// </summary>
internal sealed partial class TelegramApiSpec
{
    private static readonly Lazy<TelegramApiSpec> s_instance = new(() => new TelegramApiSpec(SpecFiles.TelegramBotApi));

    private readonly Dictionary<string, JsonObject> _methods;

    private TelegramApiSpec(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Version = root["version"]!.GetValue<string>();
        _methods = root["methods"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsObject(), StringComparer.OrdinalIgnoreCase);
        var types = root["types"]!.AsObject();

        var definitions = new JsonObject();
        foreach (var (name, node) in types)
            definitions[name] = TypeSchema(name, node!.AsObject());
        foreach (var (name, node) in _methods)
            definitions[MethodKey(name)] = ObjectSchema(node["fields"]?.AsArray());

        var document = new JsonObject { ["definitions"] = definitions };
        Schema = JsonSchema.FromJsonAsync(document.ToJsonString()).GetAwaiter().GetResult();
    }

    /// <summary>The loaded spec (read once per test run).</summary>
    public static TelegramApiSpec Instance => s_instance.Value;

    /// <summary>"Bot API 10.1".</summary>
    public string Version { get; }

    /// <summary>The whole schema document.</summary>
    public JsonSchema Schema { get; }

    /// <summary>The canonical name of a method (method names are case-insensitive), or null when it does not exist.</summary>
    public string? CanonicalMethod(string method) => _methods.TryGetValue(method, out var m) ? m["name"]!.GetValue<string>() : null;

    /// <summary>The parameter list of a method: name to accepted type expressions ("Integer", "Array of BotCommand").</summary>
    public IReadOnlyDictionary<string, string[]> Fields(string method) =>
        (_methods[method]["fields"]?.AsArray() ?? []).ToDictionary(
            f => f!["name"]!.GetValue<string>(),
            f => f!["types"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());

    /// <summary>The schema of a method's parameters.</summary>
    public JsonSchema MethodSchema(string method) => Schema.Definitions[MethodKey(CanonicalMethod(method)!)];

    /// <summary>The schema of a type ("Update").</summary>
    public JsonSchema TypeSchema(string type) => Schema.Definitions[type];

    private static string MethodKey(string method) => "method-" + method;

    private static JsonObject TypeSchema(string name, JsonObject type)
    {
        if (name == "InputFile") return new JsonObject { ["type"] = "string" };
        if (type["subtypes"] is JsonArray subtypes)
            return new JsonObject { ["anyOf"] = new JsonArray([.. subtypes.Select(s => (JsonNode)Expression(s!.GetValue<string>(), null))]) };
        return ObjectSchema(type["fields"]?.AsArray());
    }

    private static JsonObject ObjectSchema(JsonArray? fields)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in fields ?? [])
        {
            var name = field!["name"]!.GetValue<string>();
            var types = field["types"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
            var description = field["description"]?.GetValue<string>() ?? "";
            properties[name] = types.Count == 1
                ? Expression(types[0], Discriminator(name, description))
                : new JsonObject { ["anyOf"] = new JsonArray([.. types.Select(t => (JsonNode)Expression(t, null))]) };
            if (field["required"]?.GetValue<bool>() == true) required.Add(name);
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Count > 0) schema["required"] = required;
        return schema;
    }

    private static JsonObject Expression(string type, string? constant)
    {
        const string arrayOf = "Array of ";
        if (type.StartsWith(arrayOf, StringComparison.Ordinal))
            return new JsonObject { ["type"] = "array", ["items"] = Expression(type[arrayOf.Length..], null) };
        return type switch
        {
            "Integer" => new JsonObject { ["type"] = "integer" },
            "Float" => new JsonObject { ["type"] = "number" },
            "Boolean" => new JsonObject { ["type"] = "boolean" },
            "String" when constant is not null => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(constant) },
            "String" => new JsonObject { ["type"] = "string" },
            _ => new JsonObject { ["$ref"] = "#/definitions/" + type },
        };
    }

    /// <summary>The fixed value of a subtype's discriminator ("Type of the result, must be article").</summary>
    private static string? Discriminator(string field, string description)
    {
        if (field is not ("type" or "source" or "status")) return null;
        var match = DiscriminatorPattern().Match(description);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:must be|always) [“""]?([a-z_]+)")]
    private static partial Regex DiscriminatorPattern();

    /// <summary>Parses JSON text into a node, for tests.</summary>
    public static JsonNode Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false })!;
}
