using System.Text.Json.Nodes;

namespace ChatBot.Storage.Tests.Spec;

/// <summary>
/// Checks that every property of a JSON value is one the schema declares, recursively. A value is checked against
/// the union of the branches of its schema (<c>anyOf</c>, <c>oneOf</c>, <c>allOf</c>, <c>$ref</c>): a name is accepted
/// when some object branch declares it or allows additional properties, and its value is then checked against the
/// union of those branches' schemas for it. Catches misspelled fields, which schema validation lets through.
/// </summary>
internal sealed class DeclaredPropertyChecker(JsonObject definitions)
{
    public void Check(JsonNode? value, JsonObject schema, string path, List<string> errors, string what) =>
        Check(value, [schema], path, errors, what);

    private void Check(JsonNode? value, List<JsonObject> schemas, string path, List<string> errors, string what)
    {
        var leaves = new List<JsonObject>();
        foreach (var schema in schemas) Expand(schema, leaves, 0);
        if (leaves.Count == 0 || leaves.Any(IsUnconstrained)) return;

        switch (value)
        {
            case JsonObject obj:
                var objectLeaves = leaves.Where(IsObjectSchema).ToList();
                if (objectLeaves.Count == 0) return;
                foreach (var (name, child) in obj)
                {
                    var candidates = new List<JsonObject>();
                    bool free = false;
                    foreach (var leaf in objectLeaves)
                    {
                        if (leaf["properties"]?[name] is JsonObject declared) candidates.Add(declared);
                        else if (leaf["additionalProperties"] is JsonObject extra) candidates.Add(extra);
                        else if (leaf["additionalProperties"] is JsonValue allowed && allowed.GetValue<bool>()) free = true;
                        else if (leaf["properties"] is null && leaf["additionalProperties"] is null) free = true;
                    }

                    if (candidates.Count == 0 && !free)
                        errors.Add($"{what}: unknown property '{name}' at {path} (declared: {string.Join(", ", objectLeaves.SelectMany(l => l["properties"]?.AsObject().Select(p => p.Key) ?? []).Distinct())})");
                    else if (!free)
                        Check(child, candidates, $"{path}.{name}", errors, what);
                }

                break;
            case JsonArray array:
                var items = leaves.Select(l => l["items"]).OfType<JsonObject>().ToList();
                if (items.Count == 0) return;
                for (int i = 0; i < array.Count; i++) Check(array[i], items, $"{path}[{i}]", errors, what);
                break;
        }
    }

    private void Expand(JsonObject schema, List<JsonObject> leaves, int depth)
    {
        if (depth > 32) return;
        if (schema["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            if (definitions[name] is JsonObject target) Expand(target, leaves, depth + 1);
            return;
        }

        bool composite = false;
        foreach (var keyword in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema[keyword] is not JsonArray branches) continue;
            composite = true;
            foreach (var branch in branches.OfType<JsonObject>()) Expand(branch, leaves, depth + 1);
        }

        if (!composite || schema["properties"] is not null) leaves.Add(schema);
    }

    private static bool IsObjectSchema(JsonObject schema) =>
        schema["properties"] is not null || schema["additionalProperties"] is not null || (schema["type"] as JsonValue)?.GetValue<string>() == "object";

    /// <summary>A schema that says nothing about the value's shape (no type, properties, items, enum or composition).</summary>
    private static bool IsUnconstrained(JsonObject schema) =>
        !schema.Any(kv => kv.Key is "type" or "properties" or "additionalProperties" or "items" or "enum" or "$ref" or "anyOf" or "oneOf" or "allOf");
}
