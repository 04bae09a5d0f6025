using System.Text.Json;
using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Identity;

/// <summary>
/// openid-client's code flow with PKCE against the provider, with a person in Chromium on the provider's real sign-in
/// page in between; then refresh rotation (the old refresh token, reused, is refused and revokes the sign-in) and
/// RP-initiated logout in the same browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OpenIdBrowserInteropTests(BrowserFixture browser)
{
    [Fact]
    public async Task Openid_client_signs_a_person_in_through_the_real_sign_in_page_refreshes_detects_reuse_and_logs_out()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var issuer = $"{host.BaseAddress.ToString().TrimEnd('/')}/competence-centre";
        var redirect = $"{host.BaseAddress.ToString().TrimEnd('/')}/rp-callback";
        const string secret = "browser-interop-secret-browser-interop-secret";
        const string email = "browser-interop@example.lv", password = "Interop-Password-2";
        using var admin = await OpenIdInteropTests.RelyingPartyAsync(host, "browser-rp", secret, redirect, (email, "Līga Kalniņa", password, "ventspils", "Viewer"), ct);

        var script = Path.Combine(Repository.Root, "tests", "Workbench.Tests", "Infrastructure", "Peers", "openid-client-browser-rp.mjs");
        var stateFile = Path.Combine(Path.GetTempPath(), $"wb-rp-{Guid.NewGuid():N}.json");
        try
        {
            var begin = await ProcessRunner.RunAsync("node", [script, "begin", issuer, "browser-rp", secret, redirect, stateFile], timeout: TimeSpan.FromMinutes(1));
            Assert.True(begin.ExitCode == 0, begin.Error + begin.Output);

            // Not signed in at the provider: its sign-in page, then back through the authorization endpoint to the client.
            var page = await browser.NewPageAsync(host);
            await page.GotoAsync(begin.Output.Trim().Split('\n')[^1]);
            await Browsers.ArriveAsync(page, "**/competence-centre/signin?*", host);
            await page.GetByLabel("E-pasts").FillAsync(email);
            await page.GetByLabel("Parole").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
            await page.WaitForURLAsync("**/rp-callback?*", new() { WaitUntil = WaitUntilState.Commit });

            var finish = await ProcessRunner.RunAsync("node", [script, "finish", issuer, "browser-rp", secret, page.Url, stateFile], timeout: TimeSpan.FromMinutes(1));
            Assert.True(finish.ExitCode == 0, finish.Error + finish.Output);
            var seen = JsonDocument.Parse(finish.Output.Trim().Split('\n')[^1]).RootElement;
            Assert.Equal(email, seen.GetProperty("email").GetString());
            Assert.Equal(["ventspils"], seen.GetProperty("municipalities").EnumerateArray().Select(e => e.GetString()));
            Assert.True(seen.GetProperty("refreshRotated").GetBoolean());
            Assert.True(seen.GetProperty("reuseRefused").GetBoolean());
            // The reuse revoked the whole sign-in, the first access token with it.
            Assert.True(seen.GetProperty("userinfo").TryGetProperty("error", out _), seen.GetProperty("userinfo").ToString());

            await page.GotoAsync(seen.GetProperty("endSession").GetString()!);
            await page.WaitForURLAsync($"{redirect}/bye?state=bye", new() { WaitUntil = WaitUntilState.Commit });
            // Signed out at the provider: the next authorization asks for the password again.
            await page.GotoAsync(begin.Output.Trim().Split('\n')[^1]);
            await Browsers.ArriveAsync(page, "**/competence-centre/signin?*", host);
        }
        finally { File.Delete(stateFile); }
    }
}
