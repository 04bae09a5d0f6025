using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Identity;

/// <summary>The provider against a real, certified relying-party library (openid-client on Node) over loopback HTTP.</summary>
public sealed class OpenIdInteropTests
{
    [Fact]
    public async Task Openid_client_completes_discovery_code_pkce_refresh_userinfo_and_logout()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var redirect = $"{host.BaseAddress.ToString().TrimEnd('/')}/rp-callback";
        const string secret = "interop-client-secret-interop-client-secret";
        const string email = "interop@example.lv", password = "Interop-Password-1";
        using var admin = await RelyingPartyAsync(host, "interop-rp", secret, redirect, (email, "Jānis Kalniņš", password, "riga", "Editor"), ct);

        var script = Path.Combine(Repository.Root, "tests", "Workbench.Tests", "Infrastructure", "Peers", "openid-client-rp.mjs");
        var run = await ProcessRunner.RunAsync("node", [script, host.BaseAddress.ToString().TrimEnd('/'), "interop-rp", secret, email, password, redirect], timeout: TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.Error + run.Output);

        var seen = JsonDocument.Parse(run.Output.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal("Jānis Kalniņš", seen.GetProperty("name").GetString());
        Assert.Equal(["riga"], seen.GetProperty("municipalities").EnumerateArray().Select(e => e.GetString()));
        Assert.True(seen.GetProperty("refreshRotated").GetBoolean());
        Assert.Equal(email, seen.GetProperty("userinfoEmail").GetString());
        Assert.Equal(302, seen.GetProperty("logoutStatus").GetInt32());
        Assert.Equal(redirect + "/bye?state=bye", seen.GetProperty("logoutLocation").GetString());
    }

    [Fact]
    public async Task Jose_reads_the_published_jwks_and_verifies_a_client_credentials_token()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var admin = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        (await admin.PostAsJsonAsync("/competence-centre/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        const string secret = "interop-machine-secret-interop-machine-secret";
        (await admin.PutAsJsonAsync("/competence-centre/api/admin/openid/applications/interop-machine", new
        {
            displayName = "jose", type = "confidential", clientSecret = secret, redirectUris = Array.Empty<string>(), postLogoutRedirectUris = Array.Empty<string>(),
            allowedFlows = new[] { "client_credentials" }, scopes = new[] { "api" }, tenantRoles = new Dictionary<string, string[]> { ["riga"] = ["Editor"] },
        }, ct)).EnsureSuccessStatusCode();
        var token = await (await admin.PostAsync("/competence-centre/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = "api", ["client_id"] = "interop-machine", ["client_secret"] = secret,
        }), ct)).Content.ReadFromJsonAsync<JsonElement>(ct);

        var script = Path.Combine(Repository.Root, "tests", "Workbench.Tests", "Infrastructure", "Peers", "jose-verify.mjs");
        var issuer = $"{host.BaseAddress.ToString().TrimEnd('/')}/competence-centre";
        var run = await ProcessRunner.RunAsync("node", [script, issuer, token.GetProperty("access_token").GetString()!], timeout: TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        var seen = JsonDocument.Parse(run.Output.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal("RS256", seen.GetProperty("alg").GetString());
        Assert.Equal("interop-machine", seen.GetProperty("clientId").GetString());
        Assert.Equal(["Editor"], seen.GetProperty("tenantRoles").GetProperty("riga").EnumerateArray().Select(e => e.GetString()));
        Assert.True(seen.GetProperty("tamperedRefused").GetBoolean());
    }

    /// <summary>
    /// Signs the administrator in at the provider and registers a confidential code-flow client <paramref name="clientId"/>
    /// (with <paramref name="redirect"/> and its <c>/bye</c> for logout) and a staff member holding one membership.
    /// </summary>
    internal static async Task<HttpClient> RelyingPartyAsync(HostProcess host, string clientId, string secret, string redirect,
        (string Email, string Name, string Password, string Tenant, string Role) person, CancellationToken ct)
    {
        var admin = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        (await admin.PostAsJsonAsync("/competence-centre/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/competence-centre/api/admin/openid/applications/{clientId}", new
        {
            displayName = "openid-client", type = "confidential", clientSecret = secret,
            redirectUris = new[] { redirect }, postLogoutRedirectUris = new[] { redirect + "/bye" },
            allowedFlows = new[] { "authorization_code", "refresh_token" }, scopes = new[] { "openid", "profile", "email", "roles", "offline_access" },
        }, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/competence-centre/api/admin/users", new { email = person.Email, displayName = person.Name, password = person.Password, roles = Array.Empty<string>() }, ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/competence-centre/api/admin/openid/memberships/{person.Email}", new Dictionary<string, string[]> { [person.Tenant] = [person.Role] }, ct)).EnsureSuccessStatusCode();
        return admin;
    }
}
