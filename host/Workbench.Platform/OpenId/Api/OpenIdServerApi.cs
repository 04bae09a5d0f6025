using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Data;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.OpenId.Api;

/// <summary>
/// The machine-facing endpoints of the staff identity provider (competence centre): discovery, JWKS, token,
/// userinfo, revocation and introspection. Authorization and logout are pages (Pages/Connect), since people see them.
/// </summary>
public static class OpenIdServerApi
{
    public static IEndpointRouteBuilder MapOpenIdServerApi(this IEndpointRouteBuilder app)
    {
        var server = app.MapGroup("").WithTags("OpenID Connect").WithMetadata(new RequiresFeatureAttribute(PlatformFeatures.OpenIdServer)).ExcludeFromDescription();
        server.MapGet("/.well-known/openid-configuration", Discovery);
        server.MapGet("/.well-known/jwks", Jwks);
        server.MapPost("/connect/token", Token);
        server.MapMethods("/connect/userinfo", ["GET", "POST"], UserInfo);
        server.MapPost("/connect/revoke", Revoke);
        server.MapPost("/connect/introspect", Introspect);

        var admin = app.MapGroup("/api/admin/openid").WithTags("OpenID Connect")
            .WithMetadata(new RequiresFeatureAttribute(PlatformFeatures.OpenIdServer))
            .RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageOpenIdApplications));
        admin.MapGet("/applications", ListApplications).WithSummary("Registered clients (secrets are never shown)");
        admin.MapPut("/applications/{clientId}", SaveApplication)
            .WithSummary("Create or update a client; a new confidential client without a secret gets a generated one, returned once");
        admin.MapDelete("/applications/{clientId}", DeleteApplication);
        admin.MapPut("/memberships/{email}", SaveMemberships).WithSummary("The municipalities a staff account belongs to, with roles: {\"riga\": [\"Editor\"]}");
        return app;
    }

    /// <summary>A registered client as administrators see it (never its secret).</summary>
    public sealed record ApplicationView(string ClientId, string DisplayName, string Type, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> PostLogoutRedirectUris,
        IReadOnlyList<string> AllowedFlows, IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, List<string>> TenantRoles, string? WorkplaceUrl, string? PendingUrl);
    /// <summary>The saved client; a generated secret is shown this once.</summary>
    public sealed record SavedApplication(string ClientId, string? ClientSecret);

    private static async Task<Ok<IEnumerable<ApplicationView>>> ListApplications(OpenIdApplications applications, CancellationToken ct) =>
        TypedResults.Ok((await applications.ListAsync(ct)).Select(a => new ApplicationView(a.ClientId, a.DisplayName, a.Type, a.RedirectUris(), a.PostLogoutRedirectUris(),
            a.GrantTypes(), a.Scopes(), a.TenantRoles(), a.WorkplaceUrl, a.PendingUrl)));

    private static async Task<Results<Ok<SavedApplication>, ValidationProblem>> SaveApplication(string clientId, OpenIdApplicationRequest request, OpenIdApplications applications, CancellationToken ct)
    {
        request = request with { ClientId = clientId };
        string? generated = null;
        if (request.Type == OpenIdApplications.Confidential && string.IsNullOrEmpty(request.ClientSecret) && await applications.FindAsync(clientId, ct) is null)
            request = request with { ClientSecret = generated = OpenIdApplications.NewSecret() };
        var errors = await applications.ValidateAsync(request, ct);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors);
        await applications.SaveAsync(request, ct);
        return TypedResults.Ok(new SavedApplication(clientId, generated));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteApplication(string clientId, OpenIdApplications applications, CancellationToken ct) =>
        await applications.DeleteAsync(clientId, ct) ? TypedResults.NoContent() : TypedResults.Problem($"Nav klienta \"{clientId}\".", statusCode: 404);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveMemberships(string email, Dictionary<string, IReadOnlyList<string>> tenants, UserManager<WorkbenchUser> users, StaffMemberships memberships, IAuditLog audit, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email) is not { } user) return TypedResults.Problem($"Nav konta \"{email}\".", statusCode: 404);
        var invalid = tenants.Where(t => TenantNameRule.Validate(t.Key) is not null || t.Value.Count == 0).Select(t => t.Key).ToList();
        if (invalid.Count > 0) return TypedResults.ValidationProblem(invalid.ToDictionary(t => t, _ => new[] { "Pašvaldības nosaukums un vismaz viena loma ir obligāti." }));
        await memberships.SetAsync(user.Id, tenants, ct);
        await audit.AppendAsync("openid.memberships.saved", email, tenants, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The issuer: configured, or this host's origin plus /competence-centre.</summary>
    public static string Issuer(HttpContext http) =>
        BearerTokenHandler.IssuerFor(http.Request, http.RequestServices.GetRequiredService<IOptions<OpenIdOptions>>().Value);

    private static IResult Discovery(HttpContext http)
    {
        var issuer = Issuer(http);
        return Results.Json(new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{issuer}/connect/authorize",
            ["token_endpoint"] = $"{issuer}/connect/token",
            ["userinfo_endpoint"] = $"{issuer}/connect/userinfo",
            ["jwks_uri"] = $"{issuer}/.well-known/jwks",
            ["end_session_endpoint"] = $"{issuer}/connect/logout",
            ["revocation_endpoint"] = $"{issuer}/connect/revoke",
            ["introspection_endpoint"] = $"{issuer}/connect/introspect",
            ["response_types_supported"] = new JsonArray("code"),
            ["response_modes_supported"] = new JsonArray("query"),
            ["grant_types_supported"] = new JsonArray(GrantTypes.AuthorizationCode, GrantTypes.RefreshToken, GrantTypes.ClientCredentials),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray(SecurityAlgorithms.RsaSha256),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post", "none"),
            ["revocation_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post", "none"),
            ["introspection_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post"),
            ["scopes_supported"] = new JsonArray(OpenIdApplications.KnownScopes.Select(s => (JsonNode)s).ToArray()),
            ["claims_supported"] = new JsonArray("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "name", "preferred_username", "email", "email_verified", "municipalities", "tenant_roles"),
            ["authorization_response_iss_parameter_supported"] = true,
        });
    }

    private static async Task<IResult> Jwks(OpenIdKeyRing keys, CancellationToken ct)
    {
        var published = await keys.PublishedKeysAsync(ct);
        var entries = published.Select(k =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(k.Rsa.ExportParameters(false)) { KeyId = k.KeyId });
            return (JsonNode)new JsonObject { ["kty"] = jwk.Kty, ["use"] = "sig", ["alg"] = SecurityAlgorithms.RsaSha256, ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E };
        });
        return Results.Json(new JsonObject { ["keys"] = new JsonArray(entries.ToArray()) });
    }

    private static async Task<IResult> Token(HttpContext http, OpenIdServer server, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return Error(new OAuthError("invalid_request", "Vajag application/x-www-form-urlencoded (the body must be a form)."), http);
        var form = await Form(http, ct);
        var (response, error) = await server.TokenAsync(form, http.Request.Headers.Authorization, Issuer(http), ct);
        NoStore(http);
        return error is null ? Results.Json(response) : Error(error, http);
    }

    private static async Task<IResult> UserInfo(HttpContext http, OpenIdServer server, CancellationToken ct)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
        if (token is null && http.Request.HasFormContentType) token = (await http.Request.ReadFormAsync(ct))["access_token"];
        var info = await server.UserInfoAsync(token, Issuer(http), ct);
        NoStore(http);
        if (info is not null) return Results.Json(info);
        // RFC 6750 §3: the error goes in the WWW-Authenticate header.
        http.Response.Headers.WWWAuthenticate = token is null ? "Bearer" : "Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or revoked\"";
        return Results.Unauthorized();
    }

    private static async Task<IResult> Revoke(HttpContext http, OpenIdServer server, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return Error(new OAuthError("invalid_request", "Vajag application/x-www-form-urlencoded (the body must be a form)."), http);
        var form = await Form(http, ct);
        var (client, error) = await server.AuthenticateClientAsync(form, http.Request.Headers.Authorization, ct);
        if (client is null) return Error(error!, http);
        await server.RevokeAsync(client, form.GetValueOrDefault("token"), Issuer(http), ct);
        return Results.Ok();
    }

    private static async Task<IResult> Introspect(HttpContext http, OpenIdServer server, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return Error(new OAuthError("invalid_request", "Vajag application/x-www-form-urlencoded (the body must be a form)."), http);
        var form = await Form(http, ct);
        var (client, error) = await server.AuthenticateClientAsync(form, http.Request.Headers.Authorization, ct);
        if (client is null) return Error(error!, http);
        if (client.Type != OpenIdApplications.Confidential) return Error(new OAuthError("invalid_client", "Introspekcija tikai konfidenciāliem klientiem.", 401), http);
        NoStore(http);
        return Results.Json(await server.IntrospectAsync(form.GetValueOrDefault("token"), Issuer(http), ct));
    }

    private static async Task<Dictionary<string, string?>> Form(HttpContext http, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        // RFC 6749 §3.2: parameters must not repeat; a repeated one is treated as missing.
        return form.ToDictionary(f => f.Key, f => f.Value.Count == 1 ? f.Value[0] : null);
    }

    private static IResult Error(OAuthError error, HttpContext http)
    {
        NoStore(http);
        if (error.Status == 401) http.Response.Headers.WWWAuthenticate = "Basic realm=\"workbench\"";
        return Results.Json(new JsonObject { ["error"] = error.Error, ["error_description"] = error.Description }, statusCode: error.Status);
    }

    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
    }
}
