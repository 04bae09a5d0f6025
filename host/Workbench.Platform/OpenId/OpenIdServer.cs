using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Workbench.Abstractions.Audit;
using Workbench.Platform.Data;
using Workbench.Platform.Telemetry;

namespace Workbench.Platform.OpenId;

/// <summary>An OAuth error as RFC 6749 §5.2 defines it (status 400, or 401 for a failed client authentication).</summary>
public sealed record OAuthError(string Error, string Description, int Status = 400);

/// <summary>A validated authorization request, ready for a signed-in user.</summary>
public sealed record AuthorizationRequest(OpenIdApplication Client, string RedirectUri, IReadOnlyList<string> Scopes, string? State, string? Nonce, string? CodeChallenge, string? Prompt);

/// <summary>
/// The provider's protocol core (OpenID Connect Core 1.0, RFC 6749, RFC 7636 PKCE, RFC 7009 revocation, RFC 7662
/// introspection): grants are stored by hash, tokens are RS256 JWTs from <see cref="OpenIdKeyRing"/>. Every outcome
/// that matters for security is audited in the competence-centre tenant.
/// </summary>
public sealed class OpenIdServer(
    OpenIdDbContext db, OpenIdApplications applications, OpenIdKeyRing keys, UserManager<WorkbenchUser> users,
    IAuditLog audit, IOptions<OpenIdOptions> options, TimeProvider clock, WorkbenchMetrics metrics)
{
    /// <summary>The audience of access tokens: the Workbench REST APIs of every municipality.</summary>
    public const string ApiAudience = "workbench";
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private OpenIdOptions Settings => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---------- authorization endpoint ----------

    /// <summary>
    /// Checks client and redirect URI first: when either is wrong the error is shown to the person, never sent to an
    /// unverified address (<paramref name="redirectable"/> is false). Other errors go back to the client.
    /// </summary>
    public async Task<(AuthorizationRequest? Request, OAuthError? Error, bool Redirectable)> ValidateAuthorizationAsync(IReadOnlyDictionary<string, string?> p, string issuer, CancellationToken ct)
    {
        var client = await applications.FindAsync(p.GetValueOrDefault("client_id"), ct);
        if (client is null)
            return await Refuse(new OAuthError("invalid_client", "Nezināms klients."), false, p.GetValueOrDefault("client_id"));
        var redirect = p.GetValueOrDefault("redirect_uri");
        if (!OpenIdApplicationJson.IsRegistered(client.RedirectUris(), redirect, issuer))
            return await Refuse(new OAuthError("invalid_request", "redirect_uri nav reģistrēta šim klientam."), false, client.ClientId);
        if (p.GetValueOrDefault("response_type") != "code")
            return await Refuse(new OAuthError("unsupported_response_type", "Atbalstīts tikai response_type=code."), true, client.ClientId);
        if (!client.GrantTypes().Contains(GrantTypes.AuthorizationCode))
            return await Refuse(new OAuthError("unauthorized_client", "Klientam nav atļauta koda plūsma."), true, client.ClientId);
        var scopes = (p.GetValueOrDefault("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (!scopes.Contains(OpenIdScopes.OpenId))
            return await Refuse(new OAuthError("invalid_scope", "Tvērumā jābūt \"openid\"."), true, client.ClientId);
        if (scopes.FirstOrDefault(s => !client.Scopes().Contains(s) && s != OpenIdScopes.OpenId) is { } denied)
            return await Refuse(new OAuthError("invalid_scope", $"Tvērums \"{denied}\" klientam nav atļauts."), true, client.ClientId);
        var challenge = p.GetValueOrDefault("code_challenge");
        var method = p.GetValueOrDefault("code_challenge_method");
        if (challenge is null && client.Type == OpenIdApplications.Public)
            return await Refuse(new OAuthError("invalid_request", "Publiskam klientam PKCE ir obligāts."), true, client.ClientId);
        if (challenge is not null && method != "S256")
            return await Refuse(new OAuthError("invalid_request", "code_challenge_method jābūt S256."), true, client.ClientId);
        if (challenge is not null && (challenge.Length != 43 || !challenge.All(IsBase64Url)))
            return await Refuse(new OAuthError("invalid_request", "code_challenge nav S256 vērtība."), true, client.ClientId);
        return (new AuthorizationRequest(client, redirect!, scopes, p.GetValueOrDefault("state"), p.GetValueOrDefault("nonce"), challenge, p.GetValueOrDefault("prompt")), null, true);
    }

    /// <summary>Issues a one-time code for the signed-in user.</summary>
    public async Task<string> IssueCodeAsync(AuthorizationRequest request, string userId, DateTime authTimeUtc, CancellationToken ct)
    {
        var code = NewHandle();
        db.Grants.Add(new OpenIdGrant
        {
            Handle = Hash(code), Kind = "code", ClientId = request.Client.ClientId, Subject = userId, Scopes = string.Join(' ', request.Scopes),
            RedirectUri = request.RedirectUri, Nonce = request.Nonce, CodeChallenge = request.CodeChallenge,
            CodeChallengeMethod = request.CodeChallenge is null ? null : "S256", AuthTimeUtc = authTimeUtc,
            CreatedUtc = Now, ExpiresUtc = Now + Settings.AuthorizationCodeLifetime,
        });
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("openid.code.issued", request.Client.ClientId, new { subject = userId }, ct);
        return code;
    }

    // ---------- token endpoint ----------

    public async Task<(JsonObject? Response, OAuthError? Error)> TokenAsync(IReadOnlyDictionary<string, string?> form, string? authorization, string issuer, CancellationToken ct)
    {
        var (client, clientError) = await AuthenticateClientAsync(form, authorization, ct);
        if (client is null) return (null, clientError);
        var grantType = form.GetValueOrDefault("grant_type");
        if (grantType is not (GrantTypes.AuthorizationCode or GrantTypes.RefreshToken or GrantTypes.ClientCredentials))
            return (null, await Audited(new OAuthError("unsupported_grant_type", "Neatbalstīts grant_type."), client.ClientId));
        if (!client.GrantTypes().Contains(grantType))
            return (null, await Audited(new OAuthError("unauthorized_client", $"Klientam nav atļauts {grantType}."), client.ClientId));
        var issued = grantType switch
        {
            GrantTypes.AuthorizationCode => await ExchangeCodeAsync(client, form, issuer, ct),
            GrantTypes.RefreshToken => await RefreshAsync(client, form, issuer, ct),
            _ => await ClientCredentialsAsync(client, form, issuer, ct),
        };
        if (issued.Item1 is not null) metrics.TokenIssued(grantType);
        return issued;
    }

    /// <summary>client_secret_basic, client_secret_post, or none for public clients (RFC 6749 §2.3).</summary>
    public async Task<(OpenIdApplication? Client, OAuthError? Error)> AuthenticateClientAsync(IReadOnlyDictionary<string, string?> form, string? authorization, CancellationToken ct)
    {
        string? id = form.GetValueOrDefault("client_id"), secret = form.GetValueOrDefault("client_secret");
        if (authorization?.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim())).Split(':', 2);
                if (pair.Length != 2) throw new FormatException();
                (id, secret) = (Uri.UnescapeDataString(pair[0].Replace('+', ' ')), Uri.UnescapeDataString(pair[1].Replace('+', ' ')));
            }
            catch (FormatException)
            {
                return (null, await Audited(new OAuthError("invalid_client", "Bojāta Basic autentifikācija.", 401), null));
            }
        }
        var client = await applications.FindAsync(id, ct);
        if (client is null)
            return (null, await Audited(new OAuthError("invalid_client", "Nezināms klients.", 401), id));
        var ok = client.Type == OpenIdApplications.Public ? secret is null : OpenIdApplications.SecretMatches(client, secret);
        if (!ok)
            return (null, await Audited(new OAuthError("invalid_client", "Klienta autentifikācija neizdevās.", 401), id));
        return (client, null);
    }

    private async Task<(JsonObject?, OAuthError?)> ExchangeCodeAsync(OpenIdApplication client, IReadOnlyDictionary<string, string?> form, string issuer, CancellationToken ct)
    {
        var code = form.GetValueOrDefault("code");
        var grant = code is null ? null : await db.Grants.SingleOrDefaultAsync(g => g.Handle == Hash(code) && g.Kind == "code", ct);
        if (grant is null || grant.ClientId != client.ClientId)
            return (null, await Audited(new OAuthError("invalid_grant", "Nederīgs autorizācijas kods."), client.ClientId));
        // Consume first, atomically: of two concurrent exchanges only one wins; a later one is a replay.
        var consumed = await db.Grants.Where(g => g.Handle == grant.Handle && g.ConsumedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(g => g.ConsumedUtc, Now), ct) == 1;
        if (!consumed)
        {
            // RFC 6749 §4.1.2: a replayed code revokes what was issued from it.
            await RevokeFamilyAsync(grant.Handle, ct);
            return (null, await Audited(new OAuthError("invalid_grant", "Autorizācijas kods jau izmantots; izsniegtie marķieri atsaukti."), client.ClientId, "openid.code.replayed"));
        }
        if (grant.ExpiresUtc <= Now)
            return (null, await Audited(new OAuthError("invalid_grant", "Autorizācijas koda derīgums beidzies."), client.ClientId));
        if (form.GetValueOrDefault("redirect_uri") != grant.RedirectUri)
            return (null, await Audited(new OAuthError("invalid_grant", "redirect_uri nesakrīt ar pieprasījumā doto."), client.ClientId));
        var verifier = form.GetValueOrDefault("code_verifier");
        if (grant.CodeChallenge is not null
            && (verifier is null || verifier.Length is < 43 or > 128 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge))
            return (null, await Audited(new OAuthError("invalid_grant", "PKCE code_verifier trūkst vai neatbilst (PKCE verification failed)."), client.ClientId));
        if (grant.CodeChallenge is null && verifier is not null)
            return (null, await Audited(new OAuthError("invalid_grant", "code_verifier bez code_challenge pieprasījumā."), client.ClientId));
        var user = await ActiveUserAsync(grant.Subject);
        if (user is null)
            return (null, await Audited(new OAuthError("invalid_grant", "Lietotājs vairs nav aktīvs."), client.ClientId));
        return (await IssueUserTokensAsync(client, user, grant.Scopes.Split(' '), grant.Nonce, grant.AuthTimeUtc ?? Now, familyId: grant.Handle, issuer, ct), null);
    }

    private async Task<(JsonObject?, OAuthError?)> RefreshAsync(OpenIdApplication client, IReadOnlyDictionary<string, string?> form, string issuer, CancellationToken ct)
    {
        var token = form.GetValueOrDefault("refresh_token");
        var grant = token is null ? null : await db.Grants.SingleOrDefaultAsync(g => g.Handle == Hash(token) && g.Kind == "refresh", ct);
        if (grant is null || grant.ClientId != client.ClientId || grant.RevokedUtc is not null || grant.ExpiresUtc <= Now)
            return (null, await Audited(new OAuthError("invalid_grant", "Nederīgs atjaunošanas marķieris."), client.ClientId));
        var consumed = await db.Grants.Where(g => g.Handle == grant.Handle && g.ConsumedUtc == null && g.RevokedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(g => g.ConsumedUtc, Now), ct) == 1;
        if (!consumed)
        {
            // Rotation: each refresh token works once. A second use means it leaked; the whole sign-in is revoked.
            await RevokeFamilyAsync(grant.FamilyId!, ct);
            return (null, await Audited(new OAuthError("invalid_grant", "Atjaunošanas marķieris jau izmantots: visi šīs pieteikšanās marķieri atsaukti."), client.ClientId, "openid.refresh.reuse_detected"));
        }
        var scopes = grant.Scopes.Split(' ');
        if (form.GetValueOrDefault("scope") is { } narrowed)
        {
            var requested = narrowed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (requested.Except(scopes).Any())
                return (null, await Audited(new OAuthError("invalid_scope", "Tvērums plašāks par sākotnējo."), client.ClientId));
            scopes = requested;
        }
        var user = await ActiveUserAsync(grant.Subject);
        if (user is null)
            return (null, await Audited(new OAuthError("invalid_grant", "Lietotājs vairs nav aktīvs."), client.ClientId));
        return (await IssueUserTokensAsync(client, user, scopes, nonce: null, grant.AuthTimeUtc ?? Now, grant.FamilyId!, issuer, ct), null);
    }

    private async Task<(JsonObject?, OAuthError?)> ClientCredentialsAsync(OpenIdApplication client, IReadOnlyDictionary<string, string?> form, string issuer, CancellationToken ct)
    {
        if (client.Type != OpenIdApplications.Confidential)
            return (null, await Audited(new OAuthError("unauthorized_client", "client_credentials tikai konfidenciāliem klientiem."), client.ClientId));
        var scopes = (form.GetValueOrDefault("scope") ?? OpenIdScopes.Api).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.FirstOrDefault(s => s is OpenIdScopes.OpenId or OpenIdScopes.OfflineAccess || !client.Scopes().Contains(s)) is { } denied)
            return (null, await Audited(new OAuthError("invalid_scope", $"Tvērums \"{denied}\" nav atļauts."), client.ClientId));
        var claims = new Dictionary<string, object>
        {
            ["client_id"] = client.ClientId,
            ["scope"] = string.Join(' ', scopes),
            ["tenant_roles"] = client.TenantRoles().ToDictionary(r => r.Key, r => (object)r.Value),
        };
        var access = await CreateJwtAsync(issuer, ApiAudience, client.ClientId, claims, Settings.AccessTokenLifetime, "at+jwt", ct);
        await audit.AppendAsync("openid.token.issued", client.ClientId, new { grant = GrantTypes.ClientCredentials, scopes }, ct);
        return (new JsonObject
        {
            ["access_token"] = access.Token, ["token_type"] = "Bearer",
            ["expires_in"] = (int)Settings.AccessTokenLifetime.TotalSeconds, ["scope"] = string.Join(' ', scopes),
        }, null);
    }

    private async Task<JsonObject> IssueUserTokensAsync(OpenIdApplication client, WorkbenchUser user, IReadOnlyList<string> scopes, string? nonce, DateTime authTime, string familyId, string issuer, CancellationToken ct)
    {
        var identity = await UserClaimsAsync(user, scopes, ct);
        var accessClaims = new Dictionary<string, object>(identity) { ["client_id"] = client.ClientId, ["scope"] = string.Join(' ', scopes) };
        var access = await CreateJwtAsync(issuer, ApiAudience, user.Id, accessClaims, Settings.AccessTokenLifetime, "at+jwt", ct);
        var idClaims = new Dictionary<string, object>(identity) { ["auth_time"] = EpochTime.GetIntDate(authTime), ["at_hash"] = HalfHash(access.Token) };
        if (nonce is not null) idClaims["nonce"] = nonce;
        var idToken = await CreateJwtAsync(issuer, client.ClientId, user.Id, idClaims, Settings.IdentityTokenLifetime, "JWT", ct);
        // The access token's id is kept in the sign-in's family so that a replay or revocation can cancel it.
        db.Grants.Add(new OpenIdGrant { Handle = Hash(access.Id), Kind = "access", ClientId = client.ClientId, Subject = user.Id, FamilyId = familyId, CreatedUtc = Now, ExpiresUtc = Now + Settings.AccessTokenLifetime });
        var response = new JsonObject
        {
            ["access_token"] = access.Token, ["token_type"] = "Bearer", ["expires_in"] = (int)Settings.AccessTokenLifetime.TotalSeconds,
            ["id_token"] = idToken.Token, ["scope"] = string.Join(' ', scopes),
        };
        if (scopes.Contains(OpenIdScopes.OfflineAccess) && client.GrantTypes().Contains(GrantTypes.RefreshToken))
        {
            var refresh = NewHandle();
            db.Grants.Add(new OpenIdGrant
            {
                Handle = Hash(refresh), Kind = "refresh", ClientId = client.ClientId, Subject = user.Id, Scopes = string.Join(' ', scopes),
                FamilyId = familyId, AuthTimeUtc = authTime, CreatedUtc = Now, ExpiresUtc = Now + Settings.RefreshTokenLifetime,
            });
            response["refresh_token"] = refresh;
        }
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("openid.token.issued", client.ClientId, new { subject = user.Id, scopes, refresh = response.ContainsKey("refresh_token") }, ct);
        return response;
    }

    /// <summary>The person's claims for the granted scopes: profile, e-mail, municipalities and roles in each.</summary>
    public async Task<Dictionary<string, object>> UserClaimsAsync(WorkbenchUser user, IReadOnlyCollection<string> scopes, CancellationToken ct)
    {
        var claims = new Dictionary<string, object>();
        if (scopes.Contains(OpenIdScopes.Profile)) { claims["name"] = user.DisplayName; claims["preferred_username"] = user.UserName ?? user.Email ?? user.Id; }
        if (scopes.Contains(OpenIdScopes.Email) && user.Email is not null) { claims["email"] = user.Email; claims["email_verified"] = user.EmailConfirmed; }
        if (scopes.Contains(OpenIdScopes.Roles))
        {
            var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id).ToListAsync(ct);
            claims["municipalities"] = memberships.Select(m => m.Tenant).Order().ToList();
            claims["tenant_roles"] = memberships.ToDictionary(m => m.Tenant, m => (object)(JsonSerializer.Deserialize<List<string>>(m.RolesJson) ?? []));
        }
        return claims;
    }

    // ---------- validation, userinfo, revocation, introspection ----------

    /// <summary>Validates a JWT this provider signed: signature, issuer, audience (when given), lifetime, not revoked.</summary>
    public async Task<ClaimsIdentity?> ValidateAsync(string? token, string issuer, string? audience, bool checkLifetime = true, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateAudience = audience is not null,
            ValidAudience = audience,
            ValidateLifetime = checkLifetime,
            IssuerSigningKeys = await keys.PublishedKeysAsync(ct),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            // Keep claim names as the JWT has them (sub, scope, tenant_roles).
            NameClaimType = "sub",
        });
        if (!result.IsValid) return null;
        if (result.Claims.TryGetValue("jti", out var jti) && await IsRevokedAsync(db, (string)jti, ct)) return null;
        return result.ClaimsIdentity;
    }

    /// <summary>Whether the access token with this <c>jti</c> was revoked (by itself, or with its sign-in).</summary>
    internal static Task<bool> IsRevokedAsync(OpenIdDbContext db, string jti, CancellationToken ct) =>
        db.Grants.AnyAsync(g => g.Handle == Hash(jti) && g.Kind == "access" && g.RevokedUtc != null, ct);

    public async Task<JsonObject?> UserInfoAsync(string? accessToken, string issuer, CancellationToken ct)
    {
        var identity = await ValidateAsync(accessToken, issuer, ApiAudience, ct: ct);
        var scopes = identity?.FindFirst("scope")?.Value.Split(' ') ?? [];
        if (identity is null || !scopes.Contains(OpenIdScopes.OpenId)) return null;
        var user = await ActiveUserAsync(identity.FindFirst("sub")?.Value);
        if (user is null) return null;
        var info = new JsonObject { ["sub"] = user.Id };
        foreach (var (name, value) in await UserClaimsAsync(user, scopes, ct))
            info[name] = JsonSerializer.SerializeToNode(value);
        return info;
    }

    /// <summary>RFC 7009: the client's own refresh token (with its whole sign-in) or access token; unknown tokens are ignored.</summary>
    public async Task RevokeAsync(OpenIdApplication client, string? token, string issuer, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token)) return;
        var refresh = await db.Grants.SingleOrDefaultAsync(g => g.Handle == Hash(token) && g.Kind == "refresh", ct);
        if (refresh is not null && refresh.ClientId == client.ClientId)
        {
            await RevokeFamilyAsync(refresh.FamilyId!, ct);
            await audit.AppendAsync("openid.token.revoked", client.ClientId, new { kind = "refresh_token" }, ct);
            return;
        }
        var access = await ValidateAsync(token, issuer, ApiAudience, ct: ct);
        if (access?.FindFirst("client_id")?.Value != client.ClientId || access.FindFirst("jti")?.Value is not { } jti) return;
        var handle = Hash(jti);
        var row = await db.Grants.SingleOrDefaultAsync(g => g.Handle == handle, ct);
        if (row is null)
            db.Grants.Add(new OpenIdGrant { Handle = handle, Kind = "access", ClientId = client.ClientId, CreatedUtc = Now, ExpiresUtc = Now + Settings.AccessTokenLifetime, RevokedUtc = Now });
        else row.RevokedUtc ??= Now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("openid.token.revoked", client.ClientId, new { kind = "access_token" }, ct);
    }

    /// <summary>RFC 7662: whether a token is active and what it carries.</summary>
    public async Task<JsonObject> IntrospectAsync(string? token, string issuer, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token)) return new JsonObject { ["active"] = false };
        var refresh = await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.Handle == Hash(token) && g.Kind == "refresh", ct);
        if (refresh is not null)
        {
            var active = refresh.ConsumedUtc is null && refresh.RevokedUtc is null && refresh.ExpiresUtc > Now;
            return active
                ? new JsonObject
                {
                    ["active"] = true, ["token_type"] = "refresh_token", ["client_id"] = refresh.ClientId, ["sub"] = refresh.Subject,
                    ["scope"] = refresh.Scopes, ["iss"] = issuer, ["exp"] = EpochTime.GetIntDate(refresh.ExpiresUtc), ["iat"] = EpochTime.GetIntDate(refresh.CreatedUtc),
                }
                : new JsonObject { ["active"] = false };
        }
        var identity = await ValidateAsync(token, issuer, ApiAudience, ct: ct);
        if (identity is null) return new JsonObject { ["active"] = false };
        var response = new JsonObject { ["active"] = true, ["token_type"] = "access_token", ["aud"] = ApiAudience };
        foreach (var name in new[] { "iss", "sub", "client_id", "scope", "jti" })
            if (identity.FindFirst(name)?.Value is { } value) response[name] = value;
        foreach (var name in new[] { "exp", "iat", "nbf" })
            if (identity.FindFirst(name)?.Value is { } value && long.TryParse(value, out var seconds)) response[name] = seconds;
        return response;
    }

    /// <summary>The client and person a logout's id_token_hint was issued to (signature and issuer checked, expiry not: it may be old).</summary>
    public async Task<(string? ClientId, string? Subject)> HintAsync(string? idTokenHint, string issuer, CancellationToken ct)
    {
        var identity = await ValidateAsync(idTokenHint, issuer, audience: null, checkLifetime: false, ct);
        return (identity?.FindFirst("aud")?.Value, identity?.FindFirst("sub")?.Value);
    }

    // ---------- helpers ----------

    private async Task<(string Token, string Id)> CreateJwtAsync(string issuer, string audience, string subject, Dictionary<string, object> claims, TimeSpan lifetime, string type, CancellationToken ct)
    {
        var id = NewHandle();
        claims["sub"] = subject;
        claims["jti"] = id;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Claims = claims, TokenType = type,
            IssuedAt = Now, NotBefore = Now, Expires = Now + lifetime,
            SigningCredentials = await keys.SigningCredentialsAsync(ct),
        });
        return (token, id);
    }

    private async Task<WorkbenchUser?> ActiveUserAsync(string? userId)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        return user is null || await users.IsLockedOutAsync(user) ? null : user;
    }

    private Task RevokeFamilyAsync(string familyId, CancellationToken ct) =>
        db.Grants.Where(g => g.FamilyId == familyId && g.RevokedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedUtc, Now), ct);

    private async Task<(AuthorizationRequest?, OAuthError?, bool)> Refuse(OAuthError error, bool redirectable, string? clientId)
    {
        await Audited(error, clientId);
        return (null, error, redirectable);
    }

    private async Task<OAuthError> Audited(OAuthError error, string? clientId, string action = "openid.request.refused")
    {
        await audit.AppendAsync(action, clientId ?? "", new { error.Error, error.Description });
        return error;
    }

    private static string NewHandle() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
    private static string Hash(string handle) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(handle)));
    /// <summary>at_hash: left half of the SHA-256 of the access token (OIDC Core §3.1.3.6).</summary>
    private static string HalfHash(string token) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(token))[..16]);
    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
