using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Recipes;

namespace Workbench.Platform.Recipes;

/// <summary>
/// Reads <c>*.recipe.json</c> files in Orchard Core's shape. Values may use Orchard's expressions
/// <c>[js:variables('name')]</c> and <c>[js:configuration('Section:Key')]</c> or <c>[js:configuration('Section:Key', 'default')]</c>
/// (only these two: no script engine runs).
/// A <c>recipes</c> step is expanded in place, so the whole tree validates and runs as one unit.
/// </summary>
public sealed partial class RecipeLoader(RecipeFolder folder, IConfiguration configuration)
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false };

    public RecipeLoadResult LoadFile(string path) =>
        File.Exists(path)
            ? Parse(File.ReadAllText(path), Path.GetFileName(path), [])
            : RecipeLoadResult.Fail(new RecipeError(-1, "", "$", $"Recepte nav atrasta: {path}"));

    public RecipeLoadResult LoadByName(string name) =>
        folder.Find(name) is { } path
            ? Parse(File.ReadAllText(path), Path.GetFileName(path), [])
            : RecipeLoadResult.Fail(new RecipeError(-1, "", "$", $"Recepte \"{name}\" nav atrasta mapē {folder.Path}."));

    public RecipeLoadResult Parse(string json, string source) => Parse(json, source, []);

    private RecipeLoadResult Parse(string json, string source, IReadOnlyList<string> including)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, NodeOptions, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return RecipeLoadResult.Fail(new RecipeError(-1, "", ex.Path ?? "$", ex.LineNumber is null
                ? $"{source}: nederīgs JSON: {ex.Message}"
                : $"{source}: nederīgs JSON {ex.LineNumber + 1}. rindā, {ex.BytePositionInLine + 1}. pozīcijā: {ex.Message}"));
        }
        if (JsonInput.FindProblem(root) is { } problem)
            return RecipeLoadResult.Fail(new RecipeError(-1, "", "$", $"{source}: {problem}"));
        var errors = new List<RecipeError>();
        if (root is not JsonObject recipe)
            return RecipeLoadResult.Fail(new RecipeError(-1, "", "$", $"{source}: receptei jābūt JSON objektam."));
        var name = recipe["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new RecipeError(-1, "", "$.name", $"{source}: trūkst \"name\"."));
        if (recipe["steps"] is not JsonArray steps)
            return RecipeLoadResult.Fail([.. errors, new RecipeError(-1, "", "$.steps", $"{source}: trūkst masīva \"steps\".")]);
        if (name is not null && including.Contains(name))
            return RecipeLoadResult.Fail(new RecipeError(-1, "recipes", "$", $"Recepšu cikls: {string.Join(" → ", including.Append(name))}"));

        var variables = recipe["variables"] as JsonObject ?? [];
        var entries = new List<RecipeStepEntry>();
        for (var i = 0; i < steps.Count; i++)
        {
            var origin = including.Count == 0 ? $"$.steps[{i}]" : $"{source} $.steps[{i}]";
            if (steps[i] is not JsonObject step || step["name"] is not JsonValue stepName || !stepName.TryGetValue<string>(out var stepNameText))
            {
                errors.Add(new RecipeError(i, "", origin, "Katram solim jābūt objektam ar \"name\"."));
                continue;
            }
            var substituted = Substitute(step.DeepClone(), variables, origin, i, stepNameText, errors)!.AsObject();
            if (!string.Equals(stepNameText, "recipes", StringComparison.OrdinalIgnoreCase))
            {
                entries.Add(new RecipeStepEntry(origin, substituted));
                continue;
            }
            var values = substituted["values"] as JsonArray ?? [];
            for (var v = 0; v < values.Count; v++)
            {
                var included = (values[v] as JsonObject)?["name"]?.GetValue<string>();
                var path = folder.Find(included ?? "");
                if (path is null)
                {
                    errors.Add(new RecipeError(i, "recipes", $"{origin}.values[{v}].name", $"Recepte \"{included}\" nav atrasta."));
                    continue;
                }
                var inner = Parse(File.ReadAllText(path), Path.GetFileName(path), [.. including, name ?? source]);
                errors.AddRange(inner.Errors.Select(e => e with { StepIndex = i, Path = $"{origin}.values[{v}] → {e.Path}" }));
                if (inner.Recipe is { } r) entries.AddRange(r.Steps.Select(s => s with { Origin = $"{origin}.values[{v}] → {s.Origin}" }));
            }
        }
        if (errors.Count > 0) return RecipeLoadResult.Fail([.. errors]);
        return new RecipeLoadResult(new RecipeDocument(name!, (string?)recipe["displayName"] ?? name!, (string?)recipe["description"] ?? "", source, entries), []);
    }

    private JsonNode? Substitute(JsonNode? node, JsonObject variables, string path, int index, string stepName, List<RecipeError> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                    obj[key] = Substitute(value?.DeepClone(), variables, $"{path}.{key}", index, stepName, errors);
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    array[i] = Substitute(array[i]?.DeepClone(), variables, $"{path}[{i}]", index, stepName, errors);
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("[js:", StringComparison.Ordinal):
                var whole = Expression().Match(text);
                if (whole.Success && whole.Length == text.Length) return Resolve(whole, variables, path, index, stepName, errors);
                return JsonValue.Create(Expression().Replace(text, m => Resolve(m, variables, path, index, stepName, errors)?.ToString() ?? ""));
            default:
                return node;
        }
    }

    private JsonNode? Resolve(Match match, JsonObject variables, string path, int index, string stepName, List<RecipeError> errors)
    {
        var (kind, key) = (match.Groups["kind"].Value, match.Groups["key"].Value);
        if (kind == "variables")
        {
            if (variables.TryGetPropertyValue(key, out var value)) return value?.DeepClone();
            errors.Add(new RecipeError(index, stepName, path, $"Nezināms mainīgais \"{key}\"."));
            return null;
        }
        var configured = configuration[key] ?? (match.Groups["default"].Success ? match.Groups["default"].Value : null);
        if (configured is not null) return JsonValue.Create(configured);
        errors.Add(new RecipeError(index, stepName, path, $"Konfigurācijā nav \"{key}\"."));
        return null;
    }

    [GeneratedRegex(@"\[js:\s*(?<kind>variables|configuration)\('(?<key>[^']+)'(\s*,\s*'(?<default>[^']*)')?\)\s*\]")]
    private static partial Regex Expression();
}

public sealed record RecipeLoadResult(RecipeDocument? Recipe, IReadOnlyList<RecipeError> Errors)
{
    public bool IsValid => Recipe is not null && Errors.Count == 0;
    public static RecipeLoadResult Fail(params RecipeError[] errors) => new(null, errors);
}

/// <summary>The folder of recipe files, indexed by each recipe's <c>name</c>.</summary>
public sealed class RecipeFolder(string path)
{
    public string Path { get; } = path;

    public IReadOnlyList<(string Name, string File)> List()
    {
        if (!Directory.Exists(Path)) return [];
        var result = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(Path, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (doc.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                    result.Add((name.GetString()!, file));
            }
            catch (JsonException)
            {
                // A broken file is reported when someone runs it; it is simply not listed by name.
            }
        }
        return result;
    }

    public string? Find(string name) => List().Where(r => r.Name == name).Select(r => r.File).FirstOrDefault();
}
