using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.Platform.Workflows.Api;

/// <summary>
/// Workflows: <c>/{tenant}/api/admin/workflows</c> for administrators (types, instances, retry) and
/// <c>/{tenant}/api/workflows</c> for everyone's tasks, manual starts and signals.
/// </summary>
public static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var manage = PermissionNames.Policy(PermissionNames.ManageWorkflows);
        var admin = app.MapGroup("/api/admin/workflows").WithTags("Workflows").WithMetadata(new RequiresFeatureAttribute(PlatformFeatures.Admin)).RequireAuthorization(manage);
        admin.MapGet("/types", Types);
        admin.MapPost("/types", SaveType).RequiresBody("application/json").WithSummary("A workflow type as JSON; refused with every reason (unknown activity, dangling transition, bad property) or saved as a new version");
        admin.MapPost("/types/{name}/enable", (string name, WorkflowEngine engine, CancellationToken ct) => SetEnabledAsync(name, true, engine, ct));
        admin.MapPost("/types/{name}/disable", (string name, WorkflowEngine engine, CancellationToken ct) => SetEnabledAsync(name, false, engine, ct))
            .WithSummary("No new instances of the type (by event, schedule or hand); running instances go on");
        admin.MapGet("/activities", (WorkflowEngine engine) => TypedResults.Ok(engine.Activities.OrderBy(a => a.Type).Select(a => new ActivityView(a.Type, a.Description, a.Outcomes))));
        admin.MapGet("/instances", async (WorkflowStatus? status, WorkflowEngine engine, CancellationToken ct) =>
            TypedResults.Ok((await engine.InstancesAsync(status, ct)).Select(InstanceSummary.Of)));
        admin.MapGet("/instances/{id:guid}", Instance);
        admin.MapPost("/instances/{id:guid}/retry", async (Guid id, JsonObject? variables, WorkflowEngine engine, CancellationToken ct) => TypedResults.Ok(InstanceSummary.Of(await engine.RetryAsync(id, variables, ct))))
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Runs a failed instance again from the failed step; an optional body corrects its variables first");

        var workflows = app.MapGroup("/api/workflows").WithTags("Workflows").WithMetadata(new RequiresFeatureAttribute(PlatformFeatures.Admin));
        workflows.MapPost("/{type}/start", async (string type, JsonObject? variables, WorkflowEngine engine, CancellationToken ct) =>
            TypedResults.Created("api/admin/workflows/instances", InstanceSummary.Of(await engine.StartAsync(type, null, null, variables ?? [], ct)))).RequireAuthorization(manage)
            .ProducesProblem(StatusCodes.Status409Conflict);
        workflows.MapPost("/instances/{id:guid}/signal", async (Guid id, SignalInput input, WorkflowEngine engine, CancellationToken ct) =>
            TypedResults.Ok(InstanceSummary.Of(await engine.SignalAsync(id, input.Signal ?? "", ct)))).RequireAuthorization(manage)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Resumes an instance waiting for this signal; it runs on to its next wait (or end) before the answer");
        workflows.MapGet("/tasks", (ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) => engine.OpenTasksAsync(user, ct)).RequireAuthorization()
            .WithSummary("Open workflow tasks of the signed-in person (by e-mail or role)");
        workflows.MapPost("/tasks/{id:guid}/complete", async (Guid id, CompleteInput? input, ClaimsPrincipal user, IPermissionService permissions, WorkflowEngine engine, CancellationToken ct) =>
            TypedResults.Ok(InstanceSummary.Of(await engine.CompleteTaskAsync(id, input?.Outcome, user, permissions.HasPermission(user, PermissionNames.ManageWorkflows), ct))))
            .RequireAuthorization().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record SignalInput(string? Signal);
    public sealed record CompleteInput(string? Outcome);

    public sealed record WorkflowTypeView(string Name, string Title, int Version, bool Enabled, string? StartEvent, JsonNode? Definition);
    public sealed record SavedWorkflowType(string Name, string Title, int Version);
    public sealed record WorkflowTypeState(string Name, int Version, bool Enabled);
    public sealed record ActivityView(string Type, string Description, IReadOnlyList<string> Outcomes);
    public sealed record InstanceDetails(InstanceSummary Instance, JsonNode? Variables, List<WorkflowHistoryEntry> History, List<WorkflowTask> Tasks);

    /// <summary>A workflow instance without its definition and variables.</summary>
    public sealed record InstanceSummary(Guid Id, string TypeName, int TypeVersion, WorkflowStatus Status, string? CurrentActivity, string? WaitSignal, DateTime? WaitDueUtc,
        Guid? WaitTaskId, string? CorrelationType, string? CorrelationId, string? Error, DateTime CreatedUtc, DateTime UpdatedUtc, DateTime? FinishedUtc)
    {
        public static InstanceSummary Of(WorkflowInstance i) => new(i.Id, i.TypeName, i.TypeVersion, i.Status, i.CurrentActivity, i.WaitSignal, i.WaitDueUtc, i.WaitTaskId,
            i.CorrelationType, i.CorrelationId, i.Error, i.CreatedUtc, i.UpdatedUtc, i.FinishedUtc);
    }

    private static async Task<Ok<IEnumerable<WorkflowTypeView>>> Types(WorkflowEngine engine, CancellationToken ct) =>
        TypedResults.Ok((await engine.TypesAsync(ct)).Select(t => new WorkflowTypeView(t.Name, t.Title, t.Version, t.Enabled, t.StartEvent, JsonNode.Parse(t.Json))));

    private static async Task<Results<Ok<InstanceDetails>, NotFound>> Instance(Guid id, WorkflowEngine engine, CancellationToken ct) =>
        await engine.DetailAsync(id, ct) is { } detail
            ? TypedResults.Ok(new InstanceDetails(InstanceSummary.Of(detail.Instance), JsonNode.Parse(detail.Instance.Variables), detail.History, detail.Tasks))
            : TypedResults.NotFound();

    private static async Task<Results<Created<SavedWorkflowType>, ValidationProblem>> SaveType(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var json = await new StreamReader(request.Body).ReadToEndAsync(ct);
        var (type, errors) = await engine.SaveTypeAsync(json, ct);
        return type is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["definition"] = [.. errors] }, detail: string.Join(" ", errors))
            : TypedResults.Created("api/admin/workflows/types", new SavedWorkflowType(type.Name, type.Title, type.Version));
    }

    private static async Task<Ok<WorkflowTypeState>> SetEnabledAsync(string name, bool enabled, WorkflowEngine engine, CancellationToken ct)
    {
        var type = await engine.SetEnabledAsync(name, enabled, ct);
        return TypedResults.Ok(new WorkflowTypeState(type.Name, type.Version, type.Enabled));
    }
}
