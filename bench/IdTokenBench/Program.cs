using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Workbench.Platform.ExternalSignIn;

// ID-token validation as a municipality's relying party does it (the OpenID Connect handler's JsonWebTokenHandler with
// our parameters: signature, issuer, audience, lifetime),
// on tokens made here and written out, so that bench/idtoken.sh can validate the same tokens with jose on Node.
// Usage: IdTokenBench make <folder> <count>   |   IdTokenBench validate <folder> <seconds>
const string Issuer = "https://workbench.example.lv/competence-centre";
const string Audience = "workbench-riga";
var folder = args[1];

if (args[0] == "make")
{
    using var rsa = RSA.Create(2048);
    var key = new RsaSecurityKey(rsa) { KeyId = "bench" };
    var handler = new JsonWebTokenHandler();
    var tokens = Enumerable.Range(0, int.Parse(args[2])).Select(i => handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer, Audience = Audience, Expires = DateTime.UtcNow.AddHours(2),
        Claims = new Dictionary<string, object> { ["sub"] = $"user-{i}", ["nonce"] = $"nonce-{i}", ["email"] = $"user{i}@riga.lv", ["name"] = "Anna Bērziņa" },
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    })).ToList();
    var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "bench" });
    File.WriteAllText(Path.Combine(folder, "tokens.json"), JsonSerializer.Serialize(tokens));
    File.WriteAllText(Path.Combine(folder, "jwks.json"), JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } }));
    File.WriteAllText(Path.Combine(folder, "claims.json"), JsonSerializer.Serialize(new { issuer = Issuer, audience = Audience }));
    return;
}

var list = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(Path.Combine(folder, "tokens.json")))!;
var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
foreach (var k in new JsonWebKeySet(File.ReadAllText(Path.Combine(folder, "jwks.json"))).GetSigningKeys()) configuration.SigningKeys.Add(k);
var parameters = ExternalSignInOptionsSetup.IdTokenParameters(Audience);
parameters.ValidIssuer = configuration.Issuer;
parameters.IssuerSigningKeys = configuration.SigningKeys;
var validator = new JsonWebTokenHandler { MapInboundClaims = false };
async Task<int> RunAsync(TimeSpan duration)
{
    var done = 0;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < duration)
    {
        var result = await validator.ValidateTokenAsync(list[done % list.Count], parameters);
        if (!result.IsValid) throw new InvalidOperationException("token refused: " + result.Exception);
        done++;
    }
    return done;
}
await RunAsync(TimeSpan.FromSeconds(1)); // warm-up (JIT, caches)
var seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var count = await RunAsync(TimeSpan.FromSeconds(seconds));
Console.WriteLine(JsonSerializer.Serialize(new { perSecond = count / seconds }));
