using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;
using Workbench.Cemetery.Data;

namespace Workbench.Cemetery.Domain;

/// <summary>
/// The residents' grave search (kapu meklēšana): by name and years, tolerant of missing diacritics and of inflection
/// (<see cref="NameKeys"/>). Never shows a personal code, a burial of the cemetery's last <c>PublishAfterDays</c> days,
/// a future booking, or a person whose relatives asked not to publish.
/// </summary>
public sealed class GraveSearch(CemeteryDbContext db, ITenantContext tenant, TimeProvider clock)
{
    public const int MaxResults = 50;

    public async Task<GraveSearchResult> SearchAsync(string? name, int? from, int? to, Guid? cemeteryId, CancellationToken ct)
    {
        var keys = NameKeys.Of(name).Where(k => k.Length >= 2).ToList();
        if (keys.Count == 0) throw new ArgumentException("Ievadiet vārdu vai uzvārdu, vismaz 2 burtus.");
        if (keys.Count > 6) throw new ArgumentException("Ne vairāk kā 6 vārdi.");
        if (from is < 1000 or > 3000 || to is < 1000 or > 3000) throw new ArgumentException("Gadiem jābūt formā 1990.");
        if (from > to) throw new ArgumentException("Gads \"no\" ir pēc gada \"līdz\".");
        var today = tenant.Current?.Settings.Today() ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cemeteries = await db.Cemeteries.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        if (cemeteries.Count == 0) return new GraveSearchResult([], 0);

        // Everything is decided in the database: the family name's indexed key first, every word in the name keys, the
        // publication delay (the shortest for all, the longer ones per cemetery), the years; then a count and one page.
        var shortest = cemeteries.Values.Min(c => c.PublishAfterDays);
        var published = today.AddDays(-shortest);
        var visible = db.Burials.AsNoTracking().Where(b => !b.DoNotPublish && b.BurialDate <= published);
        foreach (var longer in cemeteries.Values.Where(c => c.PublishAfterDays > shortest))
        {
            var (id, cutoff) = (longer.Id, today.AddDays(-longer.PublishAfterDays));
            visible = visible.Where(b => b.CemeteryId != id || b.BurialDate <= cutoff);
        }
        if (cemeteryId is { } only) visible = visible.Where(b => b.CemeteryId == only);
        if (from is { } f) { var start = new DateOnly(f, 1, 1); visible = visible.Where(b => (b.DeathDate ?? b.BurialDate) >= start); }
        if (to is { } t) { var end = new DateOnly(t, 12, 31); visible = visible.Where(b => (b.DeathDate ?? b.BurialDate) <= end); }
        foreach (var key in keys) { var padded = $" {key} "; visible = visible.Where(b => b.NameKeys.Contains(padded)); }
        var byFamily = visible.Where(b => keys.Contains(b.FamilyKey));
        var total = await byFamily.CountAsync(ct);
        var matches = total > 0 ? byFamily : visible;
        if (total == 0) total = await visible.CountAsync(ct);
        if (total == 0) return new GraveSearchResult([], 0);
        var page = await matches.OrderBy(b => b.FamilyName).ThenBy(b => b.GivenName).ThenBy(b => b.BurialDate).Take(MaxResults)
            .Select(b => new Burial
            {
                Id = b.Id, CemeteryId = b.CemeteryId, SiteId = b.SiteId, GivenName = b.GivenName, FamilyName = b.FamilyName, Unidentified = b.Unidentified,
                BirthDate = b.BirthDate, DeathDate = b.DeathDate, BurialDate = b.BurialDate,
            }).ToListAsync(ct);
        var siteIds = page.Select(b => b.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var sectionIds = sites.Values.Where(s => s.SectionId != null).Select(s => s.SectionId!.Value).Distinct().ToList();
        var sections = await db.Sections.AsNoTracking().Where(s => sectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var rowIds = sites.Values.Where(s => s.RowId != null).Select(s => s.RowId!.Value).Distinct().ToList();
        var rows = await db.Rows.AsNoTracking().Where(r => rowIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return new GraveSearchResult(page.Select(b =>
        {
            var site = sites[b.SiteId];
            return new GraveHit(b.DisplayName, b.BirthDate?.Year, b.DeathDate?.Year, b.BurialDate, b.CemeteryId, cemeteries[b.CemeteryId].Name,
                site.SectionId is { } sid ? sections.GetValueOrDefault(sid) : null, site.RowId is { } rid ? rows.GetValueOrDefault(rid) : null, site.Number, site.Id,
                site.Polygon is not null, $"api/cemeteries/{b.CemeteryId}/scheme.svg?highlight={site.Id}");
        }).ToList(), total);
    }

}

/// <param name="Total">How many graves match (at most <see cref="GraveSearch.MaxResults"/> are listed).</param>
public sealed record GraveSearchResult(List<GraveHit> Hits, int Total);

/// <summary>What a resident sees of a grave: no personal code, years of birth and death only.</summary>
public sealed record GraveHit(
    string Name, int? BirthYear, int? DeathYear, DateOnly BurialDate, Guid CemeteryId, string Cemetery, string? Section, string? Row, string SiteNumber, Guid SiteId,
    bool OnScheme, string SchemeUrl);
