using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Search;
using Workbench.CivilProtection.Data;

namespace Workbench.CivilProtection.Search;

/// <summary>
/// Resources, shelters and scenarios in the shared index, open only to <c>ViewCivilProtection</c> — so nobody else finds,
/// counts or sees a facet of them. A public shelter or gathering point is also open to everyone (name, address, capacity,
/// what to bring), pointing at the public page. Alerting lists are never indexed.
/// </summary>
public sealed class CivilProtectionSearchSource(CivilProtectionDbContext db, ISearchIndex index) : ISearchSource
{
    public const string ResourceType = "civil-protection-resource";
    public const string ShelterType = "civil-protection-shelter";
    public const string ScenarioType = "civil-protection-scenario";
    private static readonly string[] Restricted = [SearchAccess.Permission(CivilProtectionManifest.ViewCivilProtection)];

    public string Feature => CivilProtectionManifest.Feature;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var id in await db.Resources.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken))
            if (await ResourceAsync(id, cancellationToken) is { } document) yield return document;
        foreach (var id in await db.Shelters.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken))
            if (await ShelterAsync(id, cancellationToken) is { } document) yield return document;
        foreach (var id in await db.Scenarios.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken))
            if (await ScenarioAsync(id, cancellationToken) is { } document) yield return document;
    }

    public async Task IndexResourceAsync(Guid id, CancellationToken ct)
    {
        if (await ResourceAsync(id, ct) is { } document) await index.IndexAsync(document, ct);
    }

    public async Task IndexShelterAsync(Guid id, CancellationToken ct)
    {
        if (await ShelterAsync(id, ct) is { } document) await index.IndexAsync(document, ct);
    }

    public async Task IndexScenarioAsync(Guid id, CancellationToken ct)
    {
        if (await ScenarioAsync(id, ct) is { } document) await index.IndexAsync(document, ct);
    }

    private async Task<SearchDocument?> ResourceAsync(Guid id, CancellationToken ct)
    {
        var found = await (from r in db.Resources.AsNoTracking()
                           join t in db.Types.AsNoTracking() on r.TypeId equals t.Id
                           where r.Id == id
                           select new { r, t }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var text = string.Join('\n', new[] { found.t.Name, found.t.Kind, found.t.Code, found.r.Owner, found.r.ContactName, found.r.Address, found.r.Availability.ToString() }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument(Feature, ResourceType, id.ToString(), found.r.Name, text, $"admin/civil-protection/resources/{id}", Restricted);
    }

    private async Task<SearchDocument?> ShelterAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Shelters.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        if (s.IsPublic)
            return new SearchDocument(Feature, ShelterType, id.ToString(), s.Name, string.Join('\n', s.Address, $"{s.Capacity}", s.WhatToBring ?? ""), $"shelters#s-{id:N}",
                [SearchAccess.Public, .. Restricted]);
        var text = string.Join('\n', new[] { s.Address, s.ResponsibleName, s.OpeningProcedure, s.WhatToBring }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument(Feature, ShelterType, id.ToString(), s.Name, text, $"admin/civil-protection/shelters/{id}", Restricted);
    }

    private async Task<SearchDocument?> ScenarioAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var areas = await db.Areas.AsNoTracking().Where(a => a.ScenarioId == id).Select(a => a.Name).ToListAsync(ct);
        var text = string.Join('\n', new[] { s.Description, s.Instruction }.Concat(areas).Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument(Feature, ScenarioType, id.ToString(), s.Name, text, $"admin/civil-protection/scenarios/{id}", Restricted);
    }
}
