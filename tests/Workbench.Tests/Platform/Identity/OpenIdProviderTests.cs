using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.OpenId;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Identity;

/// <summary>A staff member and a registered client of the competence centre's identity provider, driven over HTTP.</summary>
public sealed class OidcScenario
{
    public const string Provider = TenantNames.CompetenceCentre;
    public const string Issuer = "http://localhost/" + Provider;
    public const string RedirectUri = "https://app.example.lv/callback";
    public const string Secret = "a-confidential-client-secret-of-40-chars";
    private readonly WorkbenchFactory _host;

    public string ClientId { get; } = "app-" + Guid.NewGuid().ToString("N")[..8];
    public string Email { get; } = $"staff-{Guid.NewGuid():N}@example.lv";
    public const string Password = "Staff-Password-123";
    public HttpClient Browser { get; }
    public HttpClient Machine { get; }

    private OidcScenario(WorkbenchFactory host)
    {
        _host = host;
        Browser = host.AnonymousClient();
        Machine = host.AnonymousClient();
    }

    /// <summary>Registers a client (confidential unless <paramref name="type"/> says otherwise) and a staff account with memberships, and signs the browser in.</summary>
    public static async Task<OidcScenario> CreateAsync(WorkbenchFactory host, string type = "confidential", object? tenantRoles = null)
    {
        var scenario = new OidcScenario(host);
        var admin = await host.AdminClientAsync(Provider);
        var ct = TestContext.Current.CancellationToken;
        (await admin.PutAsJsonAsync($"/{Provider}/api/admin/openid/applications/{scenario.ClientId}", new
        {
            displayName = "Test app", type, clientSecret = type == "confidential" ? Secret : null,
            redirectUris = new[] { RedirectUri }, postLogoutRedirectUris = new[] { "https://app.example.lv/bye" },
            allowedFlows = type == "confidential" ? new[] { "authorization_code", "refresh_token", "client_credentials" } : new[] { "authorization_code", "refresh_token" },
            scopes = new[] { "openid", "profile", "email", "roles", "offline_access", "api" },
            tenantRoles = tenantRoles ?? new Dictionary<string, string[]> { ["riga"] = ["Editor"] },
        }, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/{Provider}/api/admin/users", new { email = scenario.Email, displayName = "Anna Bērziņa", password = Password, roles = Array.Empty<string>() }, ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/{Provider}/api/admin/openid/memberships/{scenario.Email}", new Dictionary<string, string[]> { ["riga"] = ["Editor"], ["ventspils"] = ["Viewer"] }, ct)).EnsureSuccessStatusCode();
        (await scenario.Browser.PostAsJsonAsync($"/{Provider}/api/session", new { email = scenario.Email, password = Password }, ct)).EnsureSuccessStatusCode();
        return scenario;
    }

    /// <summary>A client calling the municipalities' APIs with a client-credentials token that holds <paramref name="tenantRoles"/>.</summary>
    public static async Task<HttpClient> MachineClientAsync(WorkbenchFactory host, Dictionary<string, string[]> tenantRoles)
    {
        var oidc = await CreateAsync(host, tenantRoles: tenantRoles);
        var (status, body) = await oidc.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "api" });
        Assert.Equal(HttpStatusCode.OK, status);
        var client = host.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    public static string NewVerifier() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
    public static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public string AuthorizeUrl(string verifier, string scope = "openid profile email roles offline_access", string? redirectUri = null, string? clientId = null, string nonce = "n-1") =>
        QueryHelpers.AddQueryString($"/{Provider}/connect/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId ?? ClientId, ["redirect_uri"] = redirectUri ?? RedirectUri,
            ["scope"] = scope, ["state"] = "s-1", ["nonce"] = nonce, ["code_challenge"] = Challenge(verifier), ["code_challenge_method"] = "S256",
        });

    /// <summary>Runs the authorization request in the signed-in browser and returns the code from the redirect.</summary>
    public async Task<string> CodeAsync(string verifier, string scope = "openid profile email roles offline_access")
    {
        var response = await Browser.GetAsync(AuthorizeUrl(verifier, scope), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("s-1", query["state"]);
        Assert.Equal(Issuer, query["iss"]);
        return query["code"]!;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form, bool basicAuth = true, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{Provider}/connect/token") { Content = new FormUrlEncodedContent(form) };
        if (basicAuth && secret is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{secret}")));
        var response = await Machine.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.Headers.CacheControl?.NoStore, "token responses must not be cached");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(string code, string verifier) =>
        TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier });

    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> form, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{Provider}{path}") { Content = new FormUrlEncodedContent(form) };
        if (secret is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{secret}")));
        return await Machine.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<List<AuditEntry>> AuditAsync() => _host.InTenantAsync(Provider, sp =>
        sp.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("openid.")).ToListAsync());
}

public sealed class OpenIdProviderTests(HostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_and_jwks_describe_the_provider()
    {
        var client = host.AnonymousClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>($"/{OidcScenario.Provider}/.well-known/openid-configuration", Ct);
        Assert.Equal(OidcScenario.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{OidcScenario.Issuer}/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        // OpenID Connect Discovery 1.0 §3: the required metadata, with the values a code-flow relying party relies on.
        foreach (var required in new[] { "issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "response_types_supported", "subject_types_supported", "id_token_signing_alg_values_supported" })
            Assert.True(discovery.TryGetProperty(required, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Array, $"discovery lacks {required}");
        Assert.Contains("code", discovery.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("RS256", discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.All(discovery.GetProperty("subject_types_supported").EnumerateArray(), t => Assert.Contains(t.GetString(), new[] { "public", "pairwise" }));
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint", "end_session_endpoint", "revocation_endpoint", "introspection_endpoint" })
            Assert.StartsWith(OidcScenario.Issuer + "/", discovery.GetProperty(endpoint).GetString());
        var jwks = await client.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString()!.Replace("http://localhost", ""), Ct);
        var key = jwks.GetProperty("keys").EnumerateArray().First();
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the private exponent must never be published");

        // A municipality without the provider feature has no such endpoint.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/riga/.well-known/openid-configuration", Ct)).StatusCode);
    }

    [Fact]
    public async Task Code_flow_with_pkce_issues_signed_tokens_with_memberships()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        var verifier = OidcScenario.NewVerifier();
        var (status, tokens) = await oidc.ExchangeAsync(await oidc.CodeAsync(verifier), verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());

        var keys = await KeysAsync();
        var id = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.GetProperty("id_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = OidcScenario.Issuer, ValidAudience = oidc.ClientId, IssuerSigningKeys = keys,
        });
        Assert.True(id.IsValid, id.Exception?.Message);
        Assert.Equal("n-1", id.Claims["nonce"]);
        Assert.Equal("Anna Bērziņa", id.Claims["name"]);
        var token = (JsonWebToken)id.SecurityToken;
        Assert.Equal("RS256", token.Alg);
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement;
        Assert.Equal(["Editor"], payload.GetProperty("tenant_roles").GetProperty("riga").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["riga", "ventspils"], payload.GetProperty("municipalities").EnumerateArray().Select(e => e.GetString()));

        var userinfo = new HttpRequestMessage(HttpMethod.Get, $"/{OidcScenario.Provider}/connect/userinfo");
        userinfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        var info = await (await oidc.Machine.SendAsync(userinfo, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(oidc.Email, info.GetProperty("email").GetString());
        Assert.Equal(["Viewer"], info.GetProperty("tenant_roles").GetProperty("ventspils").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_signed_out_person_is_sent_to_sign_in_and_comes_back()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        var stranger = host.AnonymousClient();
        var url = oidc.AuthorizeUrl(OidcScenario.NewVerifier());
        var response = await stranger.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signin = response.Headers.Location!.ToString();
        Assert.StartsWith($"/{OidcScenario.Provider}/signin?returnUrl=", signin);
        var back = QueryHelpers.ParseQuery(new Uri("http://x" + signin).Query)["returnUrl"].ToString();
        Assert.Equal(QueryHelpers.ParseQuery(new Uri("http://x" + url).Query)["client_id"], QueryHelpers.ParseQuery(new Uri("http://x" + back).Query)["client_id"]);
        Assert.StartsWith($"/{OidcScenario.Provider}/connect/authorize?", back);

        var silent = await stranger.GetAsync(url + "&prompt=none", Ct);
        Assert.Equal("login_required", QueryHelpers.ParseQuery(silent.Headers.Location!.Query)["error"]);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_revokes_the_sign_in()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        var verifier = OidcScenario.NewVerifier();
        var (_, first) = await oidc.ExchangeAsync(await oidc.CodeAsync(verifier), verifier);
        var refresh1 = first.GetProperty("refresh_token").GetString()!;
        var (status, second) = await oidc.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh1 });
        Assert.Equal(HttpStatusCode.OK, status);
        var refresh2 = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(refresh1, refresh2);

        var (reuseStatus, reuse) = await oidc.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh1 });
        Assert.Equal(HttpStatusCode.BadRequest, reuseStatus);
        Assert.Equal("invalid_grant", reuse.GetProperty("error").GetString());
        // The whole family is gone: the newer refresh token and the access tokens too.
        Assert.Equal("invalid_grant", (await oidc.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh2 })).Body.GetProperty("error").GetString());
        var introspection = await (await oidc.PostFormAsync("/connect/introspect", new() { ["token"] = second.GetProperty("access_token").GetString()! })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(introspection.GetProperty("active").GetBoolean());
        Assert.Contains(await oidc.AuditAsync(), e => e.Action == "openid.refresh.reuse_detected" && e.Subject == oidc.ClientId);
    }

    [Fact]
    public async Task Client_credentials_introspection_and_revocation()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        var (status, body) = await oidc.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "api" });
        Assert.Equal(HttpStatusCode.OK, status);
        var access = body.GetProperty("access_token").GetString()!;
        Assert.False(body.TryGetProperty("refresh_token", out _));

        var active = await (await oidc.PostFormAsync("/connect/introspect", new() { ["token"] = access })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal(oidc.ClientId, active.GetProperty("client_id").GetString());
        Assert.Equal("api", active.GetProperty("scope").GetString());

        Assert.Equal(HttpStatusCode.OK, (await oidc.PostFormAsync("/connect/revoke", new() { ["token"] = access, ["token_type_hint"] = "access_token" })).StatusCode);
        var revoked = await (await oidc.PostFormAsync("/connect/introspect", new() { ["token"] = access })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(revoked.GetProperty("active").GetBoolean());
        // RFC 7009 §2.2: an unknown token is not an error.
        Assert.Equal(HttpStatusCode.OK, (await oidc.PostFormAsync("/connect/revoke", new() { ["token"] = "nonsense" })).StatusCode);
    }

    [Fact]
    public async Task A_municipal_api_refuses_a_revoked_access_token_and_one_of_a_sign_in_revoked_for_refresh_reuse()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        async Task<HttpStatusCode> CreateCardAsync(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/riga/api/service-cards") { Content = JsonContent.Create(new { }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await host.AnonymousClient().SendAsync(request, Ct)).StatusCode;
        }

        // A machine's token: accepted (an empty body gets the validation answer), revoked, then refused and inactive.
        var access = (await oidc.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "api" })).Body.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, await CreateCardAsync(access));
        Assert.Equal(HttpStatusCode.OK, (await oidc.PostFormAsync("/connect/revoke", new() { ["token"] = access, ["token_type_hint"] = "access_token" })).StatusCode);
        Assert.False((await (await oidc.PostFormAsync("/connect/introspect", new() { ["token"] = access })).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await CreateCardAsync(access));

        // A person's token stops working at the municipality when a reused refresh token revokes their sign-in.
        var verifier = OidcScenario.NewVerifier();
        var (_, first) = await oidc.ExchangeAsync(await oidc.CodeAsync(verifier, "openid roles offline_access api"), verifier);
        var personal = first.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, await CreateCardAsync(personal));
        var refresh = first.GetProperty("refresh_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await oidc.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await oidc.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await CreateCardAsync(personal));
    }

    [Fact]
    public async Task A_machine_client_token_opens_each_municipality_with_exactly_its_roles_there()
    {
        var oidc = await OidcScenario.CreateAsync(host, tenantRoles: new Dictionary<string, string[]> { ["riga"] = ["Editor"] });
        var (_, body) = await oidc.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "api" });
        var script = host.AnonymousClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());

        // Editor in riga: may create service cards (an empty body gets the validation answer, not 401/403) ...
        var create = await script.PostAsJsonAsync("/riga/api/service-cards", new { }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        // ... but not manage modules, and holds no role at all in ventspils.
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync("/riga/api/admin/features", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.PostAsJsonAsync("/ventspils/api/service-cards", new { }, Ct)).StatusCode);

        // A token without the api scope, or a forged one, opens nothing.
        var forged = host.AnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString()![..^4] + "AAAA");
        var refused = await forged.PostAsJsonAsync("/riga/api/service-cards", new { }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_administrator_registers_a_machine_client_on_the_admin_page_and_its_secret_is_shown_once()
    {
        var admin = await host.AdminClientAsync(OidcScenario.Provider);
        var page = await admin.GetStringAsync($"/{OidcScenario.Provider}/admin/openid/applications", Ct);
        var antiforgery = Forms.AntiforgeryToken(page);
        var clientId = "page-" + Guid.NewGuid().ToString("N")[..8];
        var save = await admin.PostAsync($"/{OidcScenario.Provider}/admin/openid/applications?handler=Save", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", antiforgery), new("clientId", clientId), new("displayName", "Nightly export"), new("type", "confidential"),
            new("flows", "client_credentials"), new("scopes", "api"), new("tenantRoles", "riga: Viewer"),
        ]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var listed = await admin.GetStringAsync($"/{OidcScenario.Provider}/admin/openid/applications", Ct);
        Assert.Contains(clientId, listed);
        var secret = System.Text.RegularExpressions.Regex.Match(listed, @"to\): ([A-Za-z0-9_-]{43})").Groups[1].Value;
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, await admin.GetStringAsync($"/{OidcScenario.Provider}/admin/openid/applications", Ct));

        var token = await host.AnonymousClient().PostAsync($"/{OidcScenario.Provider}/connect/token", new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret), new("scope", "api")]), Ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);

        // The municipalities' own sign-in clients cannot be registered or replaced by hand; workplace URLs must be URLs.
        var reserved = await admin.PutAsJsonAsync($"/{OidcScenario.Provider}/api/admin/openid/applications/workbench-riga", new
        {
            type = "confidential", clientSecret = "x-secret-x-secret-x-secret-x-secret-x", allowedFlows = new[] { "client_credentials" }, scopes = new[] { "api" },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        Assert.Contains("ir rezervēts pašvaldību", await reserved.Content.ReadAsStringAsync(Ct));
        var badUrls = await admin.PutAsJsonAsync($"/{OidcScenario.Provider}/api/admin/openid/applications/{clientId}", new
        {
            type = "confidential", allowedFlows = new[] { "client_credentials" }, scopes = new[] { "api" }, workplaceUrl = "not a url", pendingUrl = "ftp://x/y",
        }, Ct);
        var errors = (await badUrls.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("workplaceUrl", out _) && errors.TryGetProperty("pendingUrl", out _), errors.ToString());
    }

    [Fact]
    public async Task Wrong_redirect_uri_or_unknown_client_is_shown_not_redirected()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        var wrongRedirect = await oidc.Browser.GetAsync(oidc.AuthorizeUrl(OidcScenario.NewVerifier(), redirectUri: "https://evil.example/cb"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongRedirect.StatusCode);
        Assert.Contains("redirect_uri", await wrongRedirect.Content.ReadAsStringAsync(Ct));
        var unknown = await oidc.Browser.GetAsync(oidc.AuthorizeUrl(OidcScenario.NewVerifier(), clientId: "nobody"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Null(unknown.Headers.Location);
    }

    [Fact]
    public async Task Public_clients_must_use_pkce()
    {
        var oidc = await OidcScenario.CreateAsync(host, type: "public");
        var url = QueryHelpers.AddQueryString($"/{OidcScenario.Provider}/connect/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = oidc.ClientId, ["redirect_uri"] = OidcScenario.RedirectUri, ["scope"] = "openid", ["state"] = "s",
        });
        var response = await oidc.Browser.GetAsync(url, Ct);
        Assert.Equal("invalid_request", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"]);
        var plain = await oidc.Browser.GetAsync(url + "&code_challenge=abc&code_challenge_method=plain", Ct);
        Assert.Equal("invalid_request", QueryHelpers.ParseQuery(plain.Headers.Location!.Query)["error"]);

        // A public client authenticates with its client_id only and must present the verifier.
        var verifier = OidcScenario.NewVerifier();
        var code = await oidc.CodeAsync(verifier, "openid");
        var (missing, error) = await oidc.TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = OidcScenario.RedirectUri, ["client_id"] = oidc.ClientId }, basicAuth: false);
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Codes_are_single_use_and_bound_to_verifier_and_redirect_uri()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        var verifier = OidcScenario.NewVerifier();
        var code = await oidc.CodeAsync(verifier);
        Assert.Equal("invalid_grant", (await oidc.ExchangeAsync(code, OidcScenario.NewVerifier())).Body.GetProperty("error").GetString());
        // The failed attempt consumed the code: a replay now fails too, and is audited as one.
        Assert.Equal("invalid_grant", (await oidc.ExchangeAsync(code, verifier)).Body.GetProperty("error").GetString());
        Assert.Contains(await oidc.AuditAsync(), e => e.Action == "openid.code.replayed");

        var second = await oidc.CodeAsync(verifier);
        var wrongRedirect = await oidc.TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = second, ["redirect_uri"] = "https://app.example.lv/other", ["code_verifier"] = verifier });
        Assert.Equal("invalid_grant", wrongRedirect.Body.GetProperty("error").GetString());

        var third = await oidc.CodeAsync(verifier);
        var (ok, tokens) = await oidc.ExchangeAsync(third, verifier);
        Assert.Equal(HttpStatusCode.OK, ok);
        var (replay, _) = await oidc.ExchangeAsync(third, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, replay);
        // RFC 6749 §4.1.2: what the replayed code issued is revoked.
        Assert.Equal("invalid_grant", (await oidc.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()! })).Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Client_authentication_failures_are_401_invalid_client_and_audited()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        var (wrong, body) = await oidc.TokenAsync(new() { ["grant_type"] = "client_credentials" }, secret: "not-the-secret-not-the-secret-not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        var (unknown, _) = await oidc.TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = OidcScenario.Secret }, basicAuth: false);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown);
        var (grant, unsupported) = await oidc.TokenAsync(new() { ["grant_type"] = "password", ["username"] = "x", ["password"] = "y" });
        Assert.Equal("unsupported_grant_type", unsupported.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, grant);
        Assert.Contains(await oidc.AuditAsync(), e => e.Action == "openid.request.refused" && e.Subject == oidc.ClientId && e.Details!.Contains("invalid_client"));
    }

    [Fact]
    public async Task Tampered_unsigned_and_foreign_tokens_are_refused()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        var (_, body) = await oidc.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "api" });
        var access = body.GetProperty("access_token").GetString()!;
        var parts = access.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"api\"", "\"api openid\"");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        var none = $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";
        using var foreignKey = RSA.Create(2048);
        var foreign = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://elsewhere.example", Audience = "workbench", Claims = new Dictionary<string, object> { ["sub"] = "x", ["scope"] = "openid api" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(foreignKey), SecurityAlgorithms.RsaSha256),
        });
        foreach (var token in new[] { tampered, none, foreign })
        {
            var introspection = await (await oidc.PostFormAsync("/connect/introspect", new() { ["token"] = token })).Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.False(introspection.GetProperty("active").GetBoolean());
            var userinfo = new HttpRequestMessage(HttpMethod.Get, $"/{OidcScenario.Provider}/connect/userinfo");
            userinfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await oidc.Machine.SendAsync(userinfo, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task Logout_with_a_hint_signs_out_and_returns_to_a_registered_uri_only()
    {
        var oidc = await OidcScenario.CreateAsync(host);
        var verifier = OidcScenario.NewVerifier();
        var (_, tokens) = await oidc.ExchangeAsync(await oidc.CodeAsync(verifier), verifier);
        var hint = tokens.GetProperty("id_token").GetString()!;
        var evil = await oidc.Browser.GetAsync($"/{OidcScenario.Provider}/connect/logout?id_token_hint={hint}&post_logout_redirect_uri=https://evil.example/", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        var logout = await oidc.Browser.GetAsync($"/{OidcScenario.Provider}/connect/logout?id_token_hint={hint}&post_logout_redirect_uri=https://app.example.lv/bye&state=z", Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("https://app.example.lv/bye?state=z", logout.Headers.Location!.ToString());
        // Signed out at the provider: the next authorization asks for sign-in again.
        var again = await oidc.Browser.GetAsync(oidc.AuthorizeUrl(verifier), Ct);
        Assert.StartsWith($"/{OidcScenario.Provider}/signin", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Keys_rotate_and_the_previous_key_stays_published()
    {
        var ring = host.Services.GetRequiredService<OpenIdKeyRing>();
        var before = (await ring.SigningCredentialsAsync(Ct)).Key.KeyId;
        var rotated = await ring.RotateAsync(Ct);
        Assert.NotEqual(before, rotated);
        Assert.Equal(rotated, (await ring.SigningCredentialsAsync(Ct)).Key.KeyId);
        var published = (await ring.PublishedKeysAsync(Ct)).Select(k => k.KeyId).ToList();
        Assert.Contains(before, published);
        Assert.Contains(rotated, published);
    }

    [Fact]
    public async Task Security_headers_are_on_every_response()
    {
        var response = await host.AnonymousClient().GetAsync($"/{OidcScenario.Provider}/signin", Ct);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var api = await host.AnonymousClient().GetAsync("/riga/api/search?q=x", Ct);
        Assert.Contains("script-src 'self'", api.Headers.GetValues("Content-Security-Policy").Single());
        // No inline style either, but for the brand colours, allowed by a nonce that changes with every response.
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", policy);
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "style-src 'self' 'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<style"));
        Assert.Contains($"<style nonce=\"{nonce}\">:root {{ --brand: #", page);
        Assert.DoesNotContain("style=", page);
        var again = await host.AnonymousClient().GetAsync($"/{OidcScenario.Provider}/signin", Ct);
        Assert.DoesNotContain(nonce, again.Headers.GetValues("Content-Security-Policy").Single());
    }

    private async Task<IReadOnlyList<SecurityKey>> KeysAsync()
    {
        var jwks = await host.AnonymousClient().GetStringAsync($"/{OidcScenario.Provider}/.well-known/jwks", Ct);
        return [.. new JsonWebKeySet(jwks).GetSigningKeys()];
    }
}
