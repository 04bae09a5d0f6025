using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Security;
using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Api;

/// <summary>
/// REST API of the benefits module: <c>/{tenant}/api/benefits</c>. The catalogue (reliefs and groups) is public to read;
/// changes need <c>ManageBenefits</c>.
/// </summary>
public static class BenefitsApi
{
    public const string Tag = "Benefits";

    public static IEndpointRouteBuilder MapBenefitsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/benefits").WithTags(Tag);
        var manage = PermissionNames.Policy(BenefitsManifest.ManageBenefits);

        api.MapGet("/reliefs", Reliefs).AllowAnonymous().WithSummary("Every relief with the version in force on ?on=yyyy-MM-dd (default today) and its version history");
        api.MapPost("/reliefs", CreateRelief).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Creates a relief with its first version (all or nothing)");
        api.MapGet("/reliefs/{id:guid}", Relief).AllowAnonymous();
        api.MapPost("/reliefs/{id:guid}/versions", AddVersion).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A new version from validFrom; the version before ends the day before. A version starting on or before the latest one's start overlaps it: 400");

        api.MapGet("/groups", Groups).AllowAnonymous().WithSummary("Benefit groups with their eligibility rules");
        api.MapGet("/groups/{code}", Group).AllowAnonymous();
        api.MapPost("/groups", CreateGroup).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("{code, name, description, rule: {minAge, maxAge, declaredResidence, stateStatus, validFrom, validTo}}; an unknown rule field is a 400");
        api.MapPut("/groups/{code}", UpdateGroup).RequireAuthorization(manage).WithSummary("Changes a group (name, description, rule); each change is a new group version for AVIS");
        return routes;
    }

    private static async Task<Ok<List<ReliefView>>> Reliefs(DateOnly? on, CatalogueService catalogue, CancellationToken ct)
    {
        var versions = await catalogue.AllVersionsAsync(ct);
        var day = on ?? catalogue.Today;
        return TypedResults.Ok((await catalogue.ReliefsAsync(ct)).Select(r => ReliefView.Of(r, versions[r.Id], day)).ToList());
    }

    private static async Task<Results<Ok<ReliefView>, NotFound>> Relief(Guid id, DateOnly? on, CatalogueService catalogue, CancellationToken ct) =>
        await catalogue.FindAsync(id, ct) is { } relief ? TypedResults.Ok(ReliefView.Of(relief, await catalogue.VersionsAsync(id, ct), on ?? catalogue.Today)) : TypedResults.NotFound();

    private static async Task<Results<Created<ReliefView>, ValidationProblem>> CreateRelief(ReliefInput input, CatalogueService catalogue, CancellationToken ct)
    {
        if (await catalogue.ValidateAsync(input, isNew: true, ct) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        var relief = await catalogue.CreateAsync(input, ct);
        return TypedResults.Created($"api/benefits/reliefs/{relief.Id}", ReliefView.Of(relief, await catalogue.VersionsAsync(relief.Id, ct), catalogue.Today));
    }

    private static async Task<Results<Ok<ReliefView>, ValidationProblem, NotFound>> AddVersion(Guid id, ReliefInput input, CatalogueService catalogue, CancellationToken ct)
    {
        if (await catalogue.FindAsync(id, ct) is not { } relief) return TypedResults.NotFound();
        if (await catalogue.ValidateAsync(input, isNew: false, ct) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        await catalogue.AddVersionAsync(id, input, ct);
        return TypedResults.Ok(ReliefView.Of(relief, await catalogue.VersionsAsync(id, ct), catalogue.Today));
    }

    private static async Task<Ok<List<GroupView>>> Groups(CatalogueService catalogue, CancellationToken ct) =>
        TypedResults.Ok((await catalogue.GroupsAsync(ct)).Select(GroupView.Of).ToList());

    private static async Task<Results<Ok<GroupView>, NotFound>> Group(string code, CatalogueService catalogue, CancellationToken ct) =>
        await catalogue.GroupAsync(code, ct) is { } group ? TypedResults.Ok(GroupView.Of(group)) : TypedResults.NotFound();

    private static async Task<Results<Created<GroupView>, ValidationProblem>> CreateGroup(GroupInput input, CatalogueService catalogue, CancellationToken ct)
    {
        var errors = CatalogueValidation.Check(input, out var rule);
        if (errors.IsValid && await catalogue.GroupAsync(input.Code!.Trim(), ct) is not null) errors.Add("code", $"Grupa ar kodu \"{input.Code}\" jau ir.");
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors);
        var group = await catalogue.SaveGroupAsync(input, rule!, ct);
        return TypedResults.Created($"api/benefits/groups/{group.Code}", GroupView.Of(group));
    }

    private static async Task<Results<Ok<GroupView>, ValidationProblem, NotFound>> UpdateGroup(string code, GroupInput input, CatalogueService catalogue, CancellationToken ct)
    {
        if (await catalogue.GroupAsync(code, ct) is null) return TypedResults.NotFound();
        var errors = CatalogueValidation.Check(input with { Code = code }, out var rule);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(GroupView.Of(await catalogue.SaveGroupAsync(input with { Code = code }, rule!, ct)));
    }
}
