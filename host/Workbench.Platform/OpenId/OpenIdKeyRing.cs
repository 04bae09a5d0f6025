using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.OpenId;

/// <summary>
/// The provider's RSA signing keys, persisted in the competence-centre tenant and cached for the process. A key
/// signs for <see cref="OpenIdOptions.KeyRotation"/>; then a new one is created and the old one stays in the JWKS
/// until every token it signed has expired. Every tenant validates tokens against this ring (same host).
/// </summary>
public sealed class OpenIdKeyRing(TenantRegistry registry, TenantScopes scopes, IDataProtectionProvider protection, IOptions<OpenIdOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly IDataProtector _protector = protection.CreateProtector("Workbench.OpenId.SigningKeys");
    private IReadOnlyList<(OpenIdSigningKey Record, RsaSecurityKey Key)> _keys = [];
    private DateTime _loadedUtc = DateTime.MinValue;

    /// <summary>The key new tokens are signed with (rotating first when it is due).</summary>
    public async Task<SigningCredentials> SigningCredentialsAsync(CancellationToken ct)
    {
        var key = await CurrentAsync(ct);
        if (key is null)
        {
            await RotateAsync(ct);
            key = await CurrentAsync(ct) ?? throw new InvalidOperationException("No signing key after rotation.");
        }
        return new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
    }

    private async Task<RsaSecurityKey?> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await KeysAsync(ct)).Where(k => k.Record.SigningUntilUtc > now).OrderByDescending(k => k.Record.CreatedUtc).Select(k => k.Key).FirstOrDefault();
    }

    /// <summary>Keys tokens may still be validated with (the JWKS); the first call creates the first key.</summary>
    public async Task<IReadOnlyList<RsaSecurityKey>> PublishedKeysAsync(CancellationToken ct)
    {
        if (await CurrentAsync(ct) is null) await SigningCredentialsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return (await KeysAsync(ct)).Where(k => k.Record.PublishedUntilUtc > now).Select(k => k.Key).ToList();
    }

    /// <summary>Creates a new signing key now; the current one stops signing but stays published.</summary>
    public async Task<string> RotateAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var settings = options.Value;
            var longestToken = settings.AccessTokenLifetime > settings.IdentityTokenLifetime ? settings.AccessTokenLifetime : settings.IdentityTokenLifetime;
            using var rsa = RSA.Create(2048);
            var record = new OpenIdSigningKey
            {
                KeyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)),
                ProtectedPrivateKey = _protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
                CreatedUtc = now,
                SigningUntilUtc = now + settings.KeyRotation,
                PublishedUntilUtc = now + settings.KeyRotation + longestToken + TimeSpan.FromMinutes(5),
            };
            await InProviderAsync(async db =>
            {
                // Earlier keys stop signing now but remain published for the tokens they signed.
                await db.SigningKeys.Where(k => k.SigningUntilUtc > now).ExecuteUpdateAsync(s => s
                    .SetProperty(k => k.SigningUntilUtc, now)
                    .SetProperty(k => k.PublishedUntilUtc, now + longestToken + TimeSpan.FromMinutes(5)), ct);
                db.SigningKeys.Add(record);
                await db.SaveChangesAsync(ct);
            }, ct);
            _loadedUtc = DateTime.MinValue;
            return record.KeyId;
        }
        finally { _lock.Release(); }
    }

    private async Task<IReadOnlyList<(OpenIdSigningKey Record, RsaSecurityKey Key)>> KeysAsync(CancellationToken ct)
    {
        // Other nodes may rotate too: reload once a minute.
        if (clock.GetUtcNow().UtcDateTime - _loadedUtc < TimeSpan.FromMinutes(1)) return _keys;
        var records = await InProviderAsync(db => db.SigningKeys.AsNoTracking().ToListAsync(ct), ct);
        var cached = _keys.ToDictionary(k => k.Record.KeyId, k => k.Key);
        _keys = records.Select(r => (r, cached.GetValueOrDefault(r.KeyId) ?? Import(r))).ToList();
        _loadedUtc = clock.GetUtcNow().UtcDateTime;
        return _keys;
    }

    private RsaSecurityKey Import(OpenIdSigningKey record)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(record.ProtectedPrivateKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = record.KeyId };
    }

    /// <summary>Runs <paramref name="work"/> on the provider's database (the competence centre's), from any tenant.</summary>
    internal async Task<T> InProviderAsync<T>(Func<OpenIdDbContext, Task<T>> work, CancellationToken ct)
    {
        var provider = registry.Find(TenantNames.CompetenceCentre)?.Info
            ?? throw new InvalidOperationException("The competence-centre tenant, which hosts the identity provider, is not set up.");
        await using var scope = scopes.Create(provider, "openid");
        return await work(scope.ServiceProvider.GetRequiredService<OpenIdDbContext>());
    }

    private Task InProviderAsync(Func<OpenIdDbContext, Task> work, CancellationToken ct) =>
        InProviderAsync(async db => { await work(db); return 0; }, ct);
}
