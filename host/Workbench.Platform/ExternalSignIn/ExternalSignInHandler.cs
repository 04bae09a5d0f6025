using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.ExternalSignIn;

/// <summary>One provider of one municipality, as its authentication scheme sees it.</summary>
public sealed record ExternalProvider(
    string Tenant, string Key, string DisplayName, bool IsWorkbench, string ClientId, string ClientSecret, string DefaultRole,
    OpenIdConnectConfiguration Discovery, IConfigurationManager<OpenIdConnectConfiguration> Configuration)
{
    public string SchemeName => ExternalSignInSchemes.SchemeName(Tenant, Key);
}

public sealed class ExternalSignInOptions : OAuthOptions
{
    public ExternalProvider Provider { get; set; } = null!;
}

/// <summary>
/// ASP.NET Core's OAuth handler (code flow with PKCE) made an OpenID Connect relying party: a nonce travels in the
/// protected state, and the ID token from the token response is validated (<see cref="IdTokens"/>) before any
/// claim is believed. Each municipality's providers are their own schemes; a scheme answers only in its tenant.
/// </summary>
public sealed class ExternalSignInHandler(IOptionsMonitor<ExternalSignInOptions> options, ILoggerFactory logger, UrlEncoder encoder, ITenantContext tenant)
    : OAuthHandler<ExternalSignInOptions>(options, logger, encoder)
{
    private const string NonceItem = ".nonce";
    /// <summary>Which municipality's scheme and which issuer produced the external sign-in, checked when it completes.</summary>
    public const string SchemeItem = ".wb.scheme";
    public const string IssuerItem = ".wb.issuer";

    public override async Task<bool> ShouldHandleRequestAsync() =>
        Options.Provider is { } provider && tenant.Current?.Name == provider.Tenant && await base.ShouldHandleRequestAsync();

    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        // Set before the base call, which seals the properties into the state parameter.
        var nonce = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        properties.Items[NonceItem] = nonce;
        return QueryHelpers.AddQueryString(base.BuildChallengeUrl(properties, redirectUri), "nonce", nonce);
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        var idToken = tokens.Response?.RootElement.TryGetProperty("id_token", out var value) == true ? value.GetString() : null;
        var validated = await IdTokens.ValidateAsync(Options.Provider, idToken, (properties.Items.TryGetValue(NonceItem, out var nonce) ? nonce : null), tokens.AccessToken, Context.RequestAborted);
        if (validated.Error is not null) throw new AuthenticationFailureException(validated.Error);
        identity.AddClaims(validated.Claims!);
        properties.Items[SchemeItem] = Scheme.Name;
        properties.Items[IssuerItem] = validated.Issuer;
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, Scheme.Name);
    }
}

/// <summary>
/// ID-token validation (OpenID Connect Core 1.0 §3.1.3.7) with Microsoft.IdentityModel: signature by a key the
/// provider publishes (keys refreshed once when an unknown key id appears), issuer, audience = our client id,
/// lifetime, nonce, and at_hash when present. Only asymmetric algorithms: <c>alg=none</c> and HMAC are refused.
/// </summary>
public static class IdTokens
{
    public const string TenantRolesClaim = "tenant_roles";
    public const string EmailVerifiedClaim = "email_verified";
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
    ];

    public sealed record Result(IReadOnlyList<Claim>? Claims, string? Error, string? Issuer = null);

    public static async Task<Result> ValidateAsync(ExternalProvider provider, string? idToken, string? expectedNonce, string? accessToken, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(idToken)) return new(null, "Atbildē nav id_token.");
        var outcome = await ValidateSignedAsync(provider, idToken, await provider.Configuration.GetConfigurationAsync(ct));
        if (outcome.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since we read them.
            provider.Configuration.RequestRefresh();
            outcome = await ValidateSignedAsync(provider, idToken, await provider.Configuration.GetConfigurationAsync(ct));
        }
        if (!outcome.IsValid) return new(null, $"ID marķieris nav derīgs: {outcome.Exception?.GetType().Name}");
        var token = (JsonWebToken)outcome.SecurityToken;
        if (expectedNonce is null || !token.TryGetPayloadValue<string>("nonce", out var nonce) || !FixedTimeEquals(nonce, expectedNonce))
            return new(null, "ID marķiera nonce neatbilst pieprasījumam.");
        if (token.TryGetPayloadValue<string>("at_hash", out var atHash) && (accessToken is null || atHash != HalfHash(accessToken, token.Alg)))
            return new(null, "ID marķiera at_hash neatbilst piekļuves marķierim.");
        return new(Claims(token), null, token.Issuer);
    }

    public static Task<TokenValidationResult> ValidateSignedAsync(ExternalProvider provider, string idToken, OpenIdConnectConfiguration configuration) =>
        Handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = provider.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        });

    private static List<Claim> Claims(JsonWebToken token)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, token.Subject) };
        if (token.TryGetPayloadValue<string>("name", out var name)) claims.Add(new Claim(ClaimTypes.Name, name));
        if (token.TryGetPayloadValue<string>("email", out var email)) claims.Add(new Claim(ClaimTypes.Email, email));
        if (token.TryGetPayloadValue<bool>("email_verified", out var verified)) claims.Add(new Claim(EmailVerifiedClaim, verified ? "true" : "false"));
        if (token.TryGetPayloadValue<JsonElement>(TenantRolesClaim, out var roles) && roles.ValueKind == JsonValueKind.Object)
            claims.Add(new Claim(TenantRolesClaim, roles.GetRawText(), JsonClaimValueTypes.Json));
        return claims;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>Left half of the access token's hash with the ID token's algorithm's hash function, base64url.</summary>
    private static string HalfHash(string accessToken, string alg)
    {
        var bytes = Encoding.ASCII.GetBytes(accessToken);
        var hash = alg.EndsWith("512", StringComparison.Ordinal) ? SHA512.HashData(bytes) : alg.EndsWith("384", StringComparison.Ordinal) ? SHA384.HashData(bytes) : SHA256.HashData(bytes);
        return Base64UrlEncoder.Encode(hash[..(hash.Length / 2)]);
    }
}
