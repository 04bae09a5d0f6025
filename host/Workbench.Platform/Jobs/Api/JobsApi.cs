using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.Platform.Jobs.Api;

/// <summary>The host's background jobs for the competence centre: <c>/{tenant}/api/admin/jobs</c>.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/admin/jobs").WithTags("Administration").WithMetadata(new RequiresFeatureAttribute(PlatformFeatures.TenantAdministration))
            .RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageFeatures));
        jobs.MapGet("/", (JobsOverview overview, CancellationToken ct) => overview.ListAsync(ct)).WithSummary("The host's background jobs: next run, last run, duration, last error, recent firings");
        jobs.MapPost("/{name}/run", RunJob).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Runs the job now, on whichever node takes it");
        return app;
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RunJob(string name, JobsOverview overview, IAuditLog audit, CancellationToken ct)
    {
        if (!await overview.RunNowAsync(name, ct)) return TypedResults.Problem($"Nav tāda fona darba \"{name}\".", statusCode: StatusCodes.Status404NotFound);
        await audit.AppendAsync("jobs.triggered", name, cancellationToken: ct);
        return TypedResults.Accepted((string?)null);
    }
}
