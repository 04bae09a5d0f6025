using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.CivilProtection.Data;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Recipes;

/// <summary>
/// <c>{"name": "civil-protection", "types": [ResourceTypeInput…], "resources": [ResourceInput…], "shelters": [ShelterInput…],
/// "scenarios": [ScenarioInput… with routes naming their gathering point by "toShelter" (its name)]}</c> — the create-API
/// JSON. Types are matched by code, resources, shelters and scenarios by name, so running the recipe again changes them
/// in place instead of adding copies.
/// </summary>
public sealed class CivilProtectionStep : IRecipeStepHandler
{
    public string StepName => "civil-protection";
    public string? RequiredFeature => CivilProtectionManifest.Feature;

    public async Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        if (context.Read<Model>() is not { } model) return;
        var db = context.Services.GetRequiredService<CivilProtectionDbContext>();
        var codes = (await db.Types.AsNoTracking().Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var (type, i) in (model.Types ?? []).Select((t, i) => (t, i)))
        {
            if (type is null) { context.Error($"$.types[{i}]", "Tips nav norādīts."); continue; }
            Report(context, $"$.types[{i}]", Validation.Check(type));
            if (type.Code is { } code) codes.Add(code);
        }
        foreach (var (resource, i) in (model.Resources ?? []).Select((r, i) => (r, i)))
        {
            if (resource is null) context.Error($"$.resources[{i}]", "Resurss nav norādīts.");
            else Report(context, $"$.resources[{i}]", Validation.Check(resource, codes));
        }
        var shelters = (await db.Shelters.AsNoTracking().Select(s => s.Name).ToListAsync(ct)).ToDictionary(n => n, _ => Guid.NewGuid(), StringComparer.Ordinal);
        foreach (var (shelter, i) in (model.Shelters ?? []).Select((s, i) => (s, i)))
        {
            if (shelter is null) { context.Error($"$.shelters[{i}]", "Vieta nav norādīta."); continue; }
            Report(context, $"$.shelters[{i}]", Validation.Check(shelter));
            if (shelter.Name is { } name) shelters.TryAdd(name.Trim(), Guid.NewGuid());
        }
        foreach (var (scenario, i) in (model.Scenarios ?? []).Select((s, i) => (s, i)))
        {
            if (scenario is null) { context.Error($"$.scenarios[{i}]", "Scenārijs nav norādīts."); continue; }
            foreach (var (route, r) in (scenario.Routes ?? []).Select((x, r) => (x, r)))
                if (route is not null && (route.ToShelter is null || !shelters.ContainsKey(route.ToShelter)))
                    context.Error($"$.scenarios[{i}].routes[{r}].toShelter", $"Nav patvertnes vai pulcēšanās vietas \"{route.ToShelter}\".");
            var errors = Validation.Check(scenario.ToInput(name => shelters.GetValueOrDefault(name ?? "")), codes, shelters.Values.ToHashSet());
            foreach (var (field, message) in errors.Entries.Where(e => !e.Field.EndsWith(".toShelterId", StringComparison.Ordinal)))
                context.Error($"$.scenarios[{i}].{field}", message);
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var model = context.Read<Model>()!;
        var db = context.Services.GetRequiredService<CivilProtectionDbContext>();
        var register = context.Services.GetRequiredService<RegisterService>();
        var scenarios = context.Services.GetRequiredService<ScenarioService>();
        foreach (var type in model.Types ?? []) await register.SaveTypeAsync(type!, ct);
        foreach (var resource in model.Resources ?? [])
        {
            var existing = await db.Resources.AsNoTracking().Where(r => r.Name == resource!.Name!.Trim()).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id) await register.UpdateResourceAsync(id, resource! with { Availability = null }, ct);
            else await register.CreateResourceAsync(resource!, ct);
        }
        foreach (var shelter in model.Shelters ?? [])
        {
            var existing = await db.Shelters.AsNoTracking().Where(s => s.Name == shelter!.Name!.Trim()).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            await register.SaveShelterAsync(existing, shelter!, ct);
        }
        var shelterIds = await db.Shelters.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, ct);
        foreach (var scenario in model.Scenarios ?? [])
        {
            var input = scenario!.ToInput(name => shelterIds.GetValueOrDefault(name ?? ""));
            var existing = await db.Scenarios.AsNoTracking().Where(s => s.Name == input.Name!.Trim()).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            var saved = existing is { } id ? await scenarios.UpdateAsync(id, input, ct) : await scenarios.CreateAsync(input, ct);
            if (scenario.AlertingListConfirmed) await scenarios.ConfirmAlertingListAsync(saved.Id, ct);
        }
    }

    private static void Report(RecipeStepContext context, string at, Workbench.Abstractions.Validation.ValidationErrors errors)
    {
        foreach (var (field, message) in errors.Entries) context.Error($"{at}.{field}", message);
    }

    private sealed record Model(List<ResourceTypeInput?>? Types, List<ResourceInput?>? Resources, List<ShelterInput?>? Shelters, List<ScenarioItem?>? Scenarios);

    private sealed record RouteItem(string? Name, string? FromArea, string? ToShelter, int? CapacityNeeded, List<GeoPoint?>? Waypoints);

    /// <param name="AlertingListConfirmed">The list was confirmed as current when the recipe runs.</param>
    private sealed record ScenarioItem(
        string? Name, ScenarioType? Type, string? Description, string? Instruction, List<AreaInput?>? Areas, List<RequirementInput?>? Requirements,
        List<ResponsibleInput?>? Responsible, List<AlertingInput?>? AlertingList, List<RouteItem?>? Routes, bool AlertingListConfirmed = false, bool ConfirmOutsideLatvia = false)
    {
        public ScenarioInput ToInput(Func<string?, Guid> shelter) =>
            new(Name, Type, Description, Instruction, Areas, Requirements, Responsible, AlertingList,
                Routes?.Select(r => r is null ? null : new RouteInput(r.Name, r.FromArea, shelter(r.ToShelter) is var id && id != Guid.Empty ? id : null, r.CapacityNeeded, r.Waypoints)).ToList(),
                ConfirmOutsideLatvia);
    }
}
