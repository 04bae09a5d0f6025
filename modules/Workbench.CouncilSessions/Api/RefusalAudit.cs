using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions;
using Workbench.Abstractions.Audit;

namespace Workbench.CouncilSessions.Api;

/// <summary>
/// A refused change is audited too (voting twice, without a voting right, without quorum, on a closed meeting): once
/// the refused work has rolled back, one entry says who tried what and why it was refused. Nothing else changes.
/// </summary>
public static class RefusalAudit
{
    public const string Action = "council.refused";

    /// <summary>Audits every refused change (400, 403, 404, 409 answered or thrown by the endpoint) of the endpoints built.</summary>
    public static TBuilder AuditRefusals<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            object? result;
            try { result = await next(context); }
            catch (Exception refusal) when (Refusals.StatusOf(refusal) is { } status && !HttpMethods.IsGet(http.Request.Method))
            {
                // Thrown refusals are answered by the platform's error handler; the attempt is recorded here first.
                await RecordAsync(http, status, refusal.Message);
                throw;
            }
            if (!HttpMethods.IsGet(http.Request.Method) && result is IStatusCodeHttpResult { StatusCode: 400 or 403 or 404 or 409 } refused)
                await RecordAsync(http, refused.StatusCode!.Value, (result as ProblemHttpResult)?.ProblemDetails.Detail);
            return result;
        });

    public static Task RecordAsync(HttpContext http, int status, string? reason) =>
        http.RequestServices.GetRequiredService<IAuditLog>()
            .AppendAsync(Action, http.Request.Path.Value ?? "", new { method = http.Request.Method, status, reason }, http.RequestAborted);
}
