using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Platform.Modules;
using Workbench.Platform.Security;

namespace Workbench.Platform.Recipes.Steps;

/// <summary><c>{"name": "roles", "items": [{"name": "Editor", "description": "…", "permissions": ["…"]}]}</c> (Orchard's <c>Roles</c> array is accepted too).</summary>
public sealed class RolesStep : IRecipeStepHandler
{
    public string StepName => "roles";
    public string? RequiredFeature => null;

    public Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var state = context.Services.GetRequiredService<RecipeRunState>();
        var known = context.Services.GetRequiredService<ModuleCatalog>().Permissions.Select(p => p.Name).ToHashSet();
        foreach (var (index, role) in context.ReadItems<RoleItem>("Roles"))
        {
            if (!RoleService.IsValidName(role.Name))
                context.Error($"$.items[{index}].name", "Lomas nosaukums: 2–64 burti, cipari, atstarpes, '-' vai '_'.");
            foreach (var (permission, p) in (role.Permissions ?? []).Select((x, i) => (x, i)))
                if (!known.Contains(permission))
                    context.Error($"$.items[{index}].permissions[{p}]", $"Nezināma atļauja \"{permission}\".");
            state.Roles.Add(role.Name);
        }
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var roles = context.Services.GetRequiredService<RoleService>();
        foreach (var (_, role) in context.ReadItems<RoleItem>("Roles"))
            await roles.SaveAsync(role.Name, role.Description ?? "", role.Permissions ?? [], ct);
    }

    public sealed record RoleItem(string Name, string? Description, IReadOnlyList<string>? Permissions);
}
