using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Security;
using Workbench.Cemetery.Api;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Pages.Staff;

/// <summary>
/// One cemetery: its scheme (sites coloured by state; a name typed in the search lights up the sites of the people
/// found), its rules, the plan upload, creating sites by range, and the list of sites.
/// </summary>
[Authorize(Policy = "permission:" + CemeteryManifest.ViewCemetery)]
public sealed class CemeteryModel(CemeteryService cemeteries, BurialService burials, IPermissionService permissions) : CemeteryPageModel(permissions)
{
    public Domain.Cemetery Cemetery { get; private set; } = null!;
    public List<SchemeRenderer.SchemeSite> Sites { get; private set; } = [];
    public List<Burial> Found { get; private set; } = [];
    public string Svg { get; private set; } = "";
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await cemeteries.FindAsync(id, ct) is not { } cemetery) return NotFound();
        Cemetery = cemetery;
        Sites = await CemeteryApi.SchemeSitesAsync(id, cemeteries, ct);
        Found = await burials.FindByNameAsync(id, Q, ct);
        Svg = SchemeRenderer.Svg(cemetery, Sites, Found.Select(b => b.SiteId).ToHashSet(), Request.PathBase, site => $"admin/cemetery/sites/{site}");
        return Page();
    }

    public string SiteNumber(Guid siteId) => Sites.FirstOrDefault(s => s.Id == siteId)?.Number ?? "?";

    public Task<IActionResult> OnPostRangeAsync(Guid id, string? from, string? to, SiteType type, int capacity, bool place, CancellationToken ct) => ActAsync(async () =>
    {
        var created = await cemeteries.CreateRangeAsync(id, new SiteRangeInput(from, to, type, capacity, place ? new SchemeGrid() : null), ct);
        return $"Izveidotas {created.Count} kapavietas ({from} … {to}).";
    });

    public Task<IActionResult> OnPostSiteAsync(Guid id, string? number, SiteType type, int capacity, CancellationToken ct) => ActAsync(async () =>
    {
        var cemetery = await cemeteries.RequireAsync(id, ct);
        var input = new SiteInput(number, type, capacity);
        Require(CemeteryValidation.Validate(input, cemetery.SchemeWidth, cemetery.SchemeHeight));
        var site = await cemeteries.CreateSiteAsync(id, input, ct);
        return $"Kapavieta {site.Number} izveidota.";
    });

    public Task<IActionResult> OnPostRulesAsync(Guid id, CemeteryStatus status, int reuseYears, int publishAfterDays, bool urnsIntoOccupied, bool allowsCoffins, bool allowsUrns, CancellationToken ct) => ActAsync(async () =>
    {
        var c = await cemeteries.RequireAsync(id, ct);
        var input = new CemeteryInput(c.Name, status, c.Address, c.Latitude, c.Longitude, c.OpeningHours, c.Caretaker, reuseYears, allowsCoffins, allowsUrns, urnsIntoOccupied,
            publishAfterDays, c.DayStart, c.DayEnd, c.SlotMinutes, c.SchemeWidth, c.SchemeHeight, null, c.NeglectWaitDays, c.ReminderEmail);
        Require(CemeteryValidation.Validate(input));
        await cemeteries.UpdateAsync(id, input, ct);
        return "Noteikumi saglabāti.";
    });

    public Task<IActionResult> OnPostPlanAsync(Guid id, IFormFile? plan, CancellationToken ct) => ActAsync(async () =>
    {
        var (file, problem) = await Uploads.ReadAsync(plan, Images.MaxBytes, ct);
        if (file is null) throw new ArgumentException(problem);
        await cemeteries.SetPlanAsync(id, file.Content, ct);
        return "Plāns augšupielādēts.";
    });
}
