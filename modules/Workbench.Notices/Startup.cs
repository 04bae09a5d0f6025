using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Search;
using Workbench.Notices.Search;
using Workbench.Notices.Api;
using Workbench.Notices.Data;
using Workbench.Notices.Domain;
using Workbench.Notices.Recipes;

namespace Workbench.Notices;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<NoticesDbContext>(NoticesManifest.Feature);
        services.AddSingleton(new CustomFieldRecordType(Notice.RecordType, NoticesManifest.Feature, "Paziņojums"));
        services.AddScoped<NoticeService>();
        services.AddScoped<IRecipeStepHandler, NoticesStep>();
        services.AddScoped<ISearchSource, NoticeSearchSource>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapNoticesApi();
}
