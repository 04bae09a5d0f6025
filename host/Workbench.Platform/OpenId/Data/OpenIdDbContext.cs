using Microsoft.EntityFrameworkCore;

namespace Workbench.Platform.OpenId;

/// <summary>
/// The OpenID Connect provider's state in the competence-centre tenant: registered clients, signing keys, issued
/// grants (authorization codes, refresh tokens, revoked access tokens) and staff memberships in municipalities.
/// </summary>
public sealed class OpenIdDbContext(DbContextOptions<OpenIdDbContext> options) : DbContext(options)
{
    public DbSet<OpenIdApplication> Applications => Set<OpenIdApplication>();
    public DbSet<OpenIdSigningKey> SigningKeys => Set<OpenIdSigningKey>();
    public DbSet<OpenIdGrant> Grants => Set<OpenIdGrant>();
    public DbSet<StaffMembership> Memberships => Set<StaffMembership>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OpenIdApplication>(e =>
        {
            e.ToTable("OpenId_Applications");
            e.HasKey(a => a.ClientId);
        });
        modelBuilder.Entity<OpenIdSigningKey>(e =>
        {
            e.ToTable("OpenId_SigningKeys");
            e.HasKey(k => k.KeyId);
        });
        modelBuilder.Entity<OpenIdGrant>(e =>
        {
            e.ToTable("OpenId_Grants");
            e.HasKey(g => g.Handle);
            e.HasIndex(g => g.FamilyId);
        });
        modelBuilder.Entity<StaffMembership>(e =>
        {
            e.ToTable("OpenId_Memberships");
            e.HasKey(m => new { m.UserId, m.Tenant });
        });
    }
}

/// <summary>A client (relying party or machine client), in the fields Orchard's OpenIdApplication step uses.</summary>
public sealed class OpenIdApplication
{
    public required string ClientId { get; set; }
    public required string DisplayName { get; set; }
    /// <summary><c>confidential</c> or <c>public</c>.</summary>
    public required string Type { get; set; }
    /// <summary>SHA-256 of the secret (base64url); secrets are 32+ random characters, so a slow hash adds nothing.</summary>
    public string? ClientSecretHash { get; set; }
    public string RedirectUrisJson { get; set; } = "[]";
    public string PostLogoutRedirectUrisJson { get; set; } = "[]";
    /// <summary>Allowed grant types: authorization_code, refresh_token, client_credentials.</summary>
    public string GrantTypesJson { get; set; } = "[]";
    public string ScopesJson { get; set; } = "[]";
    /// <summary>Roles the client itself holds per municipality (machine clients), e.g. {"riga":["Editor"]}.</summary>
    public string TenantRolesJson { get; set; } = "{}";
    /// <summary>A municipal application listed in the universal workplace, with its pending-task endpoint.</summary>
    public string? WorkplaceUrl { get; set; }
    public string? PendingUrl { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>An RSA signing key; the private part is protected with the host's data-protection keys.</summary>
public sealed class OpenIdSigningKey
{
    public required string KeyId { get; set; }
    public required string ProtectedPrivateKey { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>Signs new tokens until then; published in the JWKS until <see cref="PublishedUntilUtc"/>.</summary>
    public DateTime SigningUntilUtc { get; set; }
    public DateTime PublishedUntilUtc { get; set; }
}

/// <summary>
/// A one-time or revocable grant, stored by the SHA-256 of its handle (the handle itself is never stored).
/// Refresh tokens of one sign-in share a family: presenting a used one revokes the family (reuse detection).
/// </summary>
public sealed class OpenIdGrant
{
    public required string Handle { get; set; }
    /// <summary><c>code</c>, <c>refresh</c> or <c>access</c> (a revoked access token's jti).</summary>
    public required string Kind { get; set; }
    public required string ClientId { get; set; }
    public string? Subject { get; set; }
    public string Scopes { get; set; } = "";
    public string? RedirectUri { get; set; }
    public string? Nonce { get; set; }
    public string? CodeChallenge { get; set; }
    public string? CodeChallengeMethod { get; set; }
    public string? FamilyId { get; set; }
    public DateTime? AuthTimeUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? ConsumedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

/// <summary>A staff member's membership in a municipality, with the roles it gives them there.</summary>
public sealed class StaffMembership
{
    public required string UserId { get; set; }
    public required string Tenant { get; set; }
    public string RolesJson { get; set; } = "[]";
}
