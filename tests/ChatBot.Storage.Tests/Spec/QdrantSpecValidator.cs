using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace ChatBot.Storage.Tests.Spec;

/// <summary>
/// Validates JSON bodies against <c>qdrant-openapi.tightened.json</c>: the request body (or 200 response) schema of a
/// path and method, by NJsonSchema (components moved under <c>definitions</c>, refs rewritten), plus a check of
/// every property name against the properties the schema declares (the spec rarely forbids unknown fields, and the
/// server ignores them silently). Loaded once per test run; thread-safe after loading.
/// </summary>
internal sealed class QdrantSpecValidator
{
    private static readonly Lazy<QdrantSpecValidator> s_instance = new(() => Load(SpecFiles.Find(SpecFiles.QdrantTightened)));

    private readonly List<Route> _routes;
    private readonly DeclaredPropertyChecker _properties;

    private QdrantSpecValidator(List<Route> routes, DeclaredPropertyChecker properties)
    {
        _routes = routes;
        _properties = properties;
    }

    public static QdrantSpecValidator Instance => s_instance.Value;

    /// <summary>Violations of the request body schema of <paramref name="method"/> <paramref name="path"/>; empty when valid.</summary>
    public IReadOnlyList<string> ValidateRequest(string method, string path, string body)
    {
        var route = Match(method, path);
        if (route is null) return [$"{method} {path}: no such operation in the Qdrant API description"];
        if (route.Request is null)
            return string.IsNullOrEmpty(body) ? [] : [$"{method} {route.Template}: the operation takes no body, but one was sent"];
        if (string.IsNullOrEmpty(body)) return [$"{method} {route.Template}: the operation needs a body, none was sent"];
        return Validate($"{method} {route.Template} request", route.Request, route.RequestRaw!, body);
    }

    /// <summary>Violations of the 200 response schema (checks the fake server's own answers).</summary>
    public IReadOnlyList<string> ValidateResponse(string method, string path, string body)
    {
        var route = Match(method, path);
        if (route?.Response is null) return [$"{method} {path}: no 200 response schema"];
        return Validate($"{method} {route.Template} response", route.Response, route.ResponseRaw!, body);
    }

    private List<string> Validate(string what, JsonSchema schema, JsonObject raw, string body)
    {
        var errors = new List<string>();
        foreach (var error in schema.Validate(body)) errors.Add($"{what}: {Describe(error)}");
        var node = JsonNode.Parse(body);
        _properties.Check(node, raw, "$", errors, what);
        return errors;
    }

    private static string Describe(NJsonSchema.Validation.ValidationError error)
    {
        var text = $"{error.Kind} at {error.Path ?? "#"}";
        if (error is NJsonSchema.Validation.ChildSchemaValidationError child)
        {
            var inner = child.Errors.SelectMany(e => e.Value).Select(Describe).Take(4);
            text += " [" + string.Join("; ", inner) + "]";
        }

        return text;
    }

    private Route? Match(string method, string path)
    {
        var clean = path.Split('?')[0].TrimEnd('/');
        return _routes.FirstOrDefault(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && r.Pattern.IsMatch(clean));
    }

    private static QdrantSpecValidator Load(string specPath)
    {
        var spec = JsonNode.Parse(File.ReadAllText(specPath))!.AsObject();
        var schemas = spec["components"]!["schemas"]!.AsObject();
        var definitions = new JsonObject();
        foreach (var (name, schema) in schemas) definitions[name] = Rewrite(schema!.DeepClone());

        var pending = new List<(string Method, string Template, string? RequestKey, string? ResponseKey)>();
        int n = 0;
        foreach (var (template, item) in spec["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                string? requestKey = null, responseKey = null;
                if (operation!["requestBody"]?["content"]?["application/json"]?["schema"] is { } request)
                    definitions[requestKey = $"__request_{n}"] = Rewrite(request.DeepClone());
                if (operation["responses"]?["200"]?["content"]?["application/json"]?["schema"] is { } response)
                    definitions[responseKey = $"__response_{n}"] = Rewrite(response.DeepClone());
                pending.Add((method.ToUpperInvariant(), template, requestKey, responseKey));
                n++;
            }
        }

        var document = new JsonObject { ["definitions"] = definitions };
        var root = JsonSchema.FromJsonAsync(document.ToJsonString()).GetAwaiter().GetResult();
        var routes = pending
            .Select(p => new Route(
                p.Method,
                p.Template,
                new Regex("^/?" + Regex.Replace(Regex.Escape(p.Template.TrimStart('/')), @"\\\{[^}]+}", "[^/]+") + "$"),
                p.RequestKey is null ? null : root.Definitions[p.RequestKey],
                p.RequestKey is null ? null : definitions[p.RequestKey]!.AsObject(),
                p.ResponseKey is null ? null : root.Definitions[p.ResponseKey],
                p.ResponseKey is null ? null : definitions[p.ResponseKey]!.AsObject()))
            // Literal paths before templated ones: "/collections/{name}/exists" must not be taken for "/collections/{name}/{x}".
            .OrderBy(r => r.Template.Count(c => c == '{'))
            .ToList();
        return new QdrantSpecValidator(routes, new DeclaredPropertyChecker(definitions));
    }

    private static JsonNode Rewrite(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(kv => kv.Key).ToList())
                {
                    if (key == "$ref" && obj[key] is JsonValue v && v.GetValue<string>() is { } target)
                        obj[key] = target.Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
                    else if (obj[key] is { } child)
                        Rewrite(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                    if (child is not null) Rewrite(child);
                break;
        }

        return node;
    }

    private sealed record Route(string Method, string Template, Regex Pattern, JsonSchema? Request, JsonObject? RequestRaw, JsonSchema? Response, JsonObject? ResponseRaw);
}
