using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Validation;
using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Api;

/// <summary>
/// Status records and resident cards: <c>/{tenant}/api/benefits/status-records</c>, <c>…/cards</c>, <c>…/people/lookup</c>.
/// Personal codes only ever travel in request bodies (never in a URL, so never in a log line).
/// </summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapBenefitsPeopleApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/benefits").WithTags(BenefitsApi.Tag).RequireAuthorization(PermissionNames.Policy(BenefitsManifest.ViewBenefits));
        var manage = PermissionNames.Policy(BenefitsManifest.ManageBenefits);

        api.MapPost("/status-records", Import).RequireAuthorization(manage)
            .WithSummary("{records: [{personalCode, group, validFrom, validTo, source, declaredResidence}]}: validated whole, saved all or nothing; same person, group and start replaces");
        api.MapGet("/status-records", Summary).WithSummary("How many status records are kept, and for how long after they end");
        api.MapPut("/status-records/retention", Retention).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status400BadRequest).WithSummary("{days}: how long a record is kept after it ends");
        api.MapPost("/status-records/purge", Purge).RequireAuthorization(manage).WithSummary("Runs the purge now (the nightly job does the same); audited");
        api.MapPost("/people/lookup", Lookup).RequireAuthorization(PermissionNames.Policy(BenefitsManifest.ViewBenefitsPersonalData))
            .WithSummary("{personalCode}: the person's group memberships and cards");

        api.MapGet("/cards", CardList).WithSummary("The newest cards (?take=, default 100); holders only for ViewBenefitsPersonalData");
        api.MapGet("/cards/{id:guid}", Card);
        api.MapPost("/cards", Issue).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/cards/{id:guid}/block", Block).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/cards/{id:guid}/reissue", Reissue).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("{number, validTo}: a new card for the same holder from today; the old one is blocked as replaced");
        return routes;
    }

    private static bool Personal(ClaimsPrincipal user, IPermissionService permissions) => permissions.HasPermission(user, BenefitsManifest.ViewBenefitsPersonalData);

    private static async Task<Results<Ok<StatusImportResult>, ValidationProblem>> Import(StatusImportInput input, StatusRecords status, CancellationToken ct)
    {
        var records = input.Records ?? [];
        if (await status.ValidateAsync(records, ct) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        var result = await status.ImportAsync(records, ct);
        return TypedResults.Ok(new StatusImportResult(result.Imported, result.Replaced));
    }

    private static async Task<Ok<StatusSummary>> Summary(StatusRecords status, PersonKeys keys, CancellationToken ct) =>
        TypedResults.Ok(new StatusSummary(await status.CountAsync(ct), (await keys.SettingsAsync(ct)).RetentionDays));

    private static async Task<Ok<StatusSummary>> Retention(RetentionInput input, StatusRecords status, PersonKeys keys, CancellationToken ct)
    {
        await status.SetRetentionAsync(input.Days ?? -1, ct);
        return await Summary(status, keys, ct);
    }

    private static async Task<Ok<PurgeView>> Purge(StatusRecords status, CatalogueService catalogue, CancellationToken ct)
    {
        var result = await status.PurgeAsync(catalogue.Today, ct);
        return TypedResults.Ok(new PurgeView(result.Purged, result.EndedBefore));
    }

    private static async Task<Results<Ok<PersonView>, ValidationProblem>> Lookup(PersonLookupInput input, StatusRecords status, Cards cards, PersonKeys keys, CancellationToken ct)
    {
        if (PersonalCodes.Check(input.PersonalCode, out var code, out _) is { } wrong) return TypedResults.ValidationProblem(new ValidationErrors { { "personalCode", wrong } });
        var records = await status.OfPersonAsync(code, ct);
        var held = await cards.OfPersonAsync(await keys.HashAsync(code, ct), ct);
        return TypedResults.Ok(new PersonView(
            records.Select(r => new PersonStatusView(r.Group, r.Record.ValidFrom, r.Record.ValidTo, r.Record.Source, r.Record.DeclaredResidence)).ToList(),
            held.Select(c => CardView.Of(c, personal: true)).ToList()));
    }

    private static async Task<Ok<List<CardView>>> CardList(int? take, Cards cards, ClaimsPrincipal user, IPermissionService permissions, CancellationToken ct) =>
        TypedResults.Ok((await cards.ListAsync(Math.Clamp(take ?? 100, 1, 1000), ct)).Select(c => CardView.Of(c, Personal(user, permissions))).ToList());

    private static async Task<Results<Ok<CardView>, NotFound>> Card(Guid id, Cards cards, ClaimsPrincipal user, IPermissionService permissions, CancellationToken ct) =>
        await cards.FindAsync(id, ct) is { } card ? TypedResults.Ok(CardView.Of(card, Personal(user, permissions))) : TypedResults.NotFound();

    private static async Task<Results<Created<CardView>, ValidationProblem>> Issue(CardInput input, Cards cards, ClaimsPrincipal user, IPermissionService permissions, CancellationToken ct)
    {
        if (Cards.Check(input) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        var card = await cards.IssueAsync(input, ct);
        return TypedResults.Created($"api/benefits/cards/{card.Id}", CardView.Of(card, Personal(user, permissions)));
    }

    private static async Task<Ok<CardView>> Block(Guid id, BlockInput input, Cards cards, ClaimsPrincipal user, IPermissionService permissions, CancellationToken ct) =>
        TypedResults.Ok(CardView.Of(await cards.BlockAsync(id, input.Reason, ct), Personal(user, permissions)));

    private static async Task<Ok<CardView>> Reissue(Guid id, ReissueInput input, Cards cards, CatalogueService catalogue, ClaimsPrincipal user, IPermissionService permissions, CancellationToken ct) =>
        TypedResults.Ok(CardView.Of(await cards.ReissueAsync(id, input, catalogue.Today, ct), Personal(user, permissions)));
}
