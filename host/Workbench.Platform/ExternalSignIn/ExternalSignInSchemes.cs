using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.OpenId;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.ExternalSignIn;

/// <summary>
/// Keeps one authentication scheme per provider of each municipality (<c>oidc.{tenant}.{key}</c>) in step with its
/// sign-in settings. Schemes are (re)built lazily on the tenant's sign-in paths: discovery needs the provider to
/// answer, and a provider that does not is retried after <see cref="RetryAfter"/> rather than on every request.
/// </summary>
public sealed class ExternalSignInSchemes(
    IAuthenticationSchemeProvider schemes,
    IOptionsMonitorCache<ExternalSignInOptions> optionsCache,
    IHttpClientFactory httpClients,
    IOptions<OpenIdOptions> openId,
    TenantRegistry registry,
    TenantScopes scopes,
    TimeProvider clock,
    ILogger<ExternalSignInSchemes> logger)
{
    public const string WorkbenchKey = "workbench";
    public const string HttpClientName = "external-signin";
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private sealed record Synced(SignInSettings Settings, bool Complete, DateTimeOffset RetryAt);

    private readonly ConcurrentDictionary<string, ExternalProvider> _providers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Synced> _tenants = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);

    public static string SchemeName(string tenant, string key) => $"oidc.{tenant}.{key}";
    public static string CallbackPath(string key) => "/signin-oidc/" + key;
    public static string FirstPartyClientId(string tenant) => "workbench-" + tenant;

    public ExternalProvider? Find(string scheme) => _providers.GetValueOrDefault(scheme);

    /// <summary>The tenant's providers that can be used now: the Workbench provider first, then by name.</summary>
    public IReadOnlyList<ExternalProvider> For(string tenant) =>
        _providers.Values.Where(p => p.Tenant == tenant).OrderBy(p => !p.IsWorkbench).ThenBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList();

    public async Task SyncAsync(HttpContext http, CancellationToken ct)
    {
        var tenant = http.RequestServices.GetRequiredService<ITenantContext>().Required.Name;
        var store = http.RequestServices.GetRequiredService<SignInSettingsStore>();
        var settings = await store.GetAsync(ct);
        if (IsCurrent(tenant, settings)) return;
        await _lock.WaitAsync(ct);
        try
        {
            if (IsCurrent(tenant, settings)) return;
            foreach (var stale in _providers.Values.Where(p => p.Tenant == tenant).ToList())
            {
                schemes.RemoveScheme(stale.SchemeName);
                optionsCache.TryRemove(stale.SchemeName);
                _providers.TryRemove(stale.SchemeName, out _);
            }
            var complete = true;
            if (settings.SingleSignOn)
                complete &= await TryRegisterAsync(tenant, WorkbenchKey, async () =>
                {
                    var issuer = BearerTokenHandler.IssuerFor(http.Request, openId.Value);
                    var secret = await FirstPartySecretAsync(tenant, store, ct);
                    return (issuer, "Vienotā pieteikšanās", FirstPartyClientId(tenant), secret, "", false);
                }, ct);
            foreach (var upstream in settings.Upstream)
                complete &= await TryRegisterAsync(tenant, upstream.Key, () => Task.FromResult(
                    (upstream.Authority, upstream.DisplayName, upstream.ClientId, upstream.ClientSecret ?? "", upstream.DefaultRole, upstream.AllowHttp)), ct);
            _tenants[tenant] = new Synced(settings, complete, clock.GetUtcNow() + RetryAfter);
        }
        finally { _lock.Release(); }
    }

    private bool IsCurrent(string tenant, SignInSettings settings) =>
        _tenants.TryGetValue(tenant, out var synced) && ReferenceEquals(synced.Settings, settings) && (synced.Complete || clock.GetUtcNow() < synced.RetryAt);

    private async Task<bool> TryRegisterAsync(
        string tenant, string key, Func<Task<(string Authority, string DisplayName, string ClientId, string Secret, string DefaultRole, bool AllowHttp)>> describe, CancellationToken ct)
    {
        try
        {
            var (authority, displayName, clientId, secret, defaultRole, allowHttp) = await describe();
            var http = httpClients.CreateClient(HttpClientName);
            var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
                authority.TrimEnd('/') + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(http) { RequireHttps = !allowHttp && key != WorkbenchKey });
            var discovery = await manager.GetConfigurationAsync(ct);
            var provider = new ExternalProvider(tenant, key, displayName, key == WorkbenchKey, clientId, secret, defaultRole, discovery, manager);
            _providers[provider.SchemeName] = provider;
            optionsCache.TryRemove(provider.SchemeName);
            schemes.TryAddScheme(new AuthenticationScheme(provider.SchemeName, displayName, typeof(ExternalSignInHandler)));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unreachable or misconfigured provider must not break the sign-in page; it is retried later.
            logger.LogWarning(ex, "Sign-in provider {Key} of {Tenant} is unavailable; retrying in {Seconds} s", key, tenant, RetryAfter.TotalSeconds);
            return false;
        }
    }

    /// <summary>
    /// The municipality's own client at the Workbench provider, registered there on first use with a fresh secret
    /// (kept encrypted in the municipality's settings). Its redirect URIs are paths, so the host name may change.
    /// </summary>
    private async Task<string> FirstPartySecretAsync(string tenant, SignInSettingsStore store, CancellationToken ct)
    {
        var provider = registry.Find(TenantNames.CompetenceCentre)?.Info
            ?? throw new InvalidOperationException("The competence-centre tenant, which hosts the identity provider, is not set up.");
        await using var scope = scopes.Create(provider, "system");
        var applications = scope.ServiceProvider.GetRequiredService<OpenIdApplications>();
        var clientId = FirstPartyClientId(tenant);
        var secret = await store.FirstPartySecretAsync(ct);
        if (secret is not null && await applications.FindAsync(clientId, ct) is { } existing && OpenIdApplications.SecretMatches(existing, secret))
            return secret;
        secret = OpenIdApplications.NewSecret();
        await applications.SaveAsync(new OpenIdApplicationRequest(
            clientId, $"{registry.Find(tenant)?.Info?.Settings.SiteName ?? tenant}: darbavieta", OpenIdApplications.Confidential, secret,
            [$"/{tenant}{CallbackPath(WorkbenchKey)}"], [$"/{tenant}/"], [GrantTypes.AuthorizationCode],
            [OpenIdScopes.Profile, OpenIdScopes.Email, OpenIdScopes.Roles], null), ct);
        await store.SaveFirstPartySecretAsync(secret, ct);
        return secret;
    }
}

/// <summary>Options of each provider's scheme, from what <see cref="ExternalSignInSchemes"/> discovered.</summary>
public sealed class ConfigureExternalSignInOptions(ExternalSignInSchemes schemes, IHttpClientFactory httpClients) : IConfigureNamedOptions<ExternalSignInOptions>
{
    public void Configure(string? name, ExternalSignInOptions options)
    {
        if (name is null || schemes.Find(name) is not { } provider) return;
        options.Provider = provider;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.AuthorizationEndpoint = provider.Discovery.AuthorizationEndpoint;
        options.TokenEndpoint = provider.Discovery.TokenEndpoint;
        options.CallbackPath = ExternalSignInSchemes.CallbackPath(provider.Key);
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in provider.IsWorkbench ? ExternalScopes.Workbench : ExternalScopes.Upstream) options.Scope.Add(scope);
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.Backchannel = httpClients.CreateClient(ExternalSignInSchemes.HttpClientName);
        // The provider sends the browser back with a top-level GET: Lax is enough, and works on plain HTTP too.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events.OnRemoteFailure = ExternalAccounts.OnRemoteFailureAsync;
    }

    public void Configure(ExternalSignInOptions options) => Configure(Options.DefaultName, options);
}

internal static class ExternalScopes
{
    public static readonly string[] Workbench = ["openid", OpenIdScopes.Profile, OpenIdScopes.Email, OpenIdScopes.Roles];
    public static readonly string[] Upstream = ["openid", "profile", "email"];
}

/// <summary>Brings the tenant's provider schemes up to date before authentication runs on its sign-in paths.</summary>
public sealed class ExternalSignInSchemesMiddleware(RequestDelegate next, ExternalSignInSchemes schemes)
{
    public async Task InvokeAsync(HttpContext context, ITenantContext tenant)
    {
        var path = context.Request.Path;
        if (tenant.Current is not null && (path.StartsWithSegments("/signin", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/signin-oidc", StringComparison.OrdinalIgnoreCase)))
            await schemes.SyncAsync(context, context.RequestAborted);
        await next(context);
    }
}
