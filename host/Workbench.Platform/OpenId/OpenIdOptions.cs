namespace Workbench.Platform.OpenId;

/// <summary><c>Workbench:OpenId</c>: lifetimes and key rotation of the staff identity provider.</summary>
public sealed class OpenIdOptions
{
    public const string Section = "Workbench:OpenId";

    /// <summary>Issuer URL of the provider (e.g. https://workbench.example.lv/competence-centre); by default taken from the request.</summary>
    public string? Issuer { get; set; }
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
    /// <summary>A signing key signs for this long, then stays published until the tokens it signed have expired.</summary>
    public TimeSpan KeyRotation { get; set; } = TimeSpan.FromDays(30);
}
