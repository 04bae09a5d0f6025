using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Identity;

/// <summary>
/// Municipalities as relying parties of the competence centre's provider, over real loopback HTTP (the host calls its
/// own discovery, token and JWKS endpoints as it would call a separate provider).
/// </summary>
public sealed partial class SingleSignOnTests
{
    [Fact]
    public async Task One_sign_in_at_the_provider_opens_riga_and_ventspils_with_membership_roles_and_smiltene_refuses()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var person = Browser(host);
        (await person.PostAsJsonAsync("/competence-centre/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();

        // The recipe gave the administrator memberships: Administrator in riga, Editor in ventspils, none in smiltene.
        var riga = await SingleSignOnAsync(person, "riga", ct);
        Assert.Equal(HttpStatusCode.OK, riga.StatusCode);
        Assert.EndsWith("/riga/admin", riga.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/riga/api/admin/users", ct)).StatusCode);

        var ventspils = await SingleSignOnAsync(person, "ventspils", ct);
        Assert.EndsWith("/ventspils/admin", ventspils.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/ventspils/api/admin/users", ct)).StatusCode);

        var smiltene = await SingleSignOnAsync(person, "smiltene", ct);
        Assert.Equal(HttpStatusCode.Forbidden, smiltene.StatusCode);
        Assert.Contains("Jums nav piekļuves pašvaldībai", WebUtility.HtmlDecode(await smiltene.Content.ReadAsStringAsync(ct)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/smiltene/api/admin/users", ct)).StatusCode);

        // Each municipality audited its own outcome; the role set in ventspils is exactly the membership's.
        var rigaAudit = await AuditAsync(person, "riga", ct);
        Assert.Contains(rigaAudit, e => e.Action == "signin.succeeded" && e.Details.Contains("oidc:workbench"));
        using var smilteneAdmin = Browser(host);
        (await smilteneAdmin.PostAsJsonAsync("/smiltene/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        Assert.Contains(await AuditAsync(smilteneAdmin, "smiltene", ct), e => e.Action == "signin.refused" && e.Details.Contains("no membership"));
        var users = await person.GetFromJsonAsync<JsonElement>("/riga/api/admin/users", ct);
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("email").GetString() == WorkbenchFactory.AdminEmail &&
            u.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).SequenceEqual(["Administrator"]));
        var providerAudit = await AuditAsync(person, "competence-centre", ct);
        Assert.Contains(providerAudit, e => e.Action == "openid.application.saved" && e.Subject == "workbench-riga");
    }

    [Fact]
    public async Task With_local_accounts_switched_off_a_password_no_longer_opens_the_municipality_but_single_sign_on_does()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var admin = Browser(host);
        (await admin.PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();

        var nothingLeft = await admin.PutAsJsonAsync("/riga/api/admin/sign-in", new { localAccounts = false, singleSignOn = false }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, nothingLeft.StatusCode);
        Assert.Contains("Vismaz vienam pieteikšanās veidam", await nothingLeft.Content.ReadAsStringAsync(ct));
        var badUpstream = await admin.PutAsJsonAsync("/riga/api/admin/sign-in", new
        {
            localAccounts = true, upstream = new[] { new { key = "Bad Key", displayName = "", authority = "http://idp.example.lv", clientId = "", defaultRole = "Viewer" } },
        }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, badUpstream.StatusCode);
        var problem = await badUpstream.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(["upstream[0].authority", "upstream[0].clientId", "upstream[0].clientSecret", "upstream[0].displayName", "upstream[0].key"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/riga/api/admin/sign-in", new { localAccounts = false, singleSignOn = true }, ct)).StatusCode);
        using var person = Browser(host);
        var refused = await person.PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("ar paroli nepieslēdzas", await refused.Content.ReadAsStringAsync(ct));
        var page = await person.GetStringAsync("/riga/signin", ct);
        Assert.DoesNotContain("type=\"password\"", page);

        (await person.PostAsJsonAsync("/competence-centre/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        var signedIn = await SingleSignOnAsync(person, "riga", ct);
        Assert.True(signedIn.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/riga/admin"), await signedIn.Content.ReadAsStringAsync(ct));
        Assert.Contains(await AuditAsync(admin, "riga", ct), e => e.Action == "signin.refused" && e.Details.Contains("local accounts off"));
    }

    [Fact]
    public async Task A_forged_host_header_does_not_choose_the_provider_and_an_external_sign_in_cannot_be_carried_to_another_municipality()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var cookies = new CookieContainer();
        using var person = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        // First request to riga's sign-in after start, with a Host header the caller chose.
        using (var forged = new HttpRequestMessage(HttpMethod.Get, "/riga/signin"))
        {
            forged.Headers.Host = "evil.example:81";
            Assert.Equal(HttpStatusCode.OK, (await person.SendAsync(forged, ct)).StatusCode);
        }
        (await person.PostAsJsonAsync("/competence-centre/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();

        var page = await person.GetStringAsync("/riga/signin", ct);
        var challenge = await person.PostAsync("/riga/signin/external/workbench",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page) }), ct);
        // The browser is sent to the provider on its own origin; the provider's address was not taken from the forged header.
        Assert.StartsWith("/competence-centre/connect/authorize?", challenge.Headers.Location!.OriginalString);
        var authorize = await person.GetAsync(challenge.Headers.Location, ct);
        var callback = await person.GetAsync(authorize.Headers.Location, ct);
        Assert.StartsWith("/riga/signin/external/workbench", callback.Headers.Location!.OriginalString);

        // Replaying riga's external sign-in cookie at ventspils is refused there.
        var external = cookies.GetCookies(new Uri(host.BaseAddress, "/riga/")).Single(c => c.Name.Contains("External"));
        using var thief = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/ventspils/signin/external/workbench");
        replay.Headers.Add("Cookie", $"{external.Name}={external.Value}");
        await SingleSignOnAsync(SingleSignOnTests.Browser(host), "ventspils", ct); // ventspils has its scheme
        var refused = await thief.SendAsync(replay, ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var set = refused.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(set, c => c.StartsWith(".Workbench.Staff=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970"));

        // The genuine completion at riga still works.
        var completed = await person.GetAsync(callback.Headers.Location, ct);
        Assert.Equal("/riga/admin", completed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_forged_callback_returns_to_the_sign_in_page_with_a_message_and_is_audited()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var person = Browser(host);
        await person.GetStringAsync("/riga/signin", ct);
        var forged = await person.GetAsync("/riga/signin-oidc/workbench?code=stolen&state=forged", ct);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal("/riga/signin", forged.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("neizdevās", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync(ct)));
        var providerError = await person.GetAsync("/riga/signin-oidc/workbench?error=access_denied&state=forged", ct);
        Assert.Equal("/riga/signin", providerError.RequestMessage!.RequestUri!.AbsolutePath);

        using var admin = Browser(host);
        (await admin.PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        Assert.Equal(2, (await AuditAsync(admin, "riga", ct)).Count(e => e.Action == "signin.failed" && e.Details.Contains("oidc:workbench")));
    }

    internal static HttpClient Browser(HostProcess host) =>
        new(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = host.BaseAddress };

    /// <summary>Presses the sign-in page's single sign-on button (a form with its anti-forgery token) and follows the redirects.</summary>
    internal static async Task<HttpResponseMessage> SingleSignOnAsync(HttpClient person, string tenant, CancellationToken ct, string key = "workbench")
    {
        var page = await person.GetStringAsync($"/{tenant}/signin", ct);
        Assert.Contains($"/{tenant}/signin/external/{key}", page);
        var token = Forms.AntiforgeryToken(page);
        return await person.PostAsync($"/{tenant}/signin/external/{key}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), ct);
    }

    internal sealed record AuditLine(string Action, string Subject, string Details);

    internal static async Task<List<AuditLine>> AuditAsync(HttpClient admin, string tenant, CancellationToken ct)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/audit", ct);
        var items = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("items");
        return items.EnumerateArray().Select(e => new AuditLine(
            e.GetProperty("action").GetString()!, e.GetProperty("subject").GetString() ?? "",
            e.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : d.ToString())).ToList();
    }

}
