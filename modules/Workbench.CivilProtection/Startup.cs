using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Search;
using Workbench.CivilProtection.Api;
using Workbench.CivilProtection.Data;
using Workbench.CivilProtection.Domain;
using Workbench.CivilProtection.Recipes;
using Workbench.CivilProtection.Search;

namespace Workbench.CivilProtection;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<CivilProtectionDbContext>(CivilProtectionManifest.Feature);
        services.AddScoped<RegisterService>();
        services.AddScoped<ScenarioService>();
        services.AddScoped<CommitmentService>();
        services.AddScoped<Readiness>();
        services.AddScoped<Exchange>();
        services.AddScoped<MapData>();
        services.AddScoped<CivilProtectionSearchSource>();
        services.AddScoped<ISearchSource>(sp => sp.GetRequiredService<CivilProtectionSearchSource>());
        services.AddScoped<IReminderSource, CheckReminders>();
        services.AddScoped<IRecipeStepHandler, CivilProtectionStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapCivilProtectionApi();
        routes.MapLeafletAssets();
    }
}
