using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
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

/// <summary>
/// ASP.NET Core's OpenID Connect handler (code flow, PKCE, nonce, ID-token and at_hash validation, key refresh are all
/// its own), answering only in the municipality whose scheme it is.
/// </summary>
public sealed class ExternalSignInHandler(
    IOptionsMonitor<OpenIdConnectOptions> options, ILoggerFactory logger, HtmlEncoder html, UrlEncoder url, ITenantContext tenant, ExternalSignInSchemes schemes)
    : OpenIdConnectHandler(options, logger, html, url)
{
    /// <summary>Which municipality's scheme and which issuer produced the external sign-in, checked when it completes.</summary>
    public const string SchemeItem = ".wb.scheme";
    public const string IssuerItem = ".wb.issuer";
    public const string TenantRolesClaim = "tenant_roles";
    public const string EmailVerifiedClaim = "email_verified";

    public override async Task<bool> ShouldHandleRequestAsync() =>
        schemes.Find(Scheme.Name) is { } provider && tenant.Current?.Name == provider.Tenant && await base.ShouldHandleRequestAsync();
}

/// <summary>
/// How a provider's scheme is set up: the handler's protocol checks with a policy of ours on top — only asymmetric
/// signatures (no <c>alg=none</c>, no HMAC), the claims the accounts need, and the scheme and issuer kept with the
/// sign-in so that it cannot be completed at another municipality.
/// </summary>
public static class ExternalSignInOptionsSetup
{
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
    ];

    /// <summary>What an ID token of <paramref name="clientId"/> must satisfy; the handler adds the issuer and keys from discovery.</summary>
    public static TokenValidationParameters IdTokenParameters(string clientId) => new()
    {
        ValidAudience = clientId,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromMinutes(2),
        NameClaimType = ClaimTypes.Name,
    };

    public static void Apply(OpenIdConnectOptions options, ExternalProvider provider, HttpClient backchannel)
    {
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.ConfigurationManager = provider.Configuration;
        options.Backchannel = backchannel;
        options.CallbackPath = ExternalSignInSchemes.CallbackPath(provider.Key);
        // No front-channel or post-logout paths: every municipality's schemes would share them.
        options.RemoteSignOutPath = PathString.Empty;
        options.SignedOutCallbackPath = PathString.Empty;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in provider.IsWorkbench ? ExternalScopes.Workbench : ExternalScopes.Upstream) options.Scope.Add(scope);
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;
        options.TokenValidationParameters = IdTokenParameters(provider.ClientId);
        // An ID token naming a key not seen yet fails and makes the handler refresh the provider's keys for the next sign-in.
        options.RefreshOnIssuerKeyNotFound = true;
        // The provider sends the browser back with a top-level GET: Lax is enough, and works on plain HTTP too.
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        options.Events.OnRedirectToIdentityProvider = context =>
        {
            // The local provider's sign-in page is on the person's own origin (the one they reached the municipality at).
            if (provider.IsWorkbench) context.ProtocolMessage.IssuerAddress = new Uri(context.ProtocolMessage.IssuerAddress).PathAndQuery;
            return Task.CompletedTask;
        };
        options.Events.OnTokenValidated = context =>
        {
            // The handler accepts an unsigned ID token from the token endpoint (Core 1.0 §3.1.3.7 allows trusting TLS);
            // we do not, as before: the provider's signature is what an auditor can check.
            if (new JsonWebToken(context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken) is not { IsSigned: true } signed || !Algorithms.Contains(signed.Alg))
            {
                context.Fail("ID marķieris nav parakstīts ar pieņemamu algoritmu.");
                return Task.CompletedTask;
            }
            var token = context.Principal!;
            context.Principal = new ClaimsPrincipal(new ClaimsIdentity(Claims(token), context.Scheme.Name, ClaimTypes.Name, ClaimTypes.Role));
            context.Properties!.Items[ExternalSignInHandler.SchemeItem] = context.Scheme.Name;
            context.Properties.Items[ExternalSignInHandler.IssuerItem] = token.FindFirstValue(JwtRegisteredClaimNames.Iss);
            return Task.CompletedTask;
        };
    }

    /// <summary>The ID token's claims the accounts use, under the names they read.</summary>
    private static List<Claim> Claims(ClaimsPrincipal token)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, token.FindFirstValue(JwtRegisteredClaimNames.Sub)!) };
        if (token.FindFirstValue("name") is { } name) claims.Add(new Claim(ClaimTypes.Name, name));
        if (token.FindFirstValue(JwtRegisteredClaimNames.Email) is { } email) claims.Add(new Claim(ClaimTypes.Email, email));
        if (token.FindFirstValue(ExternalSignInHandler.EmailVerifiedClaim) is { } verified)
            claims.Add(new Claim(ExternalSignInHandler.EmailVerifiedClaim, string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false"));
        if (token.FindFirst(ExternalSignInHandler.TenantRolesClaim) is { ValueType: JsonClaimValueTypes.Json } roles)
            claims.Add(new Claim(ExternalSignInHandler.TenantRolesClaim, roles.Value, JsonClaimValueTypes.Json));
        return claims;
    }
}
