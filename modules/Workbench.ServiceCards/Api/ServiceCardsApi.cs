using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Security;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Api;

/// <summary>REST API of service cards: <c>/{tenant}/api/service-cards</c>.</summary>
public static class ServiceCardsApi
{
    private static string View => PermissionNames.Policy(ServiceCardsManifest.ViewServiceCards);
    private static string Manage => PermissionNames.Policy(ServiceCardsManifest.ManageServiceCards);
    private static string Review => PermissionNames.Policy(ServiceCardsManifest.ReviewServiceCards);

    public static IEndpointRouteBuilder MapServiceCardsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/service-cards").WithTags("Service cards");
        api.MapGet("/", List).WithSummary("Published cards to anyone; every state to staff with ViewServiceCards");
        api.MapGet("/{id:guid}", Get).WithSummary("The object the create API accepts, plus id and state");
        api.MapPost("/", Create).RequireAuthorization(Manage).WithSummary("Create a draft (reviewers may create it as Published)");
        api.MapPut("/{id:guid}", Update).RequireAuthorization(Manage);
        api.MapPost("/{id:guid}/submit", (Guid id, ServiceCardService cards, CancellationToken ct) => Transition(cards.SubmitAsync(id, ct))).RequireAuthorization(Manage);
        api.MapPost("/{id:guid}/approve", (Guid id, WorkflowComment? body, ServiceCardService cards, CancellationToken ct) => Transition(cards.ApproveAsync(id, body?.Comment, ct))).RequireAuthorization(Review);
        api.MapPost("/{id:guid}/reject", (Guid id, WorkflowComment? body, ServiceCardService cards, CancellationToken ct) => Transition(cards.RejectAsync(id, body?.Comment, ct))).RequireAuthorization(Review);
        api.MapPost("/{id:guid}/withdraw", (Guid id, WorkflowComment? body, ServiceCardService cards, CancellationToken ct) => Transition(cards.WithdrawAsync(id, body?.Comment, ct))).RequireAuthorization(Review);
        api.MapGet("/{id:guid}/versions", Versions).RequireAuthorization(View);
        api.MapGet("/{id:guid}/cpsv", Cpsv).Produces<string>(StatusCodes.Status200OK, "application/ld+json").WithSummary("CPSV-AP 3.x JSON-LD of a published card");
        api.MapGet("/cpsv", CpsvCatalogue).Produces<string>(StatusCodes.Status200OK, "application/ld+json").WithSummary("CPSV-AP 3.x JSON-LD of the whole published catalogue");
        api.MapGet("/export.csv", Csv).Produces<string>(StatusCodes.Status200OK, "text/csv").WithSummary("The published catalogue as CSV (staff with ViewServiceCards get every card)");
        api.MapPost("/import", Import).RequireAuthorization(Manage).RequiresBody("text/csv")
            .WithSummary("CSV in the export's columns (text/csv): drafts created or updated, all or nothing; errors name their line");
        return routes;
    }

    public sealed record WorkflowComment(string? Comment);

    private static bool IsStaff(ClaimsPrincipal user, IPermissionService permissions) => permissions.HasPermission(user, ServiceCardsManifest.ViewServiceCards);

    private static async Task<Ok<List<ServiceCardInput>>> List(ClaimsPrincipal user, IPermissionService permissions, ServiceCardService cards, CancellationToken ct)
    {
        var staff = IsStaff(user, permissions);
        return TypedResults.Ok((await cards.ListAsync(staff, ct)).Select(c => ServiceCardService.View(c, staff)).ToList());
    }

    private static async Task<Results<Ok<ServiceCardInput>, NotFound>> Get(Guid id, ClaimsPrincipal user, IPermissionService permissions, ServiceCardService cards, CancellationToken ct)
    {
        var staff = IsStaff(user, permissions);
        var card = await cards.FindAsync(id, ct);
        if (card is null || !staff && !card.IsPublished) return TypedResults.NotFound();
        return TypedResults.Ok(ServiceCardService.View(card, staff));
    }

    private static async Task<Results<Created<ServiceCardInput>, ValidationProblem, Conflict<string>, ForbidHttpResult>> Create(
        ServiceCardInput input, ClaimsPrincipal user, IPermissionService permissions, ServiceCardService cards, CancellationToken ct)
    {
        if (input.Id is { } id && await cards.FindAsync(id, ct) is not null) return TypedResults.Conflict($"Kartīte {id} jau pastāv; lietojiet PUT.");
        if (input.State is not (null or CardState.Draft or CardState.Published))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["Jaunai kartītei stāvoklis ir Draft vai Published."] });
        if (input.State == CardState.Published && !permissions.HasPermission(user, ServiceCardsManifest.ReviewServiceCards)) return TypedResults.Forbid();
        var errors = await cards.ValidateAsync(input, null, ct);
        if (input.State == CardState.Published && ServiceCardService.PublishProblems(input.Normalized()) is { Count: > 0 } problems)
            errors["state"] = ["Nevar publicēt: " + string.Join("; ", problems) + "."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var card = await cards.SaveAsync(input.Id, input, ct);
        if (input.State == CardState.Published)
        {
            await cards.SubmitAsync(card.Id, ct);
            card = (await cards.ApproveAsync(card.Id, null, ct)).Card!;
        }
        return TypedResults.Created($"api/service-cards/{card.Id}", ServiceCardService.View(card, staff: true));
    }

    private static async Task<Results<Ok<ServiceCardInput>, ValidationProblem, NotFound>> Update(Guid id, ServiceCardInput input, ServiceCardService cards, CancellationToken ct)
    {
        if (await cards.FindAsync(id, ct) is null) return TypedResults.NotFound();
        var errors = await cards.ValidateAsync(input, id, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(ServiceCardService.View(await cards.SaveAsync(id, input, ct), staff: true));
    }

    private static async Task<Results<Ok<ServiceCardInput>, NotFound, Conflict<string>>> Transition(Task<WorkflowResult> transition)
    {
        var result = await transition;
        if (result.IsNotFound) return TypedResults.NotFound();
        return result.Card is null ? TypedResults.Conflict(result.Problem!) : TypedResults.Ok(ServiceCardService.View(result.Card, staff: true));
    }

    private static async Task<Results<Ok<List<ServiceCardVersion>>, NotFound>> Versions(Guid id, ServiceCardService cards, CancellationToken ct) =>
        await cards.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await cards.VersionsAsync(id, ct));

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<Results<ContentHttpResult, NotFound>> Cpsv(Guid id, HttpRequest request, ServiceCardService cards, CancellationToken ct)
    {
        var card = await cards.FindAsync(id, ct);
        if (card is not { IsPublished: true }) return TypedResults.NotFound();
        return TypedResults.Content(CpsvExport.Document(BaseUrl(request), card).ToJsonString(), "application/ld+json; charset=utf-8");
    }

    private static async Task<ContentHttpResult> CpsvCatalogue(HttpRequest request, ServiceCardService cards, CancellationToken ct) =>
        TypedResults.Content(CpsvExport.Catalogue(BaseUrl(request), await cards.ListAsync(includeUnpublished: false, ct)).ToJsonString(), "application/ld+json; charset=utf-8");

    private static async Task<FileContentHttpResult> Csv(ClaimsPrincipal user, IPermissionService permissions, ServiceCardService cards, CancellationToken ct)
    {
        var staff = IsStaff(user, permissions);
        var rows = (await cards.ListAsync(staff, ct)).Select(c => (c.Id, ServiceCardService.View(c, staff)));
        return TypedResults.File(ServiceCardCsv.Write(rows), "text/csv; charset=utf-8", "pakalpojumi.csv");
    }

    private static async Task<Results<Ok<ServiceCardService.ImportResult>, BadRequest<ServiceCardService.ImportResult>>> Import(HttpRequest request, ServiceCardService cards, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var rows = ServiceCardCsv.Read(await reader.ReadToEndAsync(ct));
        if (rows.Count == 0) return TypedResults.BadRequest(new ServiceCardService.ImportResult(0, 0, ["Fails ir tukšs vai bez galvenes rindas."]));
        var result = await cards.ImportAsync(rows, ct);
        return result.Errors.Count == 0 ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }
}
