using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbench.Tests.Batteries;

/// <summary>One operation of the host's OpenAPI document: method, tenant-relative path template, JSON body schema and the statuses it declares.</summary>
public sealed record ApiOperation(string Method, string Path, JsonElement? BodySchema, IReadOnlySet<string> Responses, IReadOnlyList<string> SuccessWithoutContent)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>The document names this status among the operation's responses: the contract a client is written against.</summary>
    public bool Declares(int status) => Responses.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) || Responses.Contains($"{status / 100}XX");

    public IEnumerable<string> PathParameters =>
        Path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]);

    /// <summary>Uploads read their multipart form themselves, so OpenAPI shows no body for them.</summary>
    public bool IsUpload => Method == "POST" && Path.EndsWith("/attachments", StringComparison.Ordinal);
}

/// <summary>Reads <c>/openapi/v1.json</c> and makes request bodies from its schemas: a plausible one, and variants of it.</summary>
public sealed class OpenApiOperations
{
    private readonly JsonElement _schemas;
    public IReadOnlyList<ApiOperation> All { get; }

    public OpenApiOperations(JsonDocument document)
    {
        var root = document.RootElement;
        _schemas = root.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemas) ? schemas : default;
        var operations = new List<ApiOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var request) && request.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var schema) ? schema : null;
                var declared = operation.Value.TryGetProperty("responses", out var list) ? list.EnumerateObject().ToList() : [];
                // A read's 200 carries something (a record, a file, a page) and says what.
                var bare = declared.Where(r => operation.Name == "get" && r.Name == "200" && !(r.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any())).Select(r => r.Name).ToList();
                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, body, declared.Select(r => r.Name).ToHashSet(), bare));
            }
        All = operations;
    }

    /// <summary>The schema with its <c>$ref</c> followed.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
            schema = _schemas.GetProperty(reference.GetString()!.Split('/').Last());
        return schema;
    }

    /// <summary>The first type of a schema that is not <c>null</c> (OpenAPI 3.1 lists several for nullable and numbers-as-strings).</summary>
    public static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return schema.TryGetProperty("properties", out _) ? "object" : null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        var types = type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToList();
        return types.FirstOrDefault(t => t != "string") ?? types.FirstOrDefault();
    }

    public IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => (p.Name, Resolve(p.Value)))
            : [];
    }

    /// <summary>A body that matches the schema; <paramref name="text"/> chooses every string's value.</summary>
    public JsonNode? Plausible(JsonElement schema, Func<JsonElement, string>? text = null, int depth = 0)
    {
        schema = Resolve(schema);
        if (depth > 6) return null;
        if (schema.TryGetProperty("enum", out var values))
            return JsonValue.Create(values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).ToString());
        switch (TypeOf(schema))
        {
            case "object":
                var obj = new JsonObject();
                foreach (var (name, property) in Properties(schema)) obj[name] = Plausible(property, text, depth + 1);
                if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
                    obj["key"] = Plausible(additional, text, depth + 1);
                return obj;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(Plausible(items, text, depth + 1)) : new JsonArray();
            case "integer": return JsonValue.Create(1);
            case "number": return JsonValue.Create(1.5);
            case "boolean": return JsonValue.Create(true);
            case "string":
                if (text is not null) return JsonValue.Create(text(schema));
                return JsonValue.Create(Format(schema) switch
                {
                    "date" => "2026-12-24",
                    "date-time" => "2026-12-24T10:00:00Z",
                    "uuid" => Guid.NewGuid().ToString(),
                    "email" => "battery@example.lv",
                    "uri" => "https://example.lv/",
                    _ => "Pārbaude",
                });
            default: return JsonValue.Create("Pārbaude");
        }
    }

    public static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var format) ? format.GetString() : null;
}
