using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Security;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Pages.Staff;

/// <summary>
/// One grave site: who lies there, who holds it, its fees and photos; forms to record a burial, grant, renew or transfer
/// the use right, record a payment, and place the site on the scheme by typing its corner points (the keyboard way to draw).
/// </summary>
[Authorize(Policy = "permission:" + CemeteryManifest.ViewCemetery)]
public sealed class SiteModel(CemeteryService cemeteries, BurialService burials, UseRightService rights, NeglectProcedure neglect, IPermissionService permissions) : CemeteryPageModel(permissions)
{
    public GraveSite Site { get; private set; } = null!;
    public Domain.Cemetery Cemetery { get; private set; } = null!;
    public List<Burial> Burials { get; private set; } = [];
    public List<UseRight> UseRights { get; private set; } = [];
    public List<UseRightFee> Fees { get; private set; } = [];
    public List<SitePhoto> Photos { get; private set; } = [];
    public List<NeglectStep> Neglect { get; private set; } = [];
    public string Svg { get; private set; } = "";
    public DateOnly Today => rights.Today;

    public string PolygonText => string.Join(' ', Polygons.FromJson(Site.Polygon).Select(p => $"{p[0].ToString(CultureInfo.InvariantCulture)},{p[1].ToString(CultureInfo.InvariantCulture)}"));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await cemeteries.SiteAsync(id, ct) is not { } site) return NotFound();
        (Site, Cemetery) = (site, await cemeteries.RequireAsync(site.CemeteryId, ct));
        Burials = await burials.ListAsync(null, id, null, 500, ct);
        UseRights = await rights.ListAsync(id, null, ct);
        Fees = await rights.FeesAsync(UseRights.Select(u => u.Id).ToList(), ct);
        Photos = await cemeteries.PhotosAsync(id, ct);
        Neglect = await neglect.StepsAsync(id, ct);
        Svg = SchemeRenderer.Svg(Cemetery, await Api.CemeteryApi.SchemeSitesAsync(Cemetery.Id, cemeteries, ct), new HashSet<Guid> { id }, Request.PathBase, s => $"admin/cemetery/sites/{s}");
        return Page();
    }

    public Task<IActionResult> OnPostBurialAsync(Guid id, BurialForm form, CancellationToken ct) => ActAsync(async () =>
    {
        var input = new BurialInput(id, form.GivenName, form.FamilyName, form.BurialDate, form.Type, form.PersonalCode, form.BirthDate, form.DeathDate, form.Unidentified,
            form.SlotStart, form.DepthM, form.DoNotPublish);
        Require(CemeteryValidation.Validate(input, burials.Today));
        var burial = await burials.RecordAsync(input, ct);
        return $"Apbedījums reģistrēts: {burial.DisplayName}, {burial.BurialDate:dd.MM.yyyy}.";
    });

    public sealed record BurialForm(
        string? GivenName, string? FamilyName, DateOnly? BurialDate, BurialType Type, string? PersonalCode, DateOnly? BirthDate, DateOnly? DeathDate,
        bool Unidentified, TimeOnly? SlotStart, double? DepthM, bool DoNotPublish);

    public Task<IActionResult> OnPostPlaceAsync(Guid id, string? points, CancellationToken ct) => ActAsync(async () =>
    {
        var parsed = (points ?? "").Split([' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(',').Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray()).ToList();
        await cemeteries.PlaceSiteAsync(id, parsed, ct);
        return "Kapavietas vieta shēmā saglabāta.";
    });

    public Task<IActionResult> OnPostStateAsync(Guid id, SiteState state, CancellationToken ct) => ActAsync(async () =>
    {
        await cemeteries.SetStateAsync(id, state, ct);
        return "Stāvoklis saglabāts.";
    });

    public Task<IActionResult> OnPostUseRightAsync(Guid id, string? holderName, HolderKind holderKind, string? holderCode, string? holderEmail, string? holderPhone,
        DateOnly? start, DateOnly? end, string? contractNumber, decimal? fee, CancellationToken ct) => ActAsync(async () =>
    {
        var input = new UseRightInput(id, holderName, start, end, holderKind, holderCode, holderEmail, holderPhone, ContractNumber: contractNumber,
            Fees: fee is { } amount ? [new FeeInput("Kapavietas uzturēšanas maksa", amount, start)] : null);
        Require(CemeteryValidation.Validate(input));
        await rights.CreateAsync(input, ct);
        return $"Uzturēšanas tiesības piešķirtas: {holderName}.";
    });

    public Task<IActionResult> OnPostRenewAsync(Guid useRightId, DateOnly? end, CancellationToken ct) => ActAsync(async () =>
    {
        var next = await rights.RenewAsync(useRightId, new RenewalInput(end), ct);
        return $"Tiesības pagarinātas līdz {next.End:dd.MM.yyyy}.";
    });

    public Task<IActionResult> OnPostTransferAsync(Guid useRightId, string? holderName, DateOnly? on, CancellationToken ct) => ActAsync(async () =>
    {
        var input = new TransferInput(holderName, on);
        Require(CemeteryValidation.Validate(input));
        var next = await rights.TransferAsync(useRightId, input, ct);
        return $"Tiesības nodotas: {next.HolderName}.";
    });

    public Task<IActionResult> OnPostPayAsync(Guid feeId, DateOnly? paidOn, CancellationToken ct) => ActAsync(async () =>
    {
        var fee = await rights.PayAsync(feeId, new PaymentInput(paidOn), ct);
        return $"Maksājums atzīmēts kā samaksāts {fee.PaidOn:dd.MM.yyyy}.";
    });

    public Task<IActionResult> OnPostNeglectAsync(Guid id, NeglectStepKind kind, DateOnly? date, string? note, CancellationToken ct) => ActAsync(async () =>
    {
        var step = await neglect.TakeAsync(id, new NeglectStepInput(kind, date, note), ct);
        return step.RegistrationNumber is { } number ? $"Solis reģistrēts: {number}." : "Solis saglabāts.";
    });

    public Task<IActionResult> OnPostPhotoAsync(Guid id, IFormFile? photo, string? caption, CancellationToken ct) => ActAsync(async () =>
    {
        var (file, problem) = await Uploads.ReadAsync(photo, Images.MaxBytes, ct);
        if (file is null) throw new ArgumentException(problem);
        await cemeteries.AddPhotoAsync(id, file.Content, caption, ct);
        return "Fotogrāfija pievienota.";
    });
}
