using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Exports;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Security;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Api;

/// <summary>
/// REST API of the cemetery register: <c>/{tenant}/api/cemeteries</c>, <c>/api/burials</c>, <c>/api/cemetery/…</c>.
/// Cemeteries, the scheme picture and the grave search are public; sites, burials and use rights need ViewCemetery;
/// changes need ManageCemetery; personal codes appear only for ViewCemeteryPersonalData.
/// </summary>
public static class CemeteryApi
{
    private static readonly string View = PermissionNames.Policy(CemeteryManifest.ViewCemetery);
    private static readonly string Manage = PermissionNames.Policy(CemeteryManifest.ManageCemetery);

    public static IEndpointRouteBuilder MapCemeteryApi(this IEndpointRouteBuilder routes)
    {
        var cemeteries = routes.MapGroup("/api/cemeteries").WithTags("Cemetery");
        cemeteries.MapGet("", ListCemeteries).WithSummary("Every cemetery with its status and rules (public)");
        cemeteries.MapPost("", CreateCemetery).RequireAuthorization(Manage).ProducesProblem(StatusCodes.Status409Conflict);
        cemeteries.MapGet("/{id:guid}", GetCemetery);
        cemeteries.MapPut("/{id:guid}", UpdateCemetery).RequireAuthorization(Manage).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cemeteries.MapGet("/{id:guid}/sites", ListSites).RequireAuthorization(View);
        cemeteries.MapPost("/{id:guid}/sites", CreateSite).RequireAuthorization(Manage).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cemeteries.MapPost("/{id:guid}/sites/range", CreateRange).RequireAuthorization(Manage)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Every site from \"from\" to \"to\" (1A-1 … 3C-6: sections 1–3, rows A–C, places 1–6), optionally laid out on the scheme (\"grid\"); all or nothing");
        cemeteries.MapGet("/{id:guid}/scheme.svg", Scheme).Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .WithSummary("The scheme with sites coloured by state and a legend; ?highlight={siteId} marks one site (public: no names)");
        cemeteries.MapPost("/{id:guid}/plan", UploadPlan).RequireAuthorization(Manage).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The plan image under the scheme");
        cemeteries.MapGet("/{id:guid}/plan", Plan).Produces<Stream>(StatusCodes.Status200OK, "image/png").WithSummary("The plan image (public, as the scheme)");
        cemeteries.MapGet("/{id:guid}/geojson", GeoJson).RequireAuthorization(View).Produces<string>(StatusCodes.Status200OK, "application/geo+json")
            .WithSummary("Sites as GeoJSON polygons in scheme coordinates; the cemetery's latitude/longitude name the origin");
        cemeteries.MapGet("/{id:guid}/sites.csv", SitesCsv).RequireAuthorization(View).Produces<string>(StatusCodes.Status200OK, "text/csv");
        cemeteries.MapGet("/{id:guid}/schedule", Schedule).RequireAuthorization(View).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("The caretaker's day (?date=yyyy-MM-dd, default today): each slot and who is buried where");

        var burials = routes.MapGroup("/api/burials").WithTags("Cemetery");
        burials.MapGet("", ListBurials).RequireAuthorization(View).WithSummary("Burials, newest first (?cemeteryId=&siteId=&date=), at most 500");
        burials.MapPost("", RecordBurial).RequireAuthorization(Manage).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records a burial under the cemetery's rules and reports it to FPRIS through the outbox");
        burials.MapGet("/{id:guid}", GetBurial).RequireAuthorization(View);

        var register = routes.MapGroup("/api/cemetery").WithTags("Cemetery");
        register.MapGet("/search", Search).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The public grave search: ?name=&from=&to= (years)&cemeteryId=; tolerant of missing diacritics and inflection; no personal codes, no recent or unpublished burials");
        register.MapGet("/sites/{id:guid}", GetSite).RequireAuthorization(View);
        register.MapPut("/sites/{id:guid}/polygon", PlaceSite).RequireAuthorization(Manage).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        register.MapPut("/sites/{id:guid}/state", SetSiteState).RequireAuthorization(Manage)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        register.MapPost("/sites/{id:guid}/photos", UploadPhoto).RequireAuthorization(Manage).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A photo of the site (multipart/form-data field \"file\": an image up to 10 MB; optional field \"caption\")");
        register.MapGet("/sites/{id:guid}/photos", Photos).RequireAuthorization(View);
        register.MapGet("/photos/{id:guid}", Photo).RequireAuthorization(View).Produces<Stream>(StatusCodes.Status200OK, "image/jpeg");
        register.MapPost("/import", Import).RequireAuthorization(Manage).RequiresBody("text/csv").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Imports a register from CSV (UTF-8; columns cemetery, site, siteType, capacity, givenName, familyName, personalCode, birthDate, deathDate, burialDate, burialType, unidentified, holderName, holderCode, holderEmail, holderPhone, rightStart, rightEnd). ?commit=true saves; without it a preview. All or nothing: any row error → 400 with every error by row and column, nothing saved");
        register.MapGet("/quality", Quality).RequireAuthorization(View).WithSummary("The data-quality report (?cemeteryId=): impossible, future or missing dates, probable duplicates, sites off the scheme, burials beyond capacity, expired use rights");
        register.MapGet("/quality.csv", QualityCsv).RequireAuthorization(View).Produces<string>(StatusCodes.Status200OK, "text/csv");
        register.MapPost("/quality/end-expired-use-rights", EndExpired).RequireAuthorization(Manage).WithSummary("The one safe fix: marks use rights whose period is over as ended");
        register.MapGet("/sites/{id:guid}/neglect", NeglectSteps).RequireAuthorization(View).WithSummary("The steps of the neglect procedure taken for the site");
        register.MapPost("/sites/{id:guid}/neglect", TakeNeglectStep).RequireAuthorization(Manage)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The next step of the neglect procedure (Inspection, Warning, Act after the waiting period, Withdrawal); warning letters and acts are registered where the document register is enabled");
        register.MapGet("/use-rights", ListUseRights).RequireAuthorization(View).ProducesProblem(StatusCodes.Status400BadRequest).WithSummary("Use rights (?siteId=, or ?expiringWithinDays= for current ones ending soon)");
        register.MapPost("/use-rights", GrantUseRight).RequireAuthorization(Manage).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        register.MapGet("/use-rights/{id:guid}", GetUseRight).RequireAuthorization(View);
        register.MapPost("/use-rights/{id:guid}/renew", Renew).RequireAuthorization(Manage)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        register.MapPost("/use-rights/{id:guid}/transfer", Transfer).RequireAuthorization(Manage)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        register.MapPost("/use-rights/{id:guid}/fees", AddFee).RequireAuthorization(Manage)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        register.MapPost("/fees/{id:guid}/pay", Pay).RequireAuthorization(Manage)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    internal static bool SeesPersonalData(ClaimsPrincipal user, IPermissionService permissions) => permissions.HasPermission(user, CemeteryManifest.ViewCemeteryPersonalData);

    private static async Task<Ok<List<Domain.Cemetery>>> ListCemeteries(CemeteryService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct));

    private static async Task<Results<Ok<Domain.Cemetery>, NotFound>> GetCemetery(Guid id, CemeteryService service, CancellationToken ct) =>
        await service.FindAsync(id, ct) is { } cemetery ? TypedResults.Ok(cemetery) : TypedResults.NotFound();

    private static async Task<Results<Created<Domain.Cemetery>, ValidationProblem>> CreateCemetery(CemeteryInput input, CemeteryService service, CancellationToken ct)
    {
        if (CemeteryValidation.Validate(input) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var cemetery = await service.CreateAsync(input with { Id = null }, ct);
        return TypedResults.Created($"api/cemeteries/{cemetery.Id}", cemetery);
    }

    private static async Task<Results<Ok<Domain.Cemetery>, ValidationProblem>> UpdateCemetery(Guid id, CemeteryInput input, CemeteryService service, CancellationToken ct) =>
        CemeteryValidation.Validate(input) is { Count: > 0 } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await service.UpdateAsync(id, input, ct));

    private static async Task<Results<Ok<List<SiteView>>, NotFound>> ListSites(Guid id, CemeteryService service, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is null) return TypedResults.NotFound();
        var (sections, rows) = (await service.SectionNamesAsync(id, ct), await service.RowNamesAsync(id, ct));
        return TypedResults.Ok((await service.SitesAsync(id, ct)).OrderBy(s => s.Number, SiteNumberOrder.Instance).Select(s => SiteView.Of(s, sections, rows)).ToList());
    }

    private static async Task<Results<Created<SiteView>, ValidationProblem>> CreateSite(Guid id, SiteInput input, CemeteryService service, CancellationToken ct)
    {
        var cemetery = await service.RequireAsync(id, ct);
        if (CemeteryValidation.Validate(input, cemetery.SchemeWidth, cemetery.SchemeHeight) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var site = await service.CreateSiteAsync(id, input, ct);
        return TypedResults.Created($"api/cemetery/sites/{site.Id}", SiteView.Of(site, await service.SectionNamesAsync(id, ct), await service.RowNamesAsync(id, ct)));
    }

    private static async Task<Created<SiteRangeResult>> CreateRange(Guid id, SiteRangeInput input, CemeteryService service, CancellationToken ct)
    {
        if (input.Capacity is < 0 or > 50) throw new ArgumentException("Ietilpība 1–50.");
        var sites = await service.CreateRangeAsync(id, input, ct);
        var (sections, rows) = (await service.SectionNamesAsync(id, ct), await service.RowNamesAsync(id, ct));
        return TypedResults.Created($"api/cemeteries/{id}/sites", new SiteRangeResult(sites.Count, sites.Select(s => SiteView.Of(s, sections, rows)).ToList()));
    }

    internal static async Task<List<SchemeRenderer.SchemeSite>> SchemeSitesAsync(Guid id, CemeteryService service, CancellationToken ct)
    {
        var (sections, rows) = (await service.SectionNamesAsync(id, ct), await service.RowNamesAsync(id, ct));
        return (await service.SitesAsync(id, ct)).OrderBy(s => s.Number, SiteNumberOrder.Instance)
            .Select(s => new SchemeRenderer.SchemeSite(s.Id, s.Number, s.State, s.Type, s.Capacity,
                s.SectionId is { } sid ? sections.GetValueOrDefault(sid) : null, s.RowId is { } rid ? rows.GetValueOrDefault(rid) : null, s.Polygon)).ToList();
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Scheme(Guid id, Guid? highlight, HttpRequest request, CemeteryService service, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } cemetery) return TypedResults.NotFound();
        return TypedResults.Content(SchemeRenderer.Svg(cemetery, await SchemeSitesAsync(id, service, ct), highlight is { } lit ? new HashSet<Guid> { lit } : [], request.PathBase, null), "image/svg+xml; charset=utf-8");
    }

    private static async Task<Results<Ok<ImportReport>, BadRequest<ImportReport>>> Import(bool? commit, HttpRequest request, RegisterImport import, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > 50 * 1024 * 1024) throw new ArgumentException("Datne lielāka par 50 MB.");
        var report = await import.RunAsync(buffer.ToArray(), commit == true, ct);
        return report.Errors.Count == 0 ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
    }

    private static async Task<Results<Ok<List<NeglectStep>>, NotFound>> NeglectSteps(Guid id, CemeteryService service, NeglectProcedure neglect, CancellationToken ct) =>
        await service.SiteAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await neglect.StepsAsync(id, ct));

    private static async Task<Created<NeglectStep>> TakeNeglectStep(Guid id, NeglectStepInput input, NeglectProcedure neglect, CancellationToken ct) =>
        TypedResults.Created($"api/cemetery/sites/{id}/neglect", await neglect.TakeAsync(id, input, ct));

    public sealed record QualityReport(int Count, List<QualityIssue> Issues);
    public sealed record FixResult(int Changed);

    private static async Task<Ok<QualityReport>> Quality(Guid? cemeteryId, DataQuality quality, CancellationToken ct)
    {
        var issues = await quality.ReportAsync(cemeteryId, ct);
        return TypedResults.Ok(new QualityReport(issues.Count, issues));
    }

    private static async Task<FileContentHttpResult> QualityCsv(Guid? cemeteryId, DataQuality quality, CancellationToken ct) =>
        TypedResults.File(Csv.Write(await quality.ReportAsync(cemeteryId, ct), ';', ("kind", i => i.Kind), ("site", i => i.SiteNumber), ("message", i => i.Message),
            ("siteId", i => i.SiteId), ("burialId", i => i.BurialId), ("useRightId", i => i.UseRightId)), Csv.ContentType, "datu-kvalitate.csv");

    private static async Task<Ok<FixResult>> EndExpired(DataQuality quality, CancellationToken ct) => TypedResults.Ok(new FixResult(await quality.EndExpiredUseRightsAsync(ct)));

    public sealed record PhotoView(Guid Id, Guid SiteId, string ContentType, string? Caption, DateTime TakenUtc, string Url);

    private static async Task<Results<Ok<Domain.Cemetery>, ProblemHttpResult>> UploadPlan(Guid id, HttpRequest request, CemeteryService service, CancellationToken ct)
    {
        _ = await service.RequireAsync(id, ct);
        var (file, problem) = await Uploads.ReadSingleFileAsync(request, Images.MaxBytes, ct);
        if (file is null) return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        return TypedResults.Ok(await service.SetPlanAsync(id, file.Content, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Plan(Guid id, CemeteryService service, CancellationToken ct) =>
        await service.PlanAsync(id, ct) is { } plan ? TypedResults.File(plan.Content, plan.ContentType) : TypedResults.NotFound();

    private static async Task<Results<Created<PhotoView>, ProblemHttpResult>> UploadPhoto(Guid id, HttpRequest request, CemeteryService service, CancellationToken ct)
    {
        _ = await service.SiteAsync(id, ct) ?? throw new KeyNotFoundException("Nav tādas kapavietas.");
        var (file, problem) = await Uploads.ReadSingleFileAsync(request, Images.MaxBytes, ct);
        if (file is null) return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        var caption = request.HasFormContentType ? request.Form["caption"].ToString() : null;
        var photo = await service.AddPhotoAsync(id, file.Content, string.IsNullOrWhiteSpace(caption) ? null : caption, ct);
        return TypedResults.Created($"api/cemetery/photos/{photo.Id}", PhotoViewOf(photo));
    }

    private static PhotoView PhotoViewOf(SitePhoto p) => new(p.Id, p.SiteId, p.ContentType, p.Caption, p.TakenUtc, $"api/cemetery/photos/{p.Id}");

    private static async Task<Results<Ok<List<PhotoView>>, NotFound>> Photos(Guid id, CemeteryService service, CancellationToken ct) =>
        await service.SiteAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok((await service.PhotosAsync(id, ct)).Select(PhotoViewOf).ToList());

    private static async Task<Results<FileContentHttpResult, NotFound>> Photo(Guid id, CemeteryService service, CancellationToken ct) =>
        await service.PhotoAsync(id, ct) is { } photo ? TypedResults.File(photo.Content, photo.ContentType) : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> GeoJson(Guid id, CemeteryService service, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } cemetery) return TypedResults.NotFound();
        return TypedResults.Content(SchemeRenderer.GeoJson(cemetery, await SchemeSitesAsync(id, service, ct)), "application/geo+json; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> SitesCsv(Guid id, CemeteryService service, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } cemetery) return TypedResults.NotFound();
        var csv = Csv.Write(await SchemeSitesAsync(id, service, ct), ';',
            ("number", s => s.Number), ("section", s => s.Section), ("row", s => s.Row), ("type", s => s.Type), ("capacity", s => s.Capacity), ("state", s => s.State),
            ("polygon", s => s.Polygon));
        return TypedResults.File(csv, Csv.ContentType, $"kapavietas-{cemetery.Name}.csv");
    }

    private static async Task<Ok<DaySchedule>> Schedule(Guid id, DateOnly? date, BurialService burials, CancellationToken ct) =>
        TypedResults.Ok(await burials.DayAsync(id, date ?? burials.Today, ct));

    private static async Task<Ok<List<BurialView>>> ListBurials(Guid? cemeteryId, Guid? siteId, DateOnly? date, ClaimsPrincipal user, IPermissionService permissions, BurialService burials, CancellationToken ct)
    {
        var personal = SeesPersonalData(user, permissions);
        return TypedResults.Ok((await burials.ListAsync(cemeteryId, siteId, date, 500, ct)).Select(b => BurialView.Of(b, personal)).ToList());
    }

    private static async Task<Results<Ok<BurialView>, NotFound>> GetBurial(Guid id, ClaimsPrincipal user, IPermissionService permissions, BurialService burials, CancellationToken ct) =>
        await burials.FindAsync(id, ct) is { } burial ? TypedResults.Ok(BurialView.Of(burial, SeesPersonalData(user, permissions))) : TypedResults.NotFound();

    private static async Task<Results<Created<BurialView>, ValidationProblem>> RecordBurial(BurialInput input, ClaimsPrincipal user, IPermissionService permissions, BurialService burials, CancellationToken ct)
    {
        if (CemeteryValidation.Validate(input, burials.Today) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var burial = await burials.RecordAsync(input, ct);
        return TypedResults.Created($"api/burials/{burial.Id}", BurialView.Of(burial, SeesPersonalData(user, permissions)));
    }

    private static async Task<Ok<GraveSearchResult>> Search(string? name, int? from, int? to, Guid? cemeteryId, GraveSearch search, CancellationToken ct) =>
        TypedResults.Ok(await search.SearchAsync(name, from, to, cemeteryId, ct));

    private static async Task<Results<Ok<SiteDetails>, NotFound>> GetSite(
        Guid id, ClaimsPrincipal user, IPermissionService permissions, CemeteryService service, BurialService burials, UseRightService rights, CancellationToken ct)
    {
        if (await service.SiteAsync(id, ct) is not { } site) return TypedResults.NotFound();
        var personal = SeesPersonalData(user, permissions);
        var cemetery = await service.RequireAsync(site.CemeteryId, ct);
        var useRights = await rights.ListAsync(id, null, ct);
        var fees = await rights.FeesAsync(useRights.Select(u => u.Id).ToList(), ct);
        return TypedResults.Ok(new SiteDetails(
            SiteView.Of(site, await service.SectionNamesAsync(site.CemeteryId, ct), await service.RowNamesAsync(site.CemeteryId, ct)), cemetery.Name,
            (await burials.ListAsync(null, id, null, 500, ct)).Select(b => BurialView.Of(b, personal)).ToList(),
            useRights.Select(u => UseRightView.Of(u, fees, personal, rights.Today)).ToList()));
    }

    private static async Task<Ok<SiteView>> PlaceSite(Guid id, PolygonInput input, CemeteryService service, CancellationToken ct)
    {
        var site = await service.PlaceSiteAsync(id, input.Polygon, ct);
        return TypedResults.Ok(SiteView.Of(site, await service.SectionNamesAsync(site.CemeteryId, ct), await service.RowNamesAsync(site.CemeteryId, ct)));
    }

    private static async Task<Ok<SiteView>> SetSiteState(Guid id, SiteStateInput input, CemeteryService service, CancellationToken ct)
    {
        var site = await service.SetStateAsync(id, input.State, ct);
        return TypedResults.Ok(SiteView.Of(site, await service.SectionNamesAsync(site.CemeteryId, ct), await service.RowNamesAsync(site.CemeteryId, ct)));
    }

    private static async Task<Ok<List<UseRightView>>> ListUseRights(Guid? siteId, int? expiringWithinDays, ClaimsPrincipal user, IPermissionService permissions, UseRightService rights, CancellationToken ct)
    {
        if (expiringWithinDays is < 0 or > 3650) throw new ArgumentException("expiringWithinDays: 0–3650 dienas (0 to 3650 days).");
        var list = await rights.ListAsync(siteId, expiringWithinDays, ct);
        var fees = await rights.FeesAsync(list.Select(u => u.Id).ToList(), ct);
        var personal = SeesPersonalData(user, permissions);
        return TypedResults.Ok(list.Select(u => UseRightView.Of(u, fees, personal, rights.Today)).ToList());
    }

    private static async Task<Results<Ok<UseRightView>, NotFound>> GetUseRight(Guid id, ClaimsPrincipal user, IPermissionService permissions, UseRightService rights, CancellationToken ct) =>
        await rights.FindAsync(id, ct) is { } right
            ? TypedResults.Ok(UseRightView.Of(right, await rights.FeesAsync([id], ct), SeesPersonalData(user, permissions), rights.Today))
            : TypedResults.NotFound();

    private static async Task<UseRightView> ViewAsync(UseRight right, ClaimsPrincipal user, IPermissionService permissions, UseRightService rights, CancellationToken ct) =>
        UseRightView.Of(right, await rights.FeesAsync([right.Id], ct), SeesPersonalData(user, permissions), rights.Today);

    private static async Task<Results<Created<UseRightView>, ValidationProblem>> GrantUseRight(UseRightInput input, ClaimsPrincipal user, IPermissionService permissions, UseRightService rights, CancellationToken ct)
    {
        if (CemeteryValidation.Validate(input) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var right = await rights.CreateAsync(input, ct);
        return TypedResults.Created($"api/cemetery/use-rights/{right.Id}", await ViewAsync(right, user, permissions, rights, ct));
    }

    private static async Task<Created<UseRightView>> Renew(Guid id, RenewalInput input, ClaimsPrincipal user, IPermissionService permissions, UseRightService rights, CancellationToken ct)
    {
        var next = await rights.RenewAsync(id, input, ct);
        return TypedResults.Created($"api/cemetery/use-rights/{next.Id}", await ViewAsync(next, user, permissions, rights, ct));
    }

    private static async Task<Results<Created<UseRightView>, ValidationProblem>> Transfer(Guid id, TransferInput input, ClaimsPrincipal user, IPermissionService permissions, UseRightService rights, CancellationToken ct)
    {
        if (CemeteryValidation.Validate(input) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var next = await rights.TransferAsync(id, input, ct);
        return TypedResults.Created($"api/cemetery/use-rights/{next.Id}", await ViewAsync(next, user, permissions, rights, ct));
    }

    private static async Task<Created<FeeView>> AddFee(Guid id, FeeInput input, UseRightService rights, CancellationToken ct)
    {
        var fee = await rights.AddFeeAsync(id, input, ct);
        return TypedResults.Created($"api/cemetery/use-rights/{id}", FeeView.Of(fee, rights.Today));
    }

    private static async Task<Ok<FeeView>> Pay(Guid id, PaymentInput input, UseRightService rights, CancellationToken ct) =>
        TypedResults.Ok(FeeView.Of(await rights.PayAsync(id, input, ct), rights.Today));
}
