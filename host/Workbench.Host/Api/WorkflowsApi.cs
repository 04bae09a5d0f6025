using System.Security.Claims;
using System.Text.Json.Nodes;
using Workbench.Abstractions;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform;
using Workbench.Platform.Workflows;

namespace Workbench.Host.Api;

/// <summary>
/// Workflows: <c>/{tenant}/api/admin/workflows</c> for administrators (types, instances, retry) and
/// <c>/{tenant}/api/workflows</c> for everyone's tasks, manual starts and signals.
/// </summary>
public static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var manage = PermissionNames.Policy(PermissionNames.ManageWorkflows);
        var admin = app.MapGroup("/api/admin/workflows").WithTags("Workflows").WithMetadata(new RequiresFeatureAttribute(PlatformManifest.Admin)).RequireAuthorization(manage);
        admin.MapGet("/types", async (WorkflowEngine engine, CancellationToken ct) =>
            (await engine.TypesAsync(ct)).Select(t => new { t.Name, t.Title, t.Version, t.Enabled, t.StartEvent, definition = JsonNode.Parse(t.Json) }));
        admin.MapPost("/types", SaveType).RequiresBody("application/json").WithSummary("A workflow type as JSON; refused with every reason (unknown activity, dangling transition, bad property) or saved as a new version");
        admin.MapPost("/types/{name}/enable", (string name, WorkflowEngine engine, CancellationToken ct) => SetEnabled(name, true, engine, ct));
        admin.MapPost("/types/{name}/disable", (string name, WorkflowEngine engine, CancellationToken ct) => SetEnabled(name, false, engine, ct))
            .WithSummary("No new instances of the type (by event, schedule or hand); running instances go on");
        admin.MapGet("/activities", (WorkflowEngine engine) => engine.Activities.OrderBy(a => a.Type).Select(a => new { a.Type, a.Description, a.Outcomes }));
        admin.MapGet("/instances", async (WorkflowStatus? status, WorkflowEngine engine, CancellationToken ct) =>
            (await engine.InstancesAsync(status, ct)).Select(Summary));
        admin.MapGet("/instances/{id:guid}", async (Guid id, WorkflowEngine engine, CancellationToken ct) =>
            await engine.DetailAsync(id, ct) is { } detail
                ? Results.Ok(new { instance = Summary(detail.Instance), variables = JsonNode.Parse(detail.Instance.Variables), history = detail.History, tasks = detail.Tasks })
                : Results.NotFound());
        admin.MapPost("/instances/{id:guid}/retry", (Guid id, JsonObject? variables, WorkflowEngine engine, CancellationToken ct) => Refusals.AsProblemAsync(async () => Results.Ok(Summary(await engine.RetryAsync(id, variables, ct)))))
            .WithSummary("Runs a failed instance again from the failed step; an optional body corrects its variables first");

        var workflows = app.MapGroup("/api/workflows").WithTags("Workflows").WithMetadata(new RequiresFeatureAttribute(PlatformManifest.Admin));
        workflows.MapPost("/{type}/start", (string type, JsonObject? variables, WorkflowEngine engine, CancellationToken ct) =>
            Refusals.AsProblemAsync(async () => Results.Created("api/admin/workflows/instances", Summary(await engine.StartAsync(type, null, null, variables ?? [], ct))))).RequireAuthorization(manage);
        workflows.MapPost("/instances/{id:guid}/signal", (Guid id, SignalInput input, WorkflowEngine engine, CancellationToken ct) =>
            Refusals.AsProblemAsync(async () => Results.Ok(Summary(await engine.SignalAsync(id, input.Signal ?? "", ct))))).RequireAuthorization(manage)
            .WithSummary("Resumes an instance waiting for this signal; it runs on to its next wait (or end) before the answer");
        workflows.MapGet("/tasks", (ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) => engine.OpenTasksAsync(user, ct)).RequireAuthorization()
            .WithSummary("Open workflow tasks of the signed-in person (by e-mail or role)");
        workflows.MapPost("/tasks/{id:guid}/complete", (Guid id, CompleteInput? input, ClaimsPrincipal user, IPermissionService permissions, WorkflowEngine engine, CancellationToken ct) =>
            Refusals.AsProblemAsync(async () => Results.Ok(Summary(await engine.CompleteTaskAsync(id, input?.Outcome, user, permissions.HasPermission(user, PermissionNames.ManageWorkflows), ct)))))
            .RequireAuthorization();
        return app;
    }

    public sealed record SignalInput(string? Signal);
    public sealed record CompleteInput(string? Outcome);

    private static async Task<IResult> SaveType(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var json = await new StreamReader(request.Body).ReadToEndAsync(ct);
        var (type, errors) = await engine.SaveTypeAsync(json, ct);
        return type is null
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["definition"] = [.. errors] }, detail: string.Join(" ", errors))
            : Results.Created($"api/admin/workflows/types", new { type.Name, type.Title, type.Version });
    }

    private static Task<IResult> SetEnabled(string name, bool enabled, WorkflowEngine engine, CancellationToken ct) =>
        Refusals.AsProblemAsync(async () =>
        {
            var type = await engine.SetEnabledAsync(name, enabled, ct);
            return Results.Ok(new { type.Name, type.Version, type.Enabled });
        });

    private static object Summary(WorkflowInstance i) => new
    {
        i.Id, i.TypeName, i.TypeVersion, i.Status, i.CurrentActivity, i.WaitSignal, i.WaitDueUtc, i.WaitTaskId, i.CorrelationType, i.CorrelationId, i.Error, i.CreatedUtc, i.UpdatedUtc, i.FinishedUtc,
    };
}
