using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Modules;
using Workbench.Platform.Telemetry;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Hosting;

public static class WorkbenchApplicationBuilderExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("lv-LV"), new("en-US")];

    /// <summary>The request pipeline: logging, tenant resolution, static files, routing, authentication, feature gate, authorization.</summary>
    public static WebApplication UseWorkbench(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        var modulesLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Workbench.Modules");
        foreach (var module in catalog.Modules)
        {
            if (module.IsLoaded) modulesLog.LogInformation("Module {ModuleId} {Version} loaded ({Source})", module.Id, module.Version, module.Source);
            else modulesLog.LogWarning("Module {ModuleId} skipped, {Status}: {Error}", module.Id, module.Status, module.Error);
        }
        app.UseForwardedHeaders();
        app.UseWorkbenchMetricsEndpoint(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkbenchOptions>>().Value.Telemetry);
        app.UseWorkbenchRequestLogging();
        app.UseSecurityHeaders();
        app.UseMiddleware<TenantMiddleware>();
        // After the tenant is resolved: API paths are recognised and error pages wear the tenant's theme.
        app.UseWorkbenchErrors();
        // APIs answer with problem details; people get a page in their municipality's theme.
        app.UseWhen(c => ApiPaths.IsApi(c.Request), api => api.UseStatusCodePages());
        app.UseWhen(c => !ApiPaths.IsApi(c.Request), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("lv-LV");
            o.SupportedCultures = o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new ApiAcceptLanguageProvider(), new TenantCultureProvider()];
        });
        app.UseStaticFiles();
        foreach (var plugin in catalog.Loaded.Where(m => m.Source == ModuleSource.Plugin && Directory.Exists(Path.Combine(m.Path!, "wwwroot"))))
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.Combine(plugin.Path!, "wwwroot")),
                RequestPath = "/_content/" + plugin.Id,
            });
        app.UseRouting();
        app.UseRequestMetricsTags();
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseRateLimiter();
        app.UseMiddleware<ExternalSignIn.ExternalSignInSchemesMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<UserLogContextMiddleware>();
        app.UseMiddleware<TwoFactorRequirementMiddleware>();
        app.UseMiddleware<FeatureGateMiddleware>();
        app.UseAuthorization();

        app.MapGet("/health", Health).WithMetadata(new HostEndpointAttribute()).WithName("Health");
        app.MapWorkbenchHealthChecks();
        app.MapGet("/culture", SetCulture).Produces(StatusCodes.Status302Found).WithMetadata(new HostEndpointAttribute());
        foreach (var module in catalog.Loaded.Where(m => m.Startup is not null))
            module.Startup!.MapEndpoints(app.MapGroup("").WithMetadata(new RequiresFeatureAttribute(module.MainFeature)));
        app.MapRazorPages();
        return app;
    }

    public sealed record TenantHealth(string Name, string State);
    /// <summary>Healthy, or Degraded when a tenant failed to start; each tenant's state.</summary>
    public sealed record HostHealth(string Status, IEnumerable<TenantHealth> Tenants);

    private static Ok<HostHealth> Health(TenantRegistry registry) =>
        TypedResults.Ok(new HostHealth(registry.All.Any(t => t.Record.State == Data.TenantState.Failed) ? "Degraded" : "Healthy",
            registry.All.Select(t => new TenantHealth(t.Name, t.State))));

    /// <summary>
    /// A path on this site that <c>LocalRedirect</c> accepts: rooted, not protocol-relative (<c>//</c>, <c>/\\</c>), and
    /// without control characters (a tab or line break after the slash makes browsers read another host).
    /// </summary>
    internal static bool IsLocalPath(string? url) =>
        url is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(char.IsControl);

    /// <summary>Language switch: <c>/{tenant}/culture?c=en-US&amp;returnUrl=...</c> remembers the choice in a cookie.</summary>
    private static Results<RedirectHttpResult, BadRequest<string>> SetCulture(HttpContext context, string c, string? returnUrl)
    {
        if (!SupportedCultures.Any(s => s.Name == c)) return TypedResults.BadRequest($"Unsupported culture \"{c}\".");
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
            new CookieOptions { Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/", MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax });
        var target = IsLocalPath(returnUrl) ? returnUrl! : context.Request.PathBase + "/";
        return TypedResults.LocalRedirect(target);
    }

    /// <summary>Without a language cookie, the tenant's configured culture applies.</summary>
    private sealed class TenantCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var tenant = httpContext.RequestServices.GetRequiredService<ITenantContext>().Current;
            return Task.FromResult(tenant is null ? null : new ProviderCultureResult(tenant.Settings.Culture));
        }
    }
}
