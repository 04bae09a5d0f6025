using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.OpenId;

/// <summary>
/// Bearer access tokens from the competence centre's provider on every municipality's REST API: the token must be
/// signed by the provider, for the <c>workbench</c> audience, with the <c>api</c> scope, and its <c>tenant_roles</c>
/// must name this municipality, and it must not have been revoked (asked of the provider's database on every
/// request, like a token-entry check); the caller then has exactly those roles here.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    OpenIdKeyRing keys, ITenantContext tenant, IOptions<OpenIdOptions> openId)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly JsonWebTokenHandler Tokens = new();

    /// <summary>The provider's issuer as this host sees it: configured, or this request's origin plus /competence-centre.</summary>
    public static string IssuerFor(HttpRequest request, OpenIdOptions options) =>
        options.Issuer?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}/{TenantNames.CompetenceCentre}";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        if (tenant.Current is not { } current) return AuthenticateResult.Fail("no tenant");
        var result = await Tokens.ValidateTokenAsync(header[7..].Trim(), new TokenValidationParameters
        {
            ValidIssuer = IssuerFor(Request, openId.Value),
            ValidAudience = OpenIdServer.ApiAudience,
            IssuerSigningKeys = await keys.PublishedKeysAsync(Context.RequestAborted),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid) return AuthenticateResult.Fail("invalid_token");
        var token = (JsonWebToken)result.SecurityToken;
        if (string.IsNullOrEmpty(token.Id) || await keys.InProviderAsync(db => OpenIdServer.IsRevokedAsync(db, token.Id, Context.RequestAborted), Context.RequestAborted))
            return AuthenticateResult.Fail("invalid_token");
        if (!token.TryGetPayloadValue<string>("scope", out var scope) || !scope.Split(' ').Contains(OpenIdScopes.Api))
            return AuthenticateResult.Fail("insufficient_scope");
        var roles = token.TryGetPayloadValue<JsonElement>("tenant_roles", out var all) && all.ValueKind == JsonValueKind.Object
                    && all.TryGetProperty(current.Name, out var here) && here.ValueKind == JsonValueKind.Array
            ? here.EnumerateArray().Select(r => r.GetString()).OfType<string>().ToList()
            : [];
        if (roles.Count == 0) return AuthenticateResult.Fail("the token holds no role in this municipality");
        var subject = token.Subject;
        var identity = new ClaimsIdentity(
            [
                new(ClaimTypes.NameIdentifier, subject),
                new(ClaimTypes.Name, token.TryGetPayloadValue<string>("client_id", out var client) ? client : subject),
                new(PermissionClaim.TenantClaimType, current.Name),
                .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
