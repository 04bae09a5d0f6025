using Workbench.Abstractions.Security;
using Workbench.Abstractions.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Search;
using Workbench.Platform.Data;
using Workbench.Platform.Search.Api;

namespace Workbench.Platform.Search;

/// <summary>Full-text search as one piece (see README.md beside this file).</summary>
public static class SearchStartup
{
    /// <summary>What search adds to the platform's manifest: the index maintenance page.</summary>
    public static readonly NavigationItem[] Navigation =
        [new("Meklēšanas indekss", "Search index", "admin/search-index", PlatformFeatures.Admin, PermissionNames.ManageFeatures, 965)];

    /// <summary>One index per tenant, platform-owned (migrated with the platform's tables): writer, query, rebuild, attachment text.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddTenantDbContext<SearchDbContext>(PlatformDbContext.FeatureId, historyName: "Workbench.Search");
        services.AddScoped<AttachmentText>();
        services.AddScoped<SearchIndexWriter>();
        services.AddScoped<ISearchIndex>(sp => sp.GetRequiredService<SearchIndexWriter>());
        services.AddScoped<SearchService>();
        services.AddScoped<SearchReindexer>();
        return services;
    }

    /// <summary>The shared search and its rebuild (Api/SearchApi.cs).</summary>
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder routes) => routes.MapSearchApi();
}
