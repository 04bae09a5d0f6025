using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
    IOptionsMonitorCache<OpenIdConnectOptions> optionsCache,
    IHttpClientFactory httpClients,
    IOptions<OpenIdOptions> openId,
    IServer server,
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
    /// <summary>What each scheme was built from: an unchanged provider keeps its scheme through a resync.</summary>
    private readonly ConcurrentDictionary<string, object> _sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Synced> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public static string SchemeName(string tenant, string key) => $"oidc.{tenant}.{key}";
    public static string CallbackPath(string key) => "/signin-oidc/" + key;
    public static string FirstPartyClientId(string tenant) => OpenIdApplications.FirstPartyPrefix + tenant;

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
        // Per tenant: one municipality's slow provider does not hold up another's sign-in page.
        var gate = _locks.GetOrAdd(tenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (IsCurrent(tenant, settings)) return;
            var wanted = new List<(string Key, object Source, Func<Task<ProviderSource>> Describe)>();
            if (settings.SingleSignOn)
            {
                var issuer = LocalIssuer();
                wanted.Add((WorkbenchKey, issuer, async () => new ProviderSource(issuer, "Vienotā pieteikšanās", FirstPartyClientId(tenant), await FirstPartySecretAsync(tenant, store, ct), "", false)));
            }
            foreach (var upstream in settings.Upstream)
                wanted.Add((upstream.Key, upstream, () => Task.FromResult(new ProviderSource(upstream.Authority, upstream.DisplayName, upstream.ClientId, upstream.ClientSecret ?? "", upstream.DefaultRole, upstream.AllowHttp))));

            foreach (var gone in _providers.Values.Where(p => p.Tenant == tenant && wanted.All(w => w.Key != p.Key)).ToList()) Remove(gone.SchemeName);
            var complete = true;
            foreach (var (key, source, describe) in wanted)
            {
                var scheme = SchemeName(tenant, key);
                if (_sources.TryGetValue(scheme, out var built) && Equals(built, source)) continue;
                Remove(scheme);
                if (await TryDiscoverAsync(tenant, key, describe, ct) is { } provider)
                {
                    _providers[scheme] = provider;
                    _sources[scheme] = source;
                    schemes.TryAddScheme(new AuthenticationScheme(scheme, provider.DisplayName, typeof(ExternalSignInHandler)));
                }
                else complete = false;
            }
            _tenants[tenant] = new Synced(settings, complete, clock.GetUtcNow() + RetryAfter);
        }
        finally { gate.Release(); }
    }

    private sealed record ProviderSource(string Authority, string DisplayName, string ClientId, string Secret, string DefaultRole, bool AllowHttp);

    private void Remove(string scheme)
    {
        schemes.RemoveScheme(scheme);
        _providers.TryRemove(scheme, out _);
        _sources.TryRemove(scheme, out _);
        optionsCache.TryRemove(scheme);
    }

    private bool IsCurrent(string tenant, SignInSettings settings) =>
        _tenants.TryGetValue(tenant, out var synced) && ReferenceEquals(synced.Settings, settings) && (synced.Complete || clock.GetUtcNow() < synced.RetryAt);

    /// <summary>
    /// Where the municipalities reach this host's own provider: the configured issuer, else this server's own
    /// listening address. Never the request's Host header, which a caller chooses: a forged one would make the
    /// municipality trust (and send its client secret to) a provider of the caller's choosing.
    /// </summary>
    public string LocalIssuer()
    {
        if (openId.Value.Issuer is { Length: > 0 } configured) return configured.TrimEnd('/');
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("Set Workbench:OpenId:Issuer: this server has no listening address to reach its own provider at.");
        // A wildcard listening address is reached on loopback.
        foreach (var (wildcard, loopback) in new[] { ("://+", "://localhost"), ("://*", "://localhost"), ("://0.0.0.0", "://127.0.0.1"), ("://[::]", "://[::1]") })
            address = address.Replace(wildcard, loopback, StringComparison.Ordinal);
        return $"{address.TrimEnd('/')}/{TenantNames.CompetenceCentre}";
    }

    private async Task<ExternalProvider?> TryDiscoverAsync(string tenant, string key, Func<Task<ProviderSource>> describe, CancellationToken ct)
    {
        try
        {
            var source = await describe();
            var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
                source.Authority.TrimEnd('/') + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = !source.AllowHttp && key != WorkbenchKey });
            var discovery = await manager.GetConfigurationAsync(ct);
            return new ExternalProvider(tenant, key, source.DisplayName, key == WorkbenchKey, source.ClientId, source.Secret, source.DefaultRole, discovery, manager);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unreachable or misconfigured provider must not break the sign-in page; it is retried later.
            logger.LogWarning(ex, "Sign-in provider {Key} of {Tenant} is unavailable; retrying in {Seconds} s", key, tenant, RetryAfter.TotalSeconds);
            return null;
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
public sealed class ConfigureExternalSignInOptions(ExternalSignInSchemes schemes, IHttpClientFactory httpClients) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name is null || schemes.Find(name) is not { } provider) return;
        ExternalSignInOptionsSetup.Apply(options, provider, httpClients.CreateClient(ExternalSignInSchemes.HttpClientName));
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.Events.OnRemoteFailure = ExternalAccounts.OnRemoteFailureAsync;
    }

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);
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
