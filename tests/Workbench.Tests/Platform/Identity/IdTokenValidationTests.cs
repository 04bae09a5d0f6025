using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Workbench.Platform.ExternalSignIn;

namespace Workbench.Tests.Platform.Identity;

/// <summary>The relying party's ID-token checks (OpenID Connect Core 1.0 §3.1.3.7), one rejection per rule.</summary>
public sealed class IdTokenValidationTests
{
    private const string Issuer = "https://idp.example.lv";
    private const string ClientId = "workbench-riga";
    private const string Nonce = "n-0S6_WzA2Mj";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "k1" };

    private static ExternalProvider Provider(IConfigurationManager<OpenIdConnectConfiguration> configuration) =>
        new("riga", "keycloak", "Keycloak", false, ClientId, "secret", "Viewer", new OpenIdConnectConfiguration { Issuer = Issuer }, configuration);

    private static ExternalProvider Provider(params SecurityKey[] keys)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        foreach (var key in keys) configuration.SigningKeys.Add(key);
        return Provider(new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration));
    }

    private static string Token(SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256, string issuer = Issuer, string audience = ClientId,
        string? nonce = Nonce, DateTime? expires = null, Dictionary<string, object>? extra = null)
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

    private static Task<IdTokens.Result> Validate(string token, ExternalProvider? provider = null, string? nonce = Nonce, string? accessToken = null) =>
        IdTokens.ValidateAsync(provider ?? Provider(Key), token, nonce, accessToken, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_valid_token_yields_subject_name_verified_email_and_membership_roles()
    {
        var result = await Validate(Token(extra: new() { ["tenant_roles"] = new Dictionary<string, object> { ["riga"] = new[] { "Editor" } } }));
        Assert.Null(result.Error);
        var claims = result.Claims!.ToDictionary(c => c.Type, c => c.Value);
        Assert.Equal("248289761001", claims[System.Security.Claims.ClaimTypes.NameIdentifier]);
        Assert.Equal("Anna Bērziņa", claims[System.Security.Claims.ClaimTypes.Name]);
        Assert.Equal("true", claims[IdTokens.EmailVerifiedClaim]);
        Assert.Equal(["Editor"], ExternalAccounts.MembershipRoles(new(new System.Security.Claims.ClaimsIdentity(result.Claims)), "riga"));
        Assert.Null(ExternalAccounts.MembershipRoles(new(new System.Security.Claims.ClaimsIdentity(result.Claims)), "ventspils"));
    }

    [Fact]
    public async Task Another_issuer_another_audience_an_expired_token_and_a_tampered_payload_are_refused()
    {
        Assert.NotNull((await Validate(Token(issuer: "https://evil.example"))).Error);
        Assert.NotNull((await Validate(Token(audience: "workbench-ventspils"))).Error);
        Assert.NotNull((await Validate(Token(expires: DateTime.UtcNow.AddMinutes(-10)))).Error);
        var parts = Token().Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("248289761001", "000000000001");
        Assert.NotNull((await Validate($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}")).Error);
        Assert.NotNull((await Validate("")).Error);
        Assert.NotNull((await Validate("not.a.jwt")).Error);
    }

    [Fact]
    public async Task Unsigned_alg_none_and_symmetric_hs256_tokens_are_refused()
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = Base64UrlEncoder.Encode($"{{\"iss\":\"{Issuer}\",\"aud\":\"{ClientId}\",\"sub\":\"x\",\"nonce\":\"{Nonce}\",\"exp\":{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}");
        Assert.NotNull((await Validate($"{header}.{payload}.")).Error);
        // An HS256 token keyed with something the attacker knows, even if that key were among the provider's keys.
        var symmetric = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "k1" };
        Assert.NotNull((await Validate(Token(symmetric, SecurityAlgorithms.HmacSha256), Provider(Key, symmetric))).Error);
    }

    [Fact]
    public async Task The_nonce_must_be_present_and_match_the_request()
    {
        Assert.Contains("nonce", (await Validate(Token(nonce: "other")))!.Error);
        Assert.Contains("nonce", (await Validate(Token(nonce: null)))!.Error);
        Assert.Contains("nonce", (await Validate(Token(), nonce: null))!.Error);
    }

    [Fact]
    public async Task An_at_hash_must_match_the_access_token_it_came_with()
    {
        const string access = "access-token-value";
        var atHash = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(access))[..16]);
        Assert.Null((await Validate(Token(extra: new() { ["at_hash"] = atHash }), accessToken: access)).Error);
        Assert.Contains("at_hash", (await Validate(Token(extra: new() { ["at_hash"] = atHash }), accessToken: "swapped"))!.Error);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_we_have_not_seen_refreshes_the_keys_once_and_validates_after_rotation()
    {
        var rotated = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k2" };
        var configuration = new RotatingConfiguration(Key, rotated);
        Assert.Null((await Validate(Token(rotated), Provider(configuration))).Error);
        Assert.Equal(1, configuration.Refreshes);
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k3" };
        Assert.NotNull((await Validate(Token(stranger), Provider(configuration))).Error);
    }

    /// <summary>Publishes the old key until asked to refresh, then the new one as well (a provider that rotated).</summary>
    private sealed class RotatingConfiguration(SecurityKey before, SecurityKey after) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        public int Refreshes { get; private set; }

        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(before);
            if (Refreshes > 0) configuration.SigningKeys.Add(after);
            return Task.FromResult(configuration);
        }

        public void RequestRefresh() => Refreshes++;
    }
}
