using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Validation;
using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Recipes;

/// <summary>
/// <c>{"name": "benefits", "groups": [GroupInput…], "reliefs": [ReliefInput… with optional "versions": [later ReliefInput…]],
/// "providers": [ProviderInput…], "demoPeople": {"count": 2000, "seed": 15}}</c> — the create-API JSON, plus status records
/// of generated fictitious people (<see cref="DemoPeople"/>) for demos. Groups are matched by code (a changed one becomes its next
/// version), providers by name (changed in place); a relief that exists by code is left as it is, so running the recipe
/// again adds nothing.
/// </summary>
public sealed class BenefitsStep : IRecipeStepHandler
{
    public string StepName => "benefits";
    public string? RequiredFeature => BenefitsManifest.Feature;

    public async Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        if (context.Read<Model>() is not { } model) return;
        var catalogue = context.Services.GetRequiredService<CatalogueService>();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, i) in (model.Groups ?? []).Select((g, i) => (g, i)))
        {
            if (group is null) { context.Error($"$.groups[{i}]", "Grupa nav norādīta."); continue; }
            Report(context, $"$.groups[{i}]", CatalogueValidation.Check(group, out _));
            if (group.Code is { } code) groups.Add(code.Trim());
        }
        foreach (var (relief, i) in (model.Reliefs ?? []).Select((r, i) => (r, i)))
        {
            if (relief is null) { context.Error($"$.reliefs[{i}]", "Atvieglojums nav norādīts."); continue; }
            var exists = relief.Code is { } code && await catalogue.FindAsync(code.Trim(), ct) is not null;
            if (exists) continue;
            Report(context, $"$.reliefs[{i}]", await catalogue.ValidateAsync(relief.ToInput(), isNew: true, ct, groups));
            var from = relief.ValidFrom;
            foreach (var (version, v) in (relief.Versions ?? []).Select((x, v) => (x, v)))
            {
                if (version is null) { context.Error($"$.reliefs[{i}].versions[{v}]", "Versija nav norādīta."); continue; }
                Report(context, $"$.reliefs[{i}].versions[{v}]", await catalogue.ValidateAsync(version, isNew: false, ct, groups));
                if (version.ValidFrom <= from) context.Error($"$.reliefs[{i}].versions[{v}].validFrom", "Versija pārklājas ar iepriekšējo: jaunai versijai jāsākas vēlāk.");
                from = version.ValidFrom;
            }
        }
        var providers = context.Services.GetRequiredService<ProviderService>();
        var reliefs = (model.Reliefs ?? []).Select(r => r?.Code?.Trim()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (provider, i) in (model.Providers ?? []).Select((p, i) => (p, i)))
        {
            if (provider is null) context.Error($"$.providers[{i}]", "Piemērotājs nav norādīts.");
            else Report(context, $"$.providers[{i}]", await providers.ValidateAsync(provider, ct, reliefs));
        }
        if (model.DemoPeople is { Count: < 0 or > 200_000 }) context.Error("$.demoPeople.count", "Izdomāto personu skaitam jābūt no 0 līdz 200000.");
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var model = context.Read<Model>()!;
        var catalogue = context.Services.GetRequiredService<CatalogueService>();
        foreach (var group in model.Groups ?? [])
        {
            CatalogueValidation.Check(group!, out var rule);
            await catalogue.SaveGroupAsync(group!, rule!, ct);
        }
        foreach (var item in model.Reliefs ?? [])
        {
            if (await catalogue.FindAsync(item!.Code!.Trim(), ct) is not null) continue;
            var relief = await catalogue.CreateAsync(item.ToInput(), ct);
            foreach (var version in item.Versions ?? []) await catalogue.AddVersionAsync(relief.Id, version!, ct);
        }
        var providers = context.Services.GetRequiredService<ProviderService>();
        var existing = (await providers.ListAsync(ct)).ToDictionary(p => p.Name, p => p.Id, StringComparer.Ordinal);
        foreach (var provider in model.Providers ?? [])
            await providers.SaveAsync(existing.TryGetValue(provider!.Name!.Trim(), out var id) ? id : null, provider, ct);
        if (model.DemoPeople is { Count: > 0 } people)
            await context.Services.GetRequiredService<StatusRecords>().ImportAsync(DemoPeople.StatusRecords(people.Count, people.Seed, catalogue.Today), ct);
    }

    private static void Report(RecipeStepContext context, string at, ValidationErrors errors)
    {
        foreach (var (field, message) in errors.Entries) context.Error($"{at}.{field}", message);
    }

    private sealed record Model(List<GroupInput?>? Groups, List<ReliefItem?>? Reliefs, List<ProviderInput?>? Providers, DemoPeopleItem? DemoPeople);

    private sealed record DemoPeopleItem(int Count, int Seed = 15);

    private sealed record ReliefItem(
        string? Code, string? Name, string? Grantor, ReliefKind? Kind, ReliefScope? AppliesTo, decimal? Percent, decimal? Amount, decimal? Cap, CapPeriod? CapPeriod,
        List<string?>? Groups, string? LegalBasis, string? LegalBasisUrl, List<string?>? IdentifiedBy, string? Description, DateOnly? ValidFrom, DateOnly? ValidTo,
        List<ReliefInput?>? Versions)
    {
        public ReliefInput ToInput() => new(Code, Name, Grantor, Kind, AppliesTo, Percent, Amount, Cap, CapPeriod, Groups, LegalBasis, LegalBasisUrl, IdentifiedBy, Description, ValidFrom, ValidTo);
    }
}
