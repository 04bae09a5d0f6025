using Workbench.Abstractions.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Security;
using Workbench.Benefits.Data;
using Workbench.Benefits.Integration;

namespace Workbench.Benefits.Api;

/// <summary>AVIS synchronisation: <c>/{tenant}/api/benefits/avis/…</c> — what was sent and acknowledged, the reconciliation report, resend.</summary>
public static class AvisApi
{
    public static IEndpointRouteBuilder MapBenefitsAvisApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/benefits/avis").WithTags(BenefitsApi.Tag).RequireAuthorization(PermissionNames.Policy(BenefitsManifest.ViewBenefits));
        var manage = PermissionNames.Policy(BenefitsManifest.ManageBenefits);
        api.MapGet("/messages", Messages).WithSummary("Every relief and group version queued for AVIS, with AVIS's id once acknowledged");
        api.MapGet("/reconciliation", Latest).WithSummary("The latest reconciliation report: missing in AVIS, different, unknown to the municipality");
        api.MapPost("/reconciliation", Run).RequireAuthorization(manage).WithSummary("Reconciles now (the nightly job does the same)");
        api.MapPost("/reliefs/{code}/resend", Resend).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Queues the relief's latest version for AVIS again (a new idempotency key ending :resend-n)");
        return routes;
    }

    public sealed record AvisMessageView(string Kind, string Code, int Version, string IdempotencyKey, DateTime QueuedUtc, string? AvisId, DateTime? AcknowledgedUtc);

    public sealed record ResendView(string IdempotencyKey);

    private static async Task<Ok<List<AvisMessageView>>> Messages(BenefitsDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.AvisMessages.AsNoTracking().ToListAsync(ct)).OrderBy(m => m.QueuedUtc).ThenBy(m => m.IdempotencyKey, StringComparer.Ordinal)
            .Select(m => new AvisMessageView(m.Kind, m.Code, m.Version, m.IdempotencyKey, m.QueuedUtc, m.AvisId, m.AcknowledgedUtc)).ToList());

    private static async Task<Results<Ok<ReconciliationReport>, NotFound>> Latest(AvisReconciliation reconciliation, CancellationToken ct) =>
        await reconciliation.LatestAsync(ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();

    private static async Task<Ok<ReconciliationReport>> Run(AvisReconciliation reconciliation, CancellationToken ct) => TypedResults.Ok(await reconciliation.RunAsync(ct));

    private static async Task<Ok<ResendView>> Resend(string code, AvisSync avis, AuditedWriter<BenefitsDbContext> writer, CancellationToken ct) =>
        TypedResults.Ok(new ResendView(await writer.InTransactionAsync(() => avis.ResendReliefAsync(code, ct), ct)));
}
