using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Api;

/// <summary>Service cases: <c>/{tenant}/api/service-cases</c>.</summary>
public static class ServiceCasesApi
{
    public static IEndpointRouteBuilder MapServiceCasesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/service-cases").WithTags("Service cases")
            .RequireAuthorization(PermissionNames.Policy(ServiceCardsManifest.RegisterServiceCases));
        api.MapPost("/", Register).WithSummary("Register a case (status Submitted); reported to PSPP/VIRSIS through the outbox");
        api.MapGet("/{id:guid}", Get).WithSummary("The case with its status history");
        api.MapPost("/{id:guid}/status", ChangeStatus).WithSummary("Move the case: Submitted → InProgress → Completed | Refused");
        api.MapGet("/kpi", Kpi).WithSummary("Cases per service, channel and month; average and p90 duration in days; overdue; refusals");
        return routes;
    }

    public sealed record StatusChange(CaseStatus Status);

    public sealed record CaseView(Guid Id, Guid CardId, CaseChannel Channel, string ClientReference, DateOnly PlannedCompletion, CaseStatus Status, IReadOnlyList<EventView> History);
    public sealed record EventView(int Sequence, CaseStatus Status, DateTime AtUtc, string Actor);

    private static CaseView View(ServiceCase c, IEnumerable<ServiceCaseEvent> events) =>
        new(c.Id, c.CardId, c.Channel, c.ClientReference, c.PlannedCompletion, c.Status, events.Select(e => new EventView(e.Sequence, e.Status, e.AtUtc, e.Actor)).ToList());

    private static async Task<Results<Created<CaseView>, ValidationProblem>> Register(ServiceCaseService.Registration registration, ServiceCaseService cases, CancellationToken ct)
    {
        var errors = await cases.ValidateAsync(registration, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var created = await cases.RegisterAsync(registration, ct);
        var (serviceCase, events) = (await cases.FindAsync(created.Id, ct))!.Value;
        return TypedResults.Created($"api/service-cases/{created.Id}", View(serviceCase, events));
    }

    private static async Task<Results<Ok<CaseView>, NotFound>> Get(Guid id, ServiceCaseService cases, CancellationToken ct) =>
        await cases.FindAsync(id, ct) is { } found ? TypedResults.Ok(View(found.Case, found.Events)) : TypedResults.NotFound();

    private static async Task<Results<Ok<CaseView>, NotFound, Conflict<string>>> ChangeStatus(Guid id, StatusChange change, ServiceCaseService cases, CancellationToken ct)
    {
        var (serviceCase, problem) = await cases.ChangeStatusAsync(id, change.Status, ct);
        if (serviceCase is null) return TypedResults.NotFound();
        if (problem is not null) return TypedResults.Conflict(problem);
        var (current, events) = (await cases.FindAsync(id, ct))!.Value;
        return TypedResults.Ok(View(current, events));
    }

    private static async Task<Ok<IReadOnlyList<ServiceCaseKpis.Row>>> Kpi(ServiceCaseKpis kpis, ITenantContext tenant, CancellationToken ct) =>
        TypedResults.Ok(await kpis.CalculateAsync(tenant.Required.Settings.Today(), ct));
}
