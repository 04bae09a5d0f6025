using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Recipes;
using Workbench.CouncilSessions.Api;
using Workbench.CouncilSessions.Data;
using Workbench.CouncilSessions.Domain;
using Workbench.CouncilSessions.Recipes;
using Workbench.CouncilSessions.Search;
using Workbench.Abstractions.Search;

namespace Workbench.CouncilSessions;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<CouncilDbContext>(CouncilSessionsManifest.Feature);
        services.AddScoped<CouncilWriter>();
        services.AddScoped<BodyService>();
        services.AddScoped<MeetingService>();
        services.AddScoped<AgendaService>();
        services.AddScoped<VotingService>();
        services.AddScoped<MinutesService>();
        services.AddScoped<RecordRegistration>();
        services.AddScoped<InvitationService>();
        services.AddScoped<AgendaItemSearchSource>();
        services.AddScoped<ISearchSource>(sp => sp.GetRequiredService<AgendaItemSearchSource>());
        services.AddScoped<IRecipeStepHandler, CouncilStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapCouncilApi();
        routes.MapOParl();
    }
}
