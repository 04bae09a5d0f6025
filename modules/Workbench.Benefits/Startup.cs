using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Search;
using Workbench.Benefits.Api;
using Workbench.Benefits.Data;
using Workbench.Benefits.Domain;
using Workbench.Benefits.Integration;
using Workbench.Benefits.Recipes;
using Workbench.Benefits.Search;

namespace Workbench.Benefits;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<BenefitsDbContext>(BenefitsManifest.Feature);
        services.AddScoped<AuditedWriter<BenefitsDbContext>>();
        services.AddScoped<CatalogueService>();
        services.AddScoped<PersonKeys>();
        services.AddScoped<StatusRecords>();
        services.AddScoped<Cards>();
        services.AddScoped<IModuleJob, StatusPurgeJob>();
        services.AddScoped<ProviderService>();
        services.AddScoped<EligibilityService>();
        services.AddSingleton<EligibilityLimiter>();
        services.AddScoped<AvisSync>();
        services.AddScoped<IOutboxAdapter, AvisAdapter>();
        services.AddScoped<AvisReconciliation>();
        services.AddScoped<IModuleJob, AvisReconciliationJob>();
        services.AddScoped<BenefitsSearchSource>();
        services.AddScoped<ISearchSource>(sp => sp.GetRequiredService<BenefitsSearchSource>());
        services.AddScoped<IRecipeStepHandler, BenefitsStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapBenefitsApi().MapBenefitsPeopleApi().MapBenefitsProvidersApi().MapBenefitsAvisApi();
}
