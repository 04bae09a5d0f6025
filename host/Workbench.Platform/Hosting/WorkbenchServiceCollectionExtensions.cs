using Workbench.Platform.Signals;
using Workbench.Abstractions.Files;
using Workbench.Platform.Files;
using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Formatting.Json;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.CustomFields;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Records;
using Workbench.Abstractions.Search;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Jobs;
using Workbench.Platform.Workflows;
using Workbench.Abstractions.Workflows;
using Workbench.Platform.Audit;
using Workbench.Platform.CustomFields;
using Workbench.Platform.Data;
using Workbench.Platform.ExternalSignIn;
using Workbench.Platform.Features;
using Workbench.Platform.Localization;
using Workbench.Platform.Modules;
using Workbench.Platform.Recipes;
using Workbench.Platform.Recipes.Steps;
using Workbench.Platform.OpenId;
using Workbench.Platform.Search;
using Workbench.Platform.Outbox;
using Workbench.Platform.Notifications;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Integration;
using Workbench.Platform.Security;
using Workbench.Platform.Telemetry;
using Workbench.Platform.Setup;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Hosting;

public static class WorkbenchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the platform and every module in one container for the whole process. Modules are discovered
    /// here (built-in references and the plugins folder) because their startups add services.
    /// </summary>
    /// <param name="commandLine">For the CLI: the console carries the command's answer, so logs go to the file and only warnings to stderr.</param>
    public static ModuleCatalog AddWorkbench(this WebApplicationBuilder builder, bool commandLine, params Assembly[] hostAssemblies)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(WorkbenchOptions.Section);
        services.Configure<WorkbenchOptions>(section);
        var options = section.Get<WorkbenchOptions>() ?? new WorkbenchOptions();
        var contentRoot = builder.Environment.ContentRootPath;
        var dataRoot = Path.GetFullPath(options.DataPath, contentRoot);
        Directory.CreateDirectory(dataRoot);

        builder.ConfigureWorkbenchLogging(dataRoot, commandLine);

        var catalog = new ModuleCatalog();
        catalog.AddBuiltin([typeof(PlatformManifest).Assembly, .. ModuleCatalog.ReferencedProjectAssemblies()]);
        catalog.AddPlugins(Path.GetFullPath(options.PluginsPath, contentRoot));
        services.AddSingleton(catalog);
        services.AddSingleton(new DataPaths(dataRoot));
        services.AddSingleton(new RecipeFolder(Path.GetFullPath(options.RecipesPath, AppContext.BaseDirectory)));

        // Tenants and data
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddScoped<ActorContext>();
        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddSingleton<TenantScopes>();
        services.AddSingleton<HostDatabase>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<ITenantChanges>(sp => sp.GetRequiredService<TenantRegistry>());
        services.AddSingleton<TenantSetup>();
        services.AddSingleton<InitialAdmin>();
        services.AddSingleton<TenantActivator>();
        services.AddHostedService(sp => sp.GetRequiredService<TenantActivator>());
        services.AddScoped<TenantDatabaseSession>();
        services.AddScoped<ITenantTransaction>(sp => sp.GetRequiredService<TenantDatabaseSession>());
        services.AddScoped<TenantDbContextFactory>();
        services.AddScoped<ITenantDbContextFactory>(sp => sp.GetRequiredService<TenantDbContextFactory>());
        services.AddTenantDbContext<PlatformDbContext>(PlatformDbContext.FeatureId);
        services.AddScoped<FeatureManager>();
        services.AddScoped<IFileStore, TenantFileStore>();
        services.AddScoped<SiteSettingsStore>();

        // Audit, security, custom fields
        services.AddAudit();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<RoleService>();
        services.AddScoped<UserService>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<TwoFactorAccounts>();
        services.AddScoped<CustomFieldService>();
        services.AddScoped<ICustomFieldService>(sp => sp.GetRequiredService<CustomFieldService>());
        services.AddScoped<IWorkplaceNavigation, Workplace.WorkplaceNavigation>();
        services.AddScoped(typeof(IModuleContract<>), typeof(ModuleContract<>));

        // Search: one index per tenant, platform-owned (migrated with the platform's tables)
        services.AddSearch();

        // The staff identity provider (competence centre); bearer tokens for every tenant's API are the identity's (below)
        services.AddOpenIdServer();

        // Municipalities as relying parties: the Workbench provider (single sign-on) and upstream providers
        services.AddExternalSignIn();

        // The universal workplace: external applications and pending counts
        services.AddSingleton<Workplace.WorkplaceApplications>();
        services.AddSingleton<IOpenIdApplicationListener>(sp => sp.GetRequiredService<Workplace.WorkplaceApplications>());
        services.AddScoped<Workplace.WorkplacePending>();
        // Redirects are not followed: an application's pending URL must not lead the host elsewhere.
        services.AddHttpClient(Workplace.WorkplacePending.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });

        // Outbox for outgoing integrations
        services.AddOutbox();

        // In-app notifications and the daily reminders
        services.AddNotifications();
        services.AddSignals();

        // Workflows: the engine, its activities, the events modules raise, the WorkflowType recipe step
        services.AddWorkflows();

        // Background jobs (Quartz.NET): outbox dispatch, reminders, search maintenance, workflow timers
        services.AddJobs(options);

        // Recipes
        services.AddSingleton<RecipeLoader>();
        services.AddScoped<RecipeRunner>();
        services.AddScoped<RecipeRunState>();
        services.AddScoped<IRecipeRunState>(sp => sp.GetRequiredService<RecipeRunState>());
        services.AddScoped<IRecipeStepHandler, FeatureStep>();
        services.AddScoped<IRecipeStepHandler, SettingsStep>();
        services.AddScoped<IRecipeStepHandler, RolesStep>();
        services.AddScoped<IRecipeStepHandler, UsersStep>();
        services.AddScoped<IRecipeStepHandler, CustomFieldsStep>();

        services.AddWorkbenchIdentity();
        services.AddWorkbenchProtection();
        services.AddWorkbenchHealthChecks();
        services.AddWorkbenchTelemetry(options.Telemetry);
        services.AddWorkbenchDataProtection(options.DataProtection, dataRoot);
        services.AddHttpContextAccessor();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTranslation.Translate);
        // Latvian letters, dashes and quotes are written as themselves in pages, not as character references; markup stays encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
            System.Text.Unicode.UnicodeRanges.BasicLatin, System.Text.Unicode.UnicodeRanges.Latin1Supplement,
            System.Text.Unicode.UnicodeRanges.LatinExtendedA, System.Text.Unicode.UnicodeRanges.GeneralPunctuation));
        // Behind a TLS-terminating reverse proxy: the client's address (rate limits, audit) and https (Secure cookies,
        // redirect URIs) come from X-Forwarded-* — trusted only from loopback and the proxies named in configuration.
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        // Malformed request bodies surface as exceptions in every environment, so they get a 400 that says what is wrong.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => Workbench.Abstractions.Http.JsonInput.Apply(o.SerializerOptions));

        foreach (var module in catalog.Loaded) module.Startup?.ConfigureServices(services);

        var localizationAssemblies = new[] { typeof(Workbench.Abstractions.Refusals).Assembly, typeof(PlatformManifest).Assembly }.Concat(hostAssemblies)
            .Concat(catalog.Loaded.Select(m => m.Assembly!)).Concat(ModuleCatalog.ReferencedProjectAssemblies()).ToList();
        var localization = new JsonStringLocalizerFactory(localizationAssemblies);
        services.AddLocalization();
        services.AddSingleton<IStringLocalizerFactory>(localization);
        services.AddSingleton(localization.Localizer);
        services.AddRazorPages(o => o.Conventions.Add(new ModuleFeatureConvention(catalog)))
            .AddViewLocalization()
            .ConfigureApplicationPartManager(parts =>
            {
                foreach (var plugin in catalog.Loaded.Where(m => m.Source == ModuleSource.Plugin))
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(plugin.Assembly!).GetApplicationParts(plugin.Assembly!))
                        parts.ApplicationParts.Add(part);
            });
        return catalog;
    }

    private const string WorkbenchScheme = "Workbench";

    private static void AddWorkbenchIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<WorkbenchUser>(o =>
            {
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<WorkbenchRole>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>();
        // Staff cookies for people; bearer access tokens from the identity provider for scripts and integrations.
        services.AddAuthentication(WorkbenchScheme)
            .AddPolicyScheme(WorkbenchScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        new AuthenticationBuilder(services).AddIdentityCookies();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // How the person signed in (password, second factor, provider) must survive the periodic refresh of the
            // session's claims: the administrators' second-factor requirement reads it.
            o.OnRefreshingPrincipal = context =>
            {
                var kept = context.CurrentPrincipal?.Claims.Where(c => c.Type is "amr" or System.Security.Claims.ClaimTypes.AuthenticationMethod).ToList() ?? [];
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    foreach (var claim in kept.Where(c => !identity.HasClaim(c.Type, c.Value))) identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(o =>
        {
            // The cookie path is the tenant's PathBase (left unset on purpose), so each municipality has its own sign-in.
            o.Cookie.Name = ".Workbench.Staff";
            o.Cookie.HttpOnly = true;
            // Lax, not Strict: the provider's sign-in must survive the redirect back from another site (SSO).
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/access-denied";
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = async context =>
                {
                    var tenant = context.HttpContext.RequestServices.GetRequiredService<ITenantContext>().Current;
                    if (tenant is null || context.Principal?.FindFirst(PermissionClaim.TenantClaimType)?.Value != tenant.Name)
                    {
                        context.RejectPrincipal();
                        return;
                    }
                    await SecurityStampValidator.ValidatePrincipalAsync(context);
                },
                OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden),
            };
        });
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiPaths.IsApi(context.Request)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Serilog: console and a rolling JSON file, every entry enriched with tenant, user and request id.</summary>
    private static void ConfigureWorkbenchLogging(this WebApplicationBuilder builder, string dataRoot, bool commandLine)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", Serilog.Events.LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Tenant} {User} {RequestId} {Message:lj}{NewLine}{Exception}",
                restrictedToMinimumLevel: commandLine ? Serilog.Events.LogEventLevel.Warning : Serilog.Events.LogEventLevel.Verbose,
                standardErrorFromLevel: commandLine ? Serilog.Events.LogEventLevel.Verbose : Serilog.Events.LogEventLevel.Warning)
            .WriteTo.File(new JsonFormatter(renderMessage: true), Path.Combine(dataRoot, "logs", "workbench-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: true);
        // This host's logger, not Serilog's static one: tests run several hosts in one process.
        builder.Services.AddSingleton<Serilog.ILogger>(logger);
    }
}
