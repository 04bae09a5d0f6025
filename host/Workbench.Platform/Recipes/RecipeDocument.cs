using System.Text.Json.Nodes;

namespace Workbench.Platform.Recipes;

/// <summary>A parsed recipe with its included recipes expanded and its variables substituted.</summary>
public sealed record RecipeDocument(string Name, string DisplayName, string Description, string Source, IReadOnlyList<RecipeStepEntry> Steps);

/// <param name="Origin">JSON path of the step, prefixed by the including step for steps of included recipes.</param>
public sealed record RecipeStepEntry(string Origin, JsonObject Step);
