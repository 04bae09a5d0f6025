using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Validation;

namespace Workbench.Platform.Search.Api;

/// <summary>
/// The shared search: <c>/{tenant}/api/search</c> for anyone (each hit only where the caller may open it) and
/// <c>/{tenant}/api/admin/search/rebuild</c> for administrators.
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search).WithTags("Search")
            .WithSummary("Full-text search of everything the caller may open: q, module (feature id), type, page, prefix (type-ahead)");
        app.MapPost("/api/admin/search/rebuild", Rebuild).WithTags("Administration").WithMetadata(new RequiresFeatureAttribute(PlatformFeatures.Admin))
            .RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageFeatures));
        return app;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem>> Search(HttpContext http, SearchService search, string? q, string? module, string? type, int? page, bool? prefix, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
            return TypedResults.ValidationProblem(new ValidationErrors { { "q", "Ievadiet meklējamo tekstu, līdz 200 zīmēm." } });
        if (page is < 1 or > 1000)
            return TypedResults.ValidationProblem(new ValidationErrors { { "page", "Lapai jābūt no 1 līdz 1000." } });
        var results = await search.SearchAsync(new SearchQuery(q, module, type, page ?? 1, 10, prefix ?? false), http.User, ct);
        var basePath = http.Request.PathBase.Value + "/";
        return TypedResults.Ok(results with { Hits = results.Hits.Select(h => h with { Url = basePath + h.Url }).ToList() });
    }

    private static async Task<Ok<SearchIndexStatus>> Rebuild(SearchReindexer reindexer, CancellationToken ct) =>
        TypedResults.Ok(await reindexer.RebuildAsync(null, ct));
}
