using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Workbench.Abstractions.Recipes;

/// <summary>
/// Handles one recipe step name (Orchard Core's shape: <c>{"name": "notices", "items": [...]}</c>).
/// A recipe first validates every step, then executes all of them in one transaction on the tenant database:
/// a step must not commit on its own, and must treat an item with an existing id as an update.
/// </summary>
public interface IRecipeStepHandler
{
    string StepName { get; }

    /// <summary>The feature that must be enabled (or enabled by an earlier step of the same recipe) for the step to run.</summary>
    string? RequiredFeature { get; }

    /// <summary>Report every problem; <see cref="RecipeStepContext.Error"/> takes a JSON path relative to the step.</summary>
    Task ValidateAsync(RecipeStepContext context, CancellationToken cancellationToken);

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

/// <param name="index">Position of the step in the recipe being run (steps of included recipes are numbered in order).</param>
/// <param name="origin">Where the step comes from, e.g. <c>$.steps[3]</c> or <c>base.recipe.json $.steps[1]</c>.</param>
public sealed class RecipeStepContext(int index, string origin, JsonObject step, IServiceProvider services)
{
    private readonly List<RecipeError> _errors = [];

    public int Index { get; } = index;
    public string Name => (string?)Step["name"] ?? "";
    public JsonObject Step { get; } = step;

    /// <summary>Services of the tenant scope the recipe runs in.</summary>
    public IServiceProvider Services { get; } = services;

    public IReadOnlyList<RecipeError> Errors => _errors;

    /// <param name="path">JSON path inside the step, e.g. <c>$.items[2].title</c>.</param>
    public void Error(string path, string message) =>
        _errors.Add(new RecipeError(Index, Name, origin + path.TrimStart('$'), message));

    /// <summary>The whole step read as <typeparamref name="T"/> (web JSON rules), or null with the error reported.</summary>
    public T? Read<T>() where T : class
    {
        try
        {
            return Step.Deserialize<T>(JsonOptions);
        }
        catch (JsonException ex)
        {
            Error(ex.Path ?? "$", $"Nederīga vērtība: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// The step's <c>items</c> (or, for Orchard Core compatibility, <paramref name="orchardName"/>) read as
    /// <typeparamref name="T"/> with web JSON rules; each unreadable item is reported with its path.
    /// </summary>
    public IReadOnlyList<(int Index, T Item)> ReadItems<T>(string? orchardName = null)
    {
        var node = Step["items"] ?? (orchardName is null ? null : Step[orchardName]);
        if (node is not JsonArray items)
        {
            Error("$.items", "Solim jābūt masīvam \"items\".");
            return [];
        }
        var result = new List<(int, T)>();
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                if (items[i] is JsonObject obj && obj.Deserialize<T>(JsonOptions) is { } item) result.Add((i, item));
                else Error($"$.items[{i}]", "Katram elementam jābūt JSON objektam.");
            }
            catch (JsonException ex)
            {
                Error($"$.items[{i}]{ex.Path?.TrimStart('$')}", $"Nederīga vērtība: {ex.Message}");
            }
        }
        return result;
    }

    /// <summary>The JSON rules of recipes and APIs: camelCase, case-insensitive, enums as (defined) names, each key once.</summary>
    public static readonly JsonSerializerOptions JsonOptions = Http.JsonInput.Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}

public sealed record RecipeError(int StepIndex, string StepName, string Path, string Message)
{
    public override string ToString() => $"step {StepIndex} ({StepName}) at {Path}: {Message}";
}
