using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Search;
using Workbench.Cemetery.Data;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Search;

/// <summary>
/// Cemeteries (found by everyone) and burials (found by ViewCemetery) in the shared index. A burial's entry holds the
/// name, dates, cemetery and site — never the personal code, so the index cannot leak it to anyone.
/// </summary>
public sealed class CemeterySearchSource(CemeteryDbContext db, ISearchIndex index) : ISearchSource
{
    public const string CemeteryType = "cemetery";
    public const string BurialType = "burial";

    public string Feature => CemeteryManifest.Feature;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cemeteries = await db.Cemeteries.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var cemetery in cemeteries) yield return Of(cemetery);
        var byId = cemeteries.ToDictionary(c => c.Id);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        await foreach (var burial in db.Burials.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return Of(burial, byId[burial.CemeteryId], sites[burial.SiteId]);
    }

    public Task IndexCemeteryAsync(Domain.Cemetery cemetery, CancellationToken ct) => index.IndexAsync(Of(cemetery), ct);

    public Task IndexBurialAsync(Burial burial, Domain.Cemetery cemetery, GraveSite site, CancellationToken ct) => index.IndexAsync(Of(burial, cemetery, site), ct);

    private static SearchDocument Of(Domain.Cemetery c) => new(
        CemeteryManifest.Feature, CemeteryType, c.Id.ToString(), c.Name,
        string.Join('\n', new[] { c.Address, c.OpeningHours, c.Caretaker, $"Kapsēta ({Labels.Of(c.Status)})" }.Where(t => !string.IsNullOrWhiteSpace(t))),
        $"kapi?cemetery={c.Id}", [SearchAccess.Public]);

    private static SearchDocument Of(Burial b, Domain.Cemetery c, GraveSite s) => new(
        CemeteryManifest.Feature, BurialType, b.Id.ToString(), b.DisplayName,
        $"Apbedīts {b.BurialDate:dd.MM.yyyy}, {c.Name}, kapavieta {s.Number}" +
        (b.BirthDate is null && b.DeathDate is null ? "" : $" ({b.BirthDate:dd.MM.yyyy}–{b.DeathDate:dd.MM.yyyy})"),
        $"admin/cemetery/sites/{s.Id}", [SearchAccess.Permission(CemeteryManifest.ViewCemetery)]);
}
