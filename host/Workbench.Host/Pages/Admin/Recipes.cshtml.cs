using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform;
using Workbench.Platform.Data;
using Workbench.Platform.Recipes;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.RunRecipes)]
[RequiresFeature(PlatformManifest.Admin)]
public sealed class RecipesModel(RecipeFolder folder, RecipeLoader loader, RecipeRunner runner, PlatformDbContext db) : AdminPageModel
{
    public IReadOnlyList<string> Available => folder.List().Select(r => r.Name).ToList();
    public List<RecipeRun> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Runs = await db.RecipeRuns.AsNoTracking().OrderByDescending(r => r.StartedUtc).Take(50).ToListAsync(ct);

    public Task<IActionResult> OnPostAsync(string name, CancellationToken ct) => RunAsync(loader.LoadByName(name), ct);

    public Task<IActionResult> OnPostJsonAsync(string json, CancellationToken ct) => RunAsync(loader.Parse(json, "form"), ct);

    private async Task<IActionResult> RunAsync(RecipeLoadResult loaded, CancellationToken ct)
    {
        if (!loaded.IsValid) return Done(string.Join(" ", loaded.Errors), error: true);
        var result = await runner.RunAsync(loaded.Recipe!, ct);
        return result.Succeeded ? Done($"Recepte \"{loaded.Recipe!.Name}\" izpildīta.") : Done(string.Join(" ", result.Errors), error: true);
    }
}
