using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Records;
using Workbench.Abstractions.Search;
using Workbench.ServiceCards.Api;
using Workbench.ServiceCards.Data;
using Workbench.ServiceCards.Domain;
using Workbench.ServiceCards.Integration;
using Workbench.ServiceCards.Recipes;
using Workbench.ServiceCards.Search;

namespace Workbench.ServiceCards;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<ServiceCardsDbContext>(ServiceCardsManifest.Feature);
        services.AddSingleton(new CustomFieldRecordType(ServiceCardService.RecordType, ServiceCardsManifest.Feature, "Pakalpojuma kartīte"));
        services.AddScoped<ServiceCardService>();
        services.AddScoped<IRecipeStepHandler, ServiceCardsStep>();
        services.AddScoped<ISearchSource, ServiceCardSearchSource>();
        services.AddScoped<ServiceCaseService>();
        services.AddModuleContract<IServiceCaseDirectory, ServiceCaseDirectory>(ServiceCardsManifest.Feature);
        services.AddModuleContract<IServiceCardDirectory, ServiceCardDirectory>(ServiceCardsManifest.Feature);
        services.AddScoped<ServiceCaseKpis>();
        services.AddScoped<IReminderSource, ServiceCardReminders>();
        services.AddScoped<IPendingWorkSource, ServiceCardsPendingWork>();
        services.AddScoped<IOutboxAdapter, PsppStatusAdapter>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapServiceCardsApi();
        routes.MapServiceCasesApi();
    }
}
