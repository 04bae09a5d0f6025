using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Pages.Public;

/// <summary>
/// The residents' grave search (kapu meklēšana): a name and optional years; each grave found with its cemetery, section,
/// row and site, and the site lit up on the scheme. Anonymous; shown where the cemetery register is enabled, with or
/// without the municipality's other public pages.
/// </summary>
public sealed class GraveSearchModel(GraveSearch search, CemeteryService cemeteries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Site { get; set; }

    public GraveSearchResult? Result { get; private set; }
    public string? Problem { get; private set; }
    public GraveHit? Shown { get; private set; }
    public string? Svg { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Name is null) return;
        try { Result = await search.SearchAsync(Name, From, To, null, ct); }
        catch (ArgumentException refusal) { Problem = refusal.Message; return; }
        Shown = Result.Hits.FirstOrDefault(h => h.SiteId == Site) ?? Result.Hits.FirstOrDefault(h => h.OnScheme);
        if (Shown is { OnScheme: true } && await cemeteries.FindAsync(Shown.CemeteryId, ct) is { } cemetery)
            Svg = SchemeRenderer.Svg(cemetery, await Api.CemeteryApi.SchemeSitesAsync(cemetery.Id, cemeteries, ct), new HashSet<Guid> { Shown.SiteId }, Request.PathBase, null);
    }
}
