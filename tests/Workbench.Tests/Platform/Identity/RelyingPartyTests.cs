using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Workbench.Platform.ExternalSignIn;

namespace Workbench.Tests.Platform.Identity;

/// <summary>
/// A municipality's provider scheme as <see cref="ExternalSignInOptionsSetup"/> sets up ASP.NET Core's OpenID Connect
/// handler, driven through a whole sign-in (challenge, callback, token response) against a provider played here: the
/// ID-token checks of OpenID Connect Core 1.0 §3.1.3.7, one rejection per rule, and the claims the accounts read.
/// </summary>
public sealed class RelyingPartyTests
{
    private const string Issuer = "https://idp.example.lv";
    private const string ClientId = "workbench-riga";
    private const string Scheme = "oidc.riga.keycloak";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "k1" };

    private static OpenIdConnectConfiguration Discovery(params SecurityKey[] keys)
    {
        var configuration = new OpenIdConnectConfiguration
        {
            Issuer = Issuer, AuthorizationEndpoint = Issuer + "/authorize", TokenEndpoint = Issuer + "/token",
        };
        foreach (var key in keys) configuration.SigningKeys.Add(key);
        return configuration;
    }

    private static string Token(string? nonce, SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256, string issuer = Issuer,
        string audience = ClientId, DateTime? expires = null, Dictionary<string, object>? extra = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = "248289761001", ["email"] = "anna@riga.lv", ["email_verified"] = true, ["name"] = "Anna Bērziņa" };
        if (nonce is not null) claims["nonce"] = nonce;
        foreach (var (name, value) in extra ?? []) claims[name] = value;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Claims = claims, IssuedAt = now.AddMinutes(-1), NotBefore = now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(5), SigningCredentials = new SigningCredentials(key ?? Key, algorithm),
        });
    }

    [Fact]
    public async Task A_valid_sign_in_sends_a_pkce_verifier_and_yields_subject_name_verified_email_membership_roles_and_the_issuer()
    {
        await using var rp = await RelyingParty.StartAsync(new StaticConfigurationManager<OpenIdConnectConfiguration>(Discovery(Key)));
        var outcome = await rp.SignInAsync(nonce => Token(nonce, extra: new() { ["tenant_roles"] = new Dictionary<string, object> { ["riga"] = new[] { "Editor" } } }));
        Assert.Null(outcome.Failure);
        Assert.Equal("S256", outcome.Authorize["code_challenge_method"]);
        Assert.Equal((string?)outcome.Authorize["code_challenge"], Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(rp.TokenRequest!["code_verifier"]))));
        Assert.Equal(["openid", "profile", "email"], outcome.Authorize["scope"].ToString().Split(' '));
        var claims = outcome.Person!.Claims.ToDictionary(c => c.Type, c => c.Value);
        Assert.Equal("248289761001", claims[ClaimTypes.NameIdentifier]);
        Assert.Equal("Anna Bērziņa", claims[ClaimTypes.Name]);
        Assert.Equal("anna@riga.lv", claims[ClaimTypes.Email]);
        Assert.Equal("true", claims[ExternalSignInHandler.EmailVerifiedClaim]);
        Assert.Equal(["Editor"], ExternalAccounts.MembershipRoles(outcome.Person, "riga"));
        Assert.Null(ExternalAccounts.MembershipRoles(outcome.Person, "ventspils"));
        Assert.Equal(Scheme, outcome.Properties!.Items[ExternalSignInHandler.SchemeItem]);
        Assert.Equal(Issuer, outcome.Properties.Items[ExternalSignInHandler.IssuerItem]);
    }

    [Fact]
    public async Task Another_issuer_another_audience_an_expired_token_a_tampered_payload_and_no_id_token_are_refused()
    {
        await using var rp = await RelyingParty.StartAsync(new StaticConfigurationManager<OpenIdConnectConfiguration>(Discovery(Key)));
        Assert.NotNull((await rp.SignInAsync(nonce => Token(nonce, issuer: "https://evil.example"))).Failure);
        Assert.NotNull((await rp.SignInAsync(nonce => Token(nonce, audience: "workbench-ventspils"))).Failure);
        Assert.NotNull((await rp.SignInAsync(nonce => Token(nonce, expires: DateTime.UtcNow.AddMinutes(-10)))).Failure);
        Assert.NotNull((await rp.SignInAsync(nonce =>
        {
            var parts = Token(nonce).Split('.');
            var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("248289761001", "000000000001");
            return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        })).Failure);
        Assert.NotNull((await rp.SignInAsync(_ => null)).Failure);
        Assert.NotNull((await rp.SignInAsync(_ => "not.a.jwt")).Failure);
        Assert.Null((await rp.SignInAsync(nonce => Token(nonce))).Failure);
    }

    [Fact]
    public async Task Unsigned_alg_none_and_symmetric_hs256_tokens_are_refused()
    {
        // An HS256 token keyed with something the attacker knows, even if that key were among the provider's keys.
        var symmetric = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "k1" };
        await using var rp = await RelyingParty.StartAsync(new StaticConfigurationManager<OpenIdConnectConfiguration>(Discovery(Key, symmetric)));
        Assert.NotNull((await rp.SignInAsync(nonce =>
        {
            var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
            var payload = Base64UrlEncoder.Encode($"{{\"iss\":\"{Issuer}\",\"aud\":\"{ClientId}\",\"sub\":\"x\",\"nonce\":\"{nonce}\",\"iat\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds()},\"exp\":{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}");
            return $"{header}.{payload}.";
        })).Failure);
        Assert.NotNull((await rp.SignInAsync(nonce => Token(nonce, symmetric, SecurityAlgorithms.HmacSha256))).Failure);
    }

    [Fact]
    public async Task The_nonce_must_be_present_and_match_the_request()
    {
        await using var rp = await RelyingParty.StartAsync(new StaticConfigurationManager<OpenIdConnectConfiguration>(Discovery(Key)));
        Assert.NotNull((await rp.SignInAsync(_ => Token("other"))).Failure);
        Assert.NotNull((await rp.SignInAsync(_ => Token(null))).Failure);
        Assert.Null((await rp.SignInAsync(nonce => Token(nonce))).Failure);
    }

    [Fact]
    public async Task An_at_hash_must_match_the_access_token_it_came_with()
    {
        await using var rp = await RelyingParty.StartAsync(new StaticConfigurationManager<OpenIdConnectConfiguration>(Discovery(Key)));
        const string access = "access-token-value";
        var atHash = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(access))[..16]);
        Assert.Null((await rp.SignInAsync(nonce => Token(nonce, extra: new() { ["at_hash"] = atHash }), access)).Failure);
        Assert.NotNull((await rp.SignInAsync(nonce => Token(nonce, extra: new() { ["at_hash"] = atHash }), "swapped")).Failure);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_we_have_not_seen_is_refused_and_refreshes_the_keys_so_that_sign_ins_after_rotation_succeed()
    {
        var rotated = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k2" };
        var documents = new RotatingProvider(Key, rotated);
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(Issuer + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), documents);
        await using var rp = await RelyingParty.StartAsync(manager);
        Assert.Null((await rp.SignInAsync(nonce => Token(nonce))).Failure);
        documents.Rotated = true;
        // The handler keeps the keys it has until one is missing, then refreshes them (in the background) for the next sign-in.
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>((await rp.SignInAsync(nonce => Token(nonce, rotated))).Failure);
        Exception? failure = null;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if ((failure = (await rp.SignInAsync(nonce => Token(nonce, rotated))).Failure) is null) break;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Null(failure);
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k3" };
        Assert.NotNull((await rp.SignInAsync(nonce => Token(nonce, stranger))).Failure);
    }

    /// <summary>A provider's discovery document and JWKS: the old key until it rotates, then both.</summary>
    private sealed class RotatingProvider(RsaSecurityKey before, RsaSecurityKey after) : IDocumentRetriever
    {
        public bool Rotated { get; set; }

        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) => Task.FromResult(address.EndsWith("/jwks", StringComparison.Ordinal)
            ? System.Text.Json.JsonSerializer.Serialize(new { keys = (Rotated ? new[] { before, after } : [before]).Select(Jwk) })
            : System.Text.Json.JsonSerializer.Serialize(new { issuer = Issuer, authorization_endpoint = Issuer + "/authorize", token_endpoint = Issuer + "/token", jwks_uri = Issuer + "/jwks" }));

        private static object Jwk(RsaSecurityKey key)
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            return new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E };
        }
    }

    private sealed record Outcome(Exception? Failure, ClaimsPrincipal? Person, AuthenticationProperties? Properties, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Authorize);

    /// <summary>A test server with one provider scheme set up as the Workbench sets it up, and the provider's token endpoint played here.</summary>
    private sealed class RelyingParty(WebApplication app, TokenEndpoint tokens) : IAsyncDisposable
    {
        private Exception? _failure;
        private ClaimsPrincipal? _person;
        private AuthenticationProperties? _properties;

        public IReadOnlyDictionary<string, string>? TokenRequest => tokens.Request;

        public static async Task<RelyingParty> StartAsync(IConfigurationManager<OpenIdConnectConfiguration> configuration)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            var tokens = new TokenEndpoint();
            RelyingParty? rp = null;
            var provider = new ExternalProvider("riga", "keycloak", "Keycloak", false, ClientId, "secret", "Viewer", Discovery(), configuration);
            builder.Services.AddAuthentication().AddCookie("external").AddOpenIdConnect(Scheme, options =>
            {
                ExternalSignInOptionsSetup.Apply(options, provider, new HttpClient(tokens));
                options.SignInScheme = "external";
                options.Events.OnRemoteFailure = context =>
                {
                    rp!._failure = context.Failure ?? new InvalidOperationException("failed");
                    context.Response.StatusCode = 400;
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                options.Events.OnTicketReceived = context =>
                {
                    (rp!._person, rp._properties) = (context.Principal, context.Properties);
                    context.Response.StatusCode = 200;
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
            var app = builder.Build();
            app.UseAuthentication();
            app.MapGet("/challenge", context => context.ChallengeAsync(Scheme, new AuthenticationProperties { RedirectUri = "/done" }));
            await app.StartAsync(TestContext.Current.CancellationToken);
            return rp = new RelyingParty(app, tokens);
        }

        /// <summary>Challenge, then the provider's redirect back with a code, for which the token endpoint answers with <paramref name="idToken"/>(nonce).</summary>
        public async Task<Outcome> SignInAsync(Func<string, string?> idToken, string accessToken = "access-token-value")
        {
            (_failure, _person, _properties) = (null, null, null);
            var ct = TestContext.Current.CancellationToken;
            using var client = app.GetTestClient();
            var challenge = await client.GetAsync("/challenge", ct);
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            var authorize = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
            tokens.IdToken = idToken(authorize["nonce"]!);
            tokens.AccessToken = accessToken;
            using var callback = new HttpRequestMessage(HttpMethod.Get, $"/signin-oidc/keycloak?code=c1&state={Uri.EscapeDataString(authorize["state"]!)}");
            callback.Headers.Add("Cookie", string.Join("; ", challenge.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
            await client.SendAsync(callback, ct);
            Assert.True(_failure is not null || _person is not null, "the callback neither failed nor signed in");
            return new Outcome(_failure, _person, _properties, authorize);
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    private sealed class TokenEndpoint : HttpMessageHandler
    {
        public string? IdToken { get; set; }
        public string AccessToken { get; set; } = "";
        public IReadOnlyDictionary<string, string>? Request { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Assert.Equal(Issuer + "/token", request.RequestUri!.ToString());
            Request = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(ct)).ToDictionary(p => p.Key, p => p.Value.ToString());
            var body = new Dictionary<string, object> { ["access_token"] = AccessToken, ["token_type"] = "Bearer", ["expires_in"] = 600 };
            if (IdToken is not null) body["id_token"] = IdToken;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body) };
        }
    }
}
