using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Search;
using Workbench.DocumentRegister.Api;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Domain;
using Workbench.DocumentRegister.Integration;
using Workbench.DocumentRegister.Recipes;
using Workbench.DocumentRegister.Search;
using Workbench.DocumentRegister.Workflows;
using Workbench.Abstractions.Workflows;
using Workbench.Abstractions.Records;

namespace Workbench.DocumentRegister;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<DocumentRegisterDbContext>(DocumentRegisterManifest.Feature);
        services.AddSingleton(new CustomFieldRecordType(DocumentRegistration.RecordType, DocumentRegisterManifest.Feature, "Dokuments"));
        services.AddScoped<RegisterService>();
        services.AddScoped<DocumentAccessRule>();
        services.AddScoped<DocumentQueries>();
        services.AddScoped<DocumentRegistration>();
        services.AddScoped<DocumentAttachments>();
        services.AddScoped<DocumentStatusChanges>();
        services.AddScoped<DocumentServiceCases>();
        services.AddScoped<DocumentEvents>();
        services.AddScoped<ExecutionControl>();
        services.AddScoped<Approvals>();
        services.AddScoped<Reports>();
        services.AddScoped<ElectronicDelivery>();
        services.AddScoped<DocumentSearchSource>();
        services.AddScoped<ISearchSource>(sp => sp.GetRequiredService<DocumentSearchSource>());
        services.AddScoped<IReminderSource, TaskReminders>();
        services.AddScoped<IOutboxAdapter, DeppAdapter>();
        services.AddScoped<IOutboxAdapter, DivAdapter>();
        services.AddScoped<IRecipeStepHandler, DocumentRegisterStep>();
        services.AddScoped<IWorkflowActivity, DocumentStatusActivity>();
        services.AddModuleContract<IRecordRegistry, RecordRegistry>(DocumentRegisterManifest.Feature);
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapDocumentsApi();
}
