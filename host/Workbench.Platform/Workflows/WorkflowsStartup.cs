using Workbench.Abstractions.Security;
using Workbench.Abstractions.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Workflows;
using Workbench.Platform.Data;
using Workbench.Platform.Workflows.Api;

namespace Workbench.Platform.Workflows;

/// <summary>The workflow engine as one piece (see README.md beside this file): its services and its endpoints.</summary>
public static class WorkflowsStartup
{
    /// <summary>What the workflow engine adds to the platform's manifest: its permission and its workplace pages.</summary>
    public static readonly PermissionDefinition[] Permissions =
        [new(PermissionNames.ManageWorkflows, "Write workflow types, start and signal workflows, retry failed ones")];

    public static readonly NavigationItem[] Navigation =
    [
        new("Darbplūsmas", "Workflows", "admin/workflows", PlatformFeatures.Admin, PermissionNames.ManageWorkflows, 955),
        new("Darbplūsmu uzdevumi", "Workflow tasks", "admin/workflows/tasks", PlatformFeatures.Admin, PermissionNames.AccessAdmin, 8),
    ];

    /// <summary>The engine, its activities, the events modules raise, the <c>WorkflowType</c> recipe step.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddTenantDbContext<WorkflowDbContext>(PlatformDbContext.FeatureId, historyName: "Workbench.Workflows");
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<IWorkflowEvents, WorkflowEvents>();
        services.AddSingleton<WorkflowEventRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowEventRunner>());
        foreach (var activity in new[] { typeof(IfActivity), typeof(AssignTaskActivity), typeof(NotifyActivity), typeof(WaitForSignalActivity), typeof(TimerActivity), typeof(SetFieldActivity), typeof(CallOutboxActivity), typeof(EndActivity) })
            services.AddScoped(typeof(IWorkflowActivity), activity);
        services.AddScoped<IRecipeStepHandler, WorkflowTypeStep>();
        return services;
    }

    /// <summary><c>/api/admin/workflows</c> and <c>/api/workflows</c>.</summary>
    public static IEndpointRouteBuilder MapWorkflows(this IEndpointRouteBuilder routes) => routes.MapWorkflowsApi();
}
