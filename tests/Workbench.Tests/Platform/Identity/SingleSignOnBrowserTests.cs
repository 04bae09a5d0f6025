using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Identity;

/// <summary>Single sign-on as a person sees it, in Chromium against the real host (and oidc-provider as an upstream).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SingleSignOnBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_staff_member_signs_in_once_then_opens_riga_and_ventspils_without_a_password_and_smiltene_refuses_them()
    {
        await using var host = await HostProcess.StartAsync();
        var page = await browser.NewPageAsync(host);

        await Browsers.SignInAsync(page, "competence-centre", host);
        foreach (var tenant in new[] { "riga", "ventspils" })
        {
            await page.GotoAsync($"/{tenant}/admin");
            await Browsers.ArriveAsync(page, $"**/{tenant}/signin?*");
            await Browsers.AssertAccessibleAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Vienotā pieteikšanās" }).ClickAsync();
            // Straight back to the workplace: the provider already knows the person, no password is asked.
            await Browsers.ArriveAsync(page, $"**/{tenant}/admin", host);
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Darbavietas izvēlne" })).ToBeVisibleAsync();
        }

        await page.GotoAsync("/smiltene/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vienotā pieteikšanās" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Jums nav piekļuves pašvaldībai");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pieslēgšanās atteikta" })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_upstream_provider_signs_a_new_person_into_riga_with_the_default_role_and_neither_an_unverified_email_nor_a_verified_one_takes_over_an_account()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var port = HostProcess.FreePort();
        const string secret = "upstream-secret-upstream-secret-upstream";
        await using var upstream = await NodePeer.StartAsync(Path.Combine("Infrastructure", "Peers", "oidc-upstream.mjs"),
            port.ToString(), "riga-workbench", secret, $"{host.BaseAddress.ToString().TrimEnd('/')}/riga/signin-oidc/keycloak");
        using var admin = SingleSignOnTests.Browser(host);
        (await admin.PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/riga/api/admin/sign-in", new
        {
            localAccounts = true, singleSignOn = true,
            upstream = new[] { new { key = "keycloak", displayName = "Rīgas Keycloak", authority = $"http://127.0.0.1:{port}", clientId = "riga-workbench", clientSecret = secret, defaultRole = "Viewer", allowHttp = true } },
        }, ct)).EnsureSuccessStatusCode();
        for (var visit = 0; visit < 2; visit++)
        {
            var page = await browser.NewPageAsync(host);
            await UpstreamSignInAsync(page, "anna");
            await Browsers.ArriveAsync(page, "**/riga/admin", host);
        }
        var users = await admin.GetFromJsonAsync<JsonElement>("/riga/api/admin/users", ct);
        var anna = Assert.Single(users.EnumerateArray(), u => u.GetProperty("email").GetString() == "anna.ozola@riga.lv");
        Assert.Equal(["Viewer"], anna.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Anna Ozola", anna.GetProperty("displayName").GetString());

        var eve = await browser.NewPageAsync(host);
        await UpstreamSignInAsync(eve, "eve");
        await Assertions.Expect(eve.GetByRole(AriaRole.Alert)).ToContainTextAsync("Konts ar šo e-pastu jau ir");
        var mallory = await browser.NewPageAsync(host);
        await UpstreamSignInAsync(mallory, "mallory");
        await Assertions.Expect(mallory.GetByRole(AriaRole.Alert)).ToContainTextAsync("Administratora kontu ar ārēju pakalpojumu sniedzēju automātiski nesasaista");
        var audit = await SingleSignOnTests.AuditAsync(admin, "riga", ct);
        Assert.Contains(audit, e => e.Action == "user.provisioned" && e.Subject == "anna.ozola@riga.lv");
        Assert.Equal(2, audit.Count(e => e.Action == "signin.succeeded" && e.Details.Contains("oidc:keycloak")));
        Assert.Equal(2, audit.Count(e => e.Action == "signin.refused" && e.Details.Contains("oidc:keycloak")));
    }

    /// <summary>oidc-provider's development login (any password) and consent pages.</summary>
    private static async Task UpstreamSignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/riga/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties ar Rīgas Keycloak" }).ClickAsync();
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("any");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.Locator("button[type=submit]").ClickAsync();
    }
}
