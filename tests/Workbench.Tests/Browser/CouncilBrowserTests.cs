using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Interop;

namespace Workbench.Tests.Browser;

/// <summary>The public council pages in Chromium: calendar, a past meeting's votes, and a live tally while members vote.</summary>
public sealed class CouncilBrowserTests
{
    [Fact]
    public async Task A_resident_reads_past_votes_and_watches_the_quorum_and_an_open_vote_count_up_live_to_its_result()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.ChromiumAsync(playwright);
        var page = await Browsers.NewPageAsync(browser, host);

        await page.GotoAsync("/riga/council");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notikušās sēdes" })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rīgas valstspilsētas pašvaldības dome: sēde Nr. 1/2026" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table).First.GetByRole(AriaRole.Row)).ToHaveCountAsync(16);
        await Assertions.Expect(page.GetByText("pieņemts").First).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(page);

        // A small committee votes now; the resident's page follows without reloading.
        using var secretary = SingleSignOnTests.Browser(host);
        (await secretary.PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        async Task<Guid> IdAsync(string path, object body) =>
            (await (await secretary.PostAsJsonAsync(path, body, ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var committee = await IdAsync("/riga/api/council/bodies", new { name = "Dzīvokļu komisija", kind = "Commission" });
        var members = new List<(Guid Id, HttpClient Client)>();
        for (var i = 0; i < 2; i++)
        {
            var email = $"komisija{i}@riga.lv";
            var person = await IdAsync("/riga/api/council/people", new { name = $"Komisijas loceklis {i}", email });
            (await secretary.PostAsJsonAsync($"/riga/api/council/bodies/{committee}/members", new { personId = person, start = "2026-01-01" }, ct)).EnsureSuccessStatusCode();
            (await secretary.PostAsJsonAsync("/riga/api/admin/users", new { email, displayName = email, password = "Member-Password-2026", roles = new[] { "Viewer" } }, ct)).EnsureSuccessStatusCode();
            var client = SingleSignOnTests.Browser(host);
            (await client.PostAsJsonAsync("/riga/api/session", new { email, password = "Member-Password-2026" }, ct)).EnsureSuccessStatusCode();
            members.Add((person, client));
        }
        var meeting = await IdAsync("/riga/api/council/meetings", new { bodyId = committee, startsAt = DateTime.UtcNow.AddMinutes(-5), place = "310. telpa" });
        var item = await IdAsync($"/riga/api/council/meetings/{meeting}/agenda", new { title = "Par dzīvokļa īres līgumu" });
        foreach (var step in new[] { "convene", "open" }) (await secretary.PostAsync($"/riga/api/council/meetings/{meeting}/{step}", null, ct)).EnsureSuccessStatusCode();
        // The quorum follows the members' arrival live.
        await page.GotoAsync($"/riga/council/meetings/{meeting}");
        var quorum = page.GetByRole(AriaRole.Region, new() { Name = "Kvorums" });
        await Assertions.Expect(quorum.Locator("[data-quorum]")).ToHaveTextAsync("nav");
        foreach (var (person, _) in members) (await secretary.PutAsJsonAsync($"/riga/api/council/meetings/{meeting}/attendance/{person}", new { mode = "InRoom" }, ct)).EnsureSuccessStatusCode();
        await Assertions.Expect(quorum.Locator("[data-present]")).ToHaveTextAsync("2");
        await Assertions.Expect(quorum.Locator("[data-quorum]")).ToHaveTextAsync("ir");
        var vote = await IdAsync($"/riga/api/council/meetings/{meeting}/votes", new { agendaItemId = item, motion = "Slēgt īres līgumu" });

        await page.GotoAsync($"/riga/council/meetings/{meeting}");
        var tally = page.GetByRole(AriaRole.Region, new() { Name = "Balsojums: Slēgt īres līgumu" });
        await Assertions.Expect(tally.GetByRole(AriaRole.Status)).ToContainTextAsync("balsošana notiek");
        await Browsers.AssertAccessibleAsync(page);
        foreach (var (_, client) in members)
            (await client.PostAsJsonAsync($"/riga/api/council/votes/{vote}/ballot", new { choice = "For" }, ct)).EnsureSuccessStatusCode();
        await Assertions.Expect(tally.Locator("[data-count=for]")).ToHaveTextAsync("2");
        (await secretary.PostAsync($"/riga/api/council/votes/{vote}/close", null, ct)).EnsureSuccessStatusCode();
        await Assertions.Expect(tally.Locator("[data-result]")).ToHaveTextAsync("pieņemts");
        foreach (var (_, client) in members) client.Dispose();
    }
}
