using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Search;
using Workbench.Cemetery.Api;
using Workbench.Cemetery.Data;
using Workbench.Cemetery.Domain;
using Workbench.Cemetery.Integration;
using Workbench.Cemetery.Recipes;
using Workbench.Cemetery.Search;

namespace Workbench.Cemetery;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<CemeteryDbContext>(CemeteryManifest.Feature);
        services.AddScoped<AuditedWriter<CemeteryDbContext>>();
        services.AddScoped<CemeteryService>();
        services.AddScoped<BurialService>();
        services.AddScoped<UseRightService>();
        services.AddScoped<GraveSearch>();
        services.AddScoped<DataQuality>();
        services.AddScoped<RegisterImport>();
        services.AddScoped<NeglectProcedure>();
        services.AddScoped<IReminderSource, UseRightReminders>();
        services.AddScoped<CemeterySearchSource>();
        services.AddScoped<ISearchSource>(sp => sp.GetRequiredService<CemeterySearchSource>());
        services.AddScoped<IOutboxAdapter, FprisAdapter>();
        services.AddScoped<IRecipeStepHandler, CemeteryStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapCemeteryApi();
}
