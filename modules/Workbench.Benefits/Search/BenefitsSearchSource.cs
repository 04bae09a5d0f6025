using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Search;
using Workbench.Abstractions.Tenants;
using Workbench.Benefits.Data;
using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Search;

/// <summary>
/// Reliefs in the shared index, for everyone: the version in force today (or, before its start, the first one), with its
/// groups, grantor and legal basis, pointing at the public relief list. People, cards and providers are never indexed.
/// </summary>
public sealed class BenefitsSearchSource(BenefitsDbContext db, ISearchIndex index, ITenantContext tenant) : ISearchSource
{
    public const string ReliefType = "benefits-relief";
    private static readonly string[] Everyone = [SearchAccess.Public, SearchAccess.Permission(BenefitsManifest.ViewBenefits)];

    public string Feature => BenefitsManifest.Feature;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var id in await db.Reliefs.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken))
            if (await ReliefAsync(id, cancellationToken) is { } document) yield return document;
    }

    public async Task IndexReliefAsync(Guid id, CancellationToken ct)
    {
        if (await ReliefAsync(id, ct) is { } document) await index.IndexAsync(document, ct);
    }

    private async Task<SearchDocument?> ReliefAsync(Guid id, CancellationToken ct)
    {
        var versions = await db.Versions.AsNoTracking().Where(v => v.ReliefId == id).OrderBy(v => v.Number).ToListAsync(ct);
        if (versions.Count == 0) return null;
        var today = tenant.Current?.Settings.Today() ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var shown = versions.LastOrDefault(v => v.InForceOn(today)) ?? versions.FirstOrDefault(v => v.ValidFrom > today) ?? versions[^1];
        var groups = await db.Groups.AsNoTracking().Where(g => shown.GroupCodes.Contains(g.Code)).Select(g => new { g.Code, g.Name }).ToListAsync(ct);
        var names = groups.Where(g => shown.Groups.Contains(g.Code)).Select(g => g.Name);
        var text = string.Join('\n', new[] { shown.Description, shown.Grantor, string.Join(", ", names), shown.LegalBasis }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument(Feature, ReliefType, id.ToString(), shown.Name, text, $"atvieglojumi#r-{id:N}", Everyone);
    }
}
