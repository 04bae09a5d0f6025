using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Validation;

namespace Workbench.Platform.OpenId;

/// <summary>What an administrator (admin page, API or the <c>OpenIdApplication</c> recipe step) registers.</summary>
public sealed record OpenIdApplicationRequest(
    string ClientId,
    string? DisplayName,
    string? Type,
    string? ClientSecret,
    IReadOnlyList<string>? RedirectUris,
    IReadOnlyList<string>? PostLogoutRedirectUris,
    IReadOnlyList<string>? AllowedFlows,
    IReadOnlyList<string>? Scopes,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? TenantRoles,
    string? WorkplaceUrl = null,
    string? PendingUrl = null);

/// <summary>
/// Told after a client is saved or deleted, e.g. by a cache of the clients (the workplace's list of applications).
/// Listeners are registered in DI; the provider does not know who they are.
/// </summary>
public interface IOpenIdApplicationListener
{
    void ApplicationsChanged();
}

/// <summary>Registered clients: validation, hashed secrets, client authentication.</summary>
public sealed class OpenIdApplications(OpenIdDbContext db, IAuditLog audit, TimeProvider clock, IEnumerable<IOpenIdApplicationListener> listeners)
{
    public const string Confidential = "confidential";
    public const string Public = "public";
    /// <summary>Client ids of the municipalities' own sign-in, registered by the platform only.</summary>
    public const string FirstPartyPrefix = "workbench-";
    public static readonly IReadOnlyList<string> Flows = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken, GrantTypes.ClientCredentials];
    public static readonly IReadOnlyList<string> KnownScopes = [OpenIdScopes.OpenId, OpenIdScopes.Profile, OpenIdScopes.Email, OpenIdScopes.Roles, OpenIdScopes.OfflineAccess, OpenIdScopes.Api];

    public Task<List<OpenIdApplication>> ListAsync(CancellationToken ct) => db.Applications.AsNoTracking().OrderBy(a => a.ClientId).ToListAsync(ct);

    public Task<OpenIdApplication?> FindAsync(string? clientId, CancellationToken ct) =>
        string.IsNullOrEmpty(clientId) ? Task.FromResult<OpenIdApplication?>(null) : db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.ClientId == clientId, ct);

    /// <summary>Field errors (JSON names) of a registration; empty when it can be saved.</summary>
    public async Task<ValidationErrors> ValidateAsync(OpenIdApplicationRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.ClientId) || request.ClientId.Length > 100 || request.ClientId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            errors.Add("clientId", "Klienta identifikators ir obligāts, bez atstarpēm, līdz 100 zīmēm.");
        if (request.ClientId?.StartsWith(FirstPartyPrefix, StringComparison.Ordinal) == true)
            errors.Add("clientId", $"\"{FirstPartyPrefix}…\" ir rezervēts pašvaldību pašu pieteikšanās klientiem.");
        if (request.Type is not (Confidential or Public))
            errors.Add("type", "Tipam jābūt \"confidential\" vai \"public\".");
        var existing = await FindAsync(request.ClientId, ct);
        if (request.Type == Confidential && existing?.ClientSecretHash is null && string.IsNullOrEmpty(request.ClientSecret))
            errors.Add("clientSecret", "Konfidenciālam klientam vajag noslēpumu.");
        if (request.ClientSecret is { Length: > 0 and < 32 })
            errors.Add("clientSecret", "Noslēpumam jābūt vismaz 32 zīmes garam.");
        if (request.Type == Public && !string.IsNullOrEmpty(request.ClientSecret))
            errors.Add("clientSecret", "Publiskam klientam noslēpuma nav.");
        var flows = request.AllowedFlows ?? [];
        foreach (var (flow, i) in flows.Select((f, i) => (f, i)))
            if (!Flows.Contains(flow)) errors.Add($"allowedFlows[{i}]", $"Nezināma plūsma \"{flow}\" ; der {string.Join(", ", Flows)}.");
        if (request.Type == Public && flows.Contains(GrantTypes.ClientCredentials))
            errors.Add("allowedFlows", "Publisks klients nevar izmantot client_credentials.");
        if (flows.Contains(GrantTypes.AuthorizationCode) && (request.RedirectUris ?? []).Count == 0)
            errors.Add("redirectUris", "Koda plūsmai vajag vismaz vienu novirzīšanas adresi.");
        foreach (var (uri, i) in (request.RedirectUris ?? []).Select((u, i) => (u, i)))
            if (!IsValidRedirect(uri)) errors.Add($"redirectUris[{i}]", $"\"{uri}\" nav absolūta adrese vai ceļš bez fragmenta.");
        foreach (var (uri, i) in (request.PostLogoutRedirectUris ?? []).Select((u, i) => (u, i)))
            if (!IsValidRedirect(uri)) errors.Add($"postLogoutRedirectUris[{i}]", $"\"{uri}\" nav absolūta adrese vai ceļš bez fragmenta.");
        foreach (var (field, url) in new[] { ("workplaceUrl", request.WorkplaceUrl), ("pendingUrl", request.PendingUrl) })
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == "https" || (parsed.Scheme == "http" && parsed.IsLoopback))))
                errors.Add(field, $"\"{url}\" nav absolūta https adrese.");
        if (request.PendingUrl is not null && request.WorkplaceUrl is null)
            errors.Add("workplaceUrl", "Gaidošo uzdevumu adresei vajag arī darbavietas adresi.");
        foreach (var (scope, i) in (request.Scopes ?? []).Select((s, i) => (s, i)))
            if (!KnownScopes.Contains(scope)) errors.Add($"scopes[{i}]", $"Nezināms tvērums \"{scope}\" ; der {string.Join(", ", KnownScopes)}.");
        return errors;
    }

    /// <summary>Creates or updates a client; a secret is only replaced when one is given. Caller validated first.</summary>
    public async Task SaveAsync(OpenIdApplicationRequest request, CancellationToken ct)
    {
        var app = await db.Applications.SingleOrDefaultAsync(a => a.ClientId == request.ClientId, ct);
        if (app is null)
        {
            app = new OpenIdApplication { ClientId = request.ClientId, DisplayName = "", Type = request.Type!, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.Applications.Add(app);
        }
        app.DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.ClientId : request.DisplayName.Trim();
        app.Type = request.Type!;
        if (request.Type == Public) app.ClientSecretHash = null;
        else if (!string.IsNullOrEmpty(request.ClientSecret)) app.ClientSecretHash = HashSecret(request.ClientSecret);
        app.RedirectUrisJson = JsonSerializer.Serialize(request.RedirectUris ?? []);
        app.PostLogoutRedirectUrisJson = JsonSerializer.Serialize(request.PostLogoutRedirectUris ?? []);
        app.GrantTypesJson = JsonSerializer.Serialize(request.AllowedFlows ?? []);
        app.ScopesJson = JsonSerializer.Serialize(request.Scopes ?? []);
        app.TenantRolesJson = JsonSerializer.Serialize(request.TenantRoles ?? new Dictionary<string, IReadOnlyList<string>>());
        app.WorkplaceUrl = request.WorkplaceUrl;
        app.PendingUrl = request.PendingUrl;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("openid.application.saved", request.ClientId, new { request.Type, request.AllowedFlows, request.Scopes, request.TenantRoles }, ct);
        Changed();
    }

    public async Task<bool> DeleteAsync(string clientId, CancellationToken ct)
    {
        var deleted = await db.Applications.Where(a => a.ClientId == clientId).ExecuteDeleteAsync(ct) > 0;
        if (deleted) await audit.AppendAsync("openid.application.deleted", clientId, null, ct);
        Changed();
        return deleted;
    }

    private void Changed()
    {
        foreach (var listener in listeners) listener.ApplicationsChanged();
    }

    /// <summary>A generated secret: 256 random bits, base64url.</summary>
    public static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string HashSecret(string secret) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool SecretMatches(OpenIdApplication app, string? secret) =>
        app.ClientSecretHash is not null && secret is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(app.ClientSecretHash), Encoding.ASCII.GetBytes(HashSecret(secret)));

    /// <summary>An absolute http(s) URI without a fragment, or a path on this host (see <see cref="OpenIdApplicationJson.IsRegistered"/>).</summary>
    private static bool IsValidRedirect(string uri) =>
        (uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal) && !uri.Contains('#') && Uri.TryCreate(uri, UriKind.Relative, out _)) ||
        (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && string.IsNullOrEmpty(parsed.Fragment) && parsed.Scheme is "https" or "http");
}

public static class GrantTypes
{
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";
}

public static class OpenIdScopes
{
    public const string OpenId = "openid";
    public const string Profile = "profile";
    public const string Email = "email";
    /// <summary>Municipalities and roles in each (<c>municipalities</c>, <c>tenant_roles</c> claims).</summary>
    public const string Roles = "roles";
    public const string OfflineAccess = "offline_access";
    /// <summary>Access tokens for the municipal REST APIs.</summary>
    public const string Api = "api";
}

public static class OpenIdApplicationJson
{
    public static IReadOnlyList<string> RedirectUris(this OpenIdApplication app) => JsonSerializer.Deserialize<List<string>>(app.RedirectUrisJson) ?? [];
    public static IReadOnlyList<string> PostLogoutRedirectUris(this OpenIdApplication app) => JsonSerializer.Deserialize<List<string>>(app.PostLogoutRedirectUrisJson) ?? [];
    public static IReadOnlyList<string> GrantTypes(this OpenIdApplication app) => JsonSerializer.Deserialize<List<string>>(app.GrantTypesJson) ?? [];
    public static IReadOnlyList<string> Scopes(this OpenIdApplication app) => JsonSerializer.Deserialize<List<string>>(app.ScopesJson) ?? [];
    /// <summary>
    /// Exact match against the registered URIs. A registered path (<c>/riga/signin-oidc/workbench</c>) stands for that
    /// path on the provider's own origin: the municipalities' own clients do not depend on the public host name.
    /// </summary>
    public static bool IsRegistered(IReadOnlyList<string> registered, string? candidate, string issuer)
    {
        var origin = new Uri(issuer).GetLeftPart(UriPartial.Authority);
        return candidate is not null && registered.Any(r => string.Equals(r.StartsWith('/') ? origin + r : r, candidate, StringComparison.Ordinal));
    }

    public static IReadOnlyDictionary<string, List<string>> TenantRoles(this OpenIdApplication app) =>
        JsonSerializer.Deserialize<Dictionary<string, List<string>>>(app.TenantRolesJson) ?? [];
}
