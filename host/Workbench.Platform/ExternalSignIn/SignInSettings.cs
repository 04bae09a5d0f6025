using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Tenants;
using Workbench.Abstractions.Validation;

namespace Workbench.Platform.ExternalSignIn;

/// <summary>
/// How staff sign in to one municipality: local passwords, the Workbench identity provider in the competence
/// centre (single sign-on, roles from the person's membership), upstream OpenID Connect providers (just-in-time
/// accounts with a default role). Stored as the tenant's <c>sign-in</c> setting; secrets are kept encrypted.
/// </summary>
public sealed record SignInSettings
{
    /// <summary>E-mail and password accounts of this municipality; off when every sign-in must go through a provider.</summary>
    public bool LocalAccounts { get; init; } = true;

    /// <summary>Sign in through the Workbench provider; the tenant's client there is registered automatically.</summary>
    public bool SingleSignOn { get; init; }

    public IReadOnlyList<UpstreamProvider> Upstream { get; init; } = [];

    /// <summary>Administrators who sign in with a password (local or directory) must also give an authenticator code.</summary>
    public bool RequireTwoFactorForAdministrators { get; init; }

    /// <summary>The municipality's directory, checked by the password form before local accounts.</summary>
    public DirectorySettings? Directory { get; init; }

    /// <summary>Whether the e-mail/password form has anything to check.</summary>
    public bool PasswordForm => LocalAccounts || Directory is not null;
}

/// <summary>An upstream OpenID Connect provider (a municipal Keycloak, the state login module, …).</summary>
public sealed record UpstreamProvider
{
    /// <summary>Short name in URLs and account links (<c>/signin-oidc/{key}</c>); change it when the issuer changes.</summary>
    public string Key { get; init; } = "";
    public string DisplayName { get; init; } = "";
    /// <summary>The issuer; its <c>/.well-known/openid-configuration</c> is read for endpoints and keys.</summary>
    public string Authority { get; init; } = "";
    public string ClientId { get; init; } = "";
    public string? ClientSecret { get; init; }
    /// <summary>The role an account created at its first sign-in gets.</summary>
    public string DefaultRole { get; init; } = "Viewer";
    /// <summary>Plain HTTP to the provider: for tests and closed networks only.</summary>
    public bool AllowHttp { get; init; }
}

/// <summary>Reads, validates and saves <see cref="SignInSettings"/>; keeps a per-tenant copy so each request need not read it.</summary>
public sealed class SignInSettingsStore(PlatformDbContext db, ITenantContext tenant, SignInSettingsCache cache, IDataProtectionProvider protection, IAuditLog audit, TenantDatabaseSession session)
{
    public const string Name = "sign-in";
    private const string FirstPartySecretName = "sign-in:workbench-client";
    private readonly IDataProtector _protector = protection.CreateProtector("Workbench.SignIn.Secrets");

    public async Task<SignInSettings> GetAsync(CancellationToken ct)
    {
        var name = tenant.Required.Name;
        if (cache.TryGet(name, out var cached)) return cached;
        var row = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Name == Name, ct);
        var settings = row is null ? new SignInSettings() : Unprotect(JsonSerializer.Deserialize<SignInSettings>(row.Json, SiteSettingsStore.Json)!);
        cache.Set(name, settings);
        return settings;
    }

    public async Task<ValidationErrors> ValidateAsync(SignInSettings settings, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (settings.Upstream is null) return errors.When(true, "upstream", "Jābūt sarakstam.");
        var previous = await GetAsync(ct);
        if (!settings.LocalAccounts && !settings.SingleSignOn && settings.Upstream.Count == 0 && settings.Directory is null)
            errors.Add("localAccounts", "Vismaz vienam pieteikšanās veidam jāpaliek.");
        for (var i = 0; i < settings.Upstream.Count; i++)
        {
            var p = settings.Upstream[i];
            var at = $"upstream[{i}]";
            if (p.Key.Length is 0 or > 40 || !p.Key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') || p.Key == ExternalSignInSchemes.WorkbenchKey)
                errors.Add($"{at}.key", "Atslēga: 1–40 mazie latīņu burti, cipari vai '-', ne \"workbench\".");
            if (settings.Upstream.Take(i).Any(o => o.Key == p.Key))
                errors.Add($"{at}.key", $"Atslēga \"{p.Key}\" atkārtojas.");
            if (string.IsNullOrWhiteSpace(p.DisplayName)) errors.Add($"{at}.displayName", "Nosaukums ir obligāts.");
            if (!Uri.TryCreate(p.Authority, UriKind.Absolute, out var authority) || !(authority.Scheme == "https" || (p.AllowHttp && authority.Scheme == "http")))
                errors.Add($"{at}.authority", "Izdevējam jābūt https adresei.");
            if (string.IsNullOrWhiteSpace(p.ClientId)) errors.Add($"{at}.clientId", "Klienta identifikators ir obligāts.");
            if (string.IsNullOrEmpty(p.ClientSecret) && KeptSecret(previous, p) is null)
                errors.Add($"{at}.clientSecret", "Klienta noslēpums ir obligāts; mainot izdevēju vai klientu, tas jāievada no jauna.");
            if (string.IsNullOrWhiteSpace(p.DefaultRole)) errors.Add($"{at}.defaultRole", "Noklusētā loma ir obligāta.");
        }
        if (settings.Directory is { } directory)
        {
            directory.Validate(errors);
            if (!string.IsNullOrEmpty(directory.BindDn) && string.IsNullOrEmpty(directory.BindPassword) && KeptPassword(previous, directory) is null)
                errors.Add("directory.bindPassword", "Servisa konta parole ir obligāta; mainot serveri vai kontu, tā jāievada no jauna.");
        }
        return errors;
    }

    /// <summary>Saves settings that passed <see cref="ValidateAsync"/>; an upstream secret left empty keeps the stored one.</summary>
    public async Task SaveAsync(SignInSettings settings, CancellationToken ct)
    {
        var previous = await GetAsync(ct);
        settings = settings with
        {
            Upstream = settings.Upstream.Select(p => p.ClientSecret is null or "" ? p with { ClientSecret = KeptSecret(previous, p) } : p).ToList(),
            Directory = settings.Directory is { BindPassword: null or "" } directory ? directory with { BindPassword = KeptPassword(previous, directory) } : settings.Directory,
        };
        await session.InTransactionAsync(async () =>
        {
            await WriteAsync(Name, JsonSerializer.Serialize(settings with
            {
                Upstream = settings.Upstream.Select(p => p with { ClientSecret = p.ClientSecret is null ? null : _protector.Protect(p.ClientSecret) }).ToList(),
                Directory = settings.Directory is { BindPassword: { } password } stored ? stored with { BindPassword = _protector.Protect(password) } : settings.Directory,
            }, SiteSettingsStore.Json), ct);
            await audit.AppendAsync("sign-in.settings.saved", Name, new
            {
                settings.LocalAccounts, settings.SingleSignOn, settings.RequireTwoFactorForAdministrators, upstream = settings.Upstream.Select(p => new { p.Key, p.Authority, p.ClientId, p.DefaultRole }),
                directory = settings.Directory is { } d ? new { d.Host, d.Port, d.Security, d.BaseDn, d.GroupRoles } : null,
            }, ct);
        }, ct);
        cache.Invalidate(tenant.Required.Name);
    }

    /// <summary>
    /// A stored secret stays only while it would go to the same place: pointing a provider or the directory elsewhere
    /// must not send the old secret there.
    /// </summary>
    private static string? KeptSecret(SignInSettings previous, UpstreamProvider provider) =>
        previous.Upstream.FirstOrDefault(o => o.Key == provider.Key && o.Authority == provider.Authority && o.ClientId == provider.ClientId)?.ClientSecret;

    private static string? KeptPassword(SignInSettings previous, DirectorySettings directory) =>
        previous.Directory is { } old && old.Host == directory.Host && old.Port == directory.Port && old.Security == directory.Security && old.BindDn == directory.BindDn
            ? old.BindPassword : null;

    /// <summary>The secret of this municipality's own client at the Workbench provider, or null before it is registered.</summary>
    public async Task<string?> FirstPartySecretAsync(CancellationToken ct)
    {
        var row = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Name == FirstPartySecretName, ct);
        return row is null ? null : _protector.Unprotect(JsonSerializer.Deserialize<string>(row.Json)!);
    }

    public Task SaveFirstPartySecretAsync(string secret, CancellationToken ct) =>
        WriteAsync(FirstPartySecretName, JsonSerializer.Serialize(_protector.Protect(secret)), ct);

    private async Task WriteAsync(string name, string json, CancellationToken ct)
    {
        var row = await db.Settings.SingleOrDefaultAsync(s => s.Name == name, ct);
        if (row is null) db.Settings.Add(new SettingRecord { Name = name, Json = json });
        else row.Json = json;
        await db.SaveChangesAsync(ct);
    }

    private SignInSettings Unprotect(SignInSettings stored) => stored with
    {
        Upstream = stored.Upstream.Select(p => p with { ClientSecret = p.ClientSecret is null ? null : _protector.Unprotect(p.ClientSecret) }).ToList(),
        Directory = stored.Directory is { BindPassword: { } password } directory ? directory with { BindPassword = _protector.Unprotect(password) } : stored.Directory,
    };

    /// <summary>What may be shown to an administrator: every secret left out.</summary>
    public static SignInSettings WithoutSecrets(SignInSettings settings) => settings with
    {
        Upstream = settings.Upstream.Select(p => p with { ClientSecret = null }).ToList(),
        Directory = settings.Directory is { } directory ? directory with { BindPassword = null } : null,
    };
}

/// <summary>The current sign-in settings of each running tenant (invalidated when they are saved).</summary>
public sealed class SignInSettingsCache
{
    private readonly ConcurrentDictionary<string, SignInSettings> _settings = new(StringComparer.Ordinal);
    public event Action<string>? Changed;

    public bool TryGet(string tenant, out SignInSettings settings) => _settings.TryGetValue(tenant, out settings!);
    public void Set(string tenant, SignInSettings settings) => _settings[tenant] = settings;

    public void Invalidate(string tenant)
    {
        _settings.TryRemove(tenant, out _);
        Changed?.Invoke(tenant);
    }
}
