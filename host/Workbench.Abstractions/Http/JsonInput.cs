using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Workbench.Abstractions.Http;

/// <summary>
/// The rules for JSON that arrives from outside (API bodies, recipes, workflow variables), in one place: a key may appear
/// once, an enum value must be one the enum defines, and every string must be valid text (no lone surrogate escapes).
/// </summary>
public static class JsonInput
{
    /// <summary>Adds the rules to serializer options (API bodies and recipe steps).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new DefinedEnumConverter());
        options.Converters.Add(new CheckedNodeConverter<JsonObject>());
        options.Converters.Add(new CheckedNodeConverter<JsonNode>());
        return options;
    }

    /// <summary>
    /// The first problem in a parsed tree — a string that is not valid text, or a key given twice (also in another
    /// letter case where keys are case-insensitive) — as "path: reason", or null when there is none.
    /// </summary>
    public static string? FindProblem(JsonNode? node)
    {
        try
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                        if (FindProblem(child) is { } problem) return problem;
                    return null;
                case JsonArray array:
                    foreach (var child in array)
                        if (FindProblem(child) is { } problem) return problem;
                    return null;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    _ = value.GetValue<string>();
                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return $"{node!.GetPath()}: teksts nav derīgs";
        }
        catch (ArgumentException)
        {
            return $"{node!.GetPath()}: kāda atslēga atkārtojas";
        }
    }
}

/// <summary>Enums as their names (or numbers), refusing values the enum does not define (<c>"kind": -1</c>).</summary>
public sealed class DefinedEnumConverter : JsonConverterFactory
{
    private static readonly JsonStringEnumConverter Names = new();

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Checked<>).MakeGenericType(typeToConvert), Names.CreateConverter(typeToConvert, options))!;

    private sealed class Checked<T>(JsonConverter inner) : JsonConverter<T> where T : struct, Enum
    {
        private readonly JsonConverter<T> _inner = (JsonConverter<T>)inner;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = _inner.Read(ref reader, typeToConvert, options);
            return Enum.IsDefined(value) ? value
                : throw new JsonException($"Nezināma vērtība {value}; der {string.Join(", ", Enum.GetNames<T>())}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.Write(writer, value, options);
    }
}

/// <summary>
/// Free-form JSON (custom fields, workflow variables) checked as it is read: the serializer would otherwise read its
/// strings only when they are used, too late for a clear 400.
/// </summary>
public sealed class CheckedNodeConverter<T> : JsonConverter<T> where T : JsonNode
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader, new JsonNodeOptions { PropertyNameCaseInsensitive = options.PropertyNameCaseInsensitive });
        if (JsonInput.FindProblem(node) is { } problem) throw new JsonException(problem);
        return node as T ?? throw new JsonException($"Gaidīts {typeof(T).Name} (expected a JSON {(typeof(T) == typeof(JsonObject) ? "object" : "value")}).");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => value.WriteTo(writer, options);
}
