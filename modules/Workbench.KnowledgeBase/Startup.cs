using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Search;
using Workbench.KnowledgeBase.Api;
using Workbench.KnowledgeBase.Data;
using Workbench.KnowledgeBase.Domain;
using Workbench.KnowledgeBase.Recipes;
using Workbench.KnowledgeBase.Search;

namespace Workbench.KnowledgeBase;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddTenantDbContext<KnowledgeBaseDbContext>(KnowledgeBaseManifest.Feature);
        services.AddScoped<ArticleService>();
        services.AddScoped<IRecipeStepHandler, KnowledgeBaseStep>();
        services.AddScoped<ISearchSource, ArticleSearchSource>();
        services.AddScoped<IReminderSource, ArticleReminders>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder routes) => routes.MapKnowledgeBaseApi();
}
