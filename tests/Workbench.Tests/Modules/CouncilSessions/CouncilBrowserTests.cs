using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;

namespace Workbench.Tests.Modules.CouncilSessions;

/// <summary>The public council pages in Chromium: calendar, a past meeting's votes, and a live tally while members vote.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CouncilBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_reads_past_votes_and_watches_the_quorum_and_an_open_vote_count_up_live_to_its_result()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var page = await browser.NewPageAsync(host);

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

    [Fact]
    public async Task The_secretary_prepares_and_convenes_a_meeting_two_members_vote_from_their_own_browsers_and_the_chair_closes_the_vote()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        // The committee and its members' staff accounts exist already (the secretariat's API).
        using var api = SingleSignOnTests.Browser(host);
        (await api.PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
        async Task<Guid> IdAsync(string path, object body) =>
            (await (await api.PostAsJsonAsync(path, body, ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var committee = await IdAsync("/riga/api/council/bodies", new { name = "Sociālo lietu komiteja", kind = "Committee" });
        foreach (var (name, email, role) in new[] { ("Anna Priede", "anna.priede@riga.lv", "Chair"), ("Jānis Bērziņš", "janis.berzins@riga.lv", "Member"), ("Līga Kalniņa", "liga.kalnina@riga.lv", "Member") })
        {
            var person = await IdAsync("/riga/api/council/people", new { name, email });
            (await api.PostAsJsonAsync($"/riga/api/council/bodies/{committee}/members", new { personId = person, role, start = "2026-01-01" }, ct)).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync("/riga/api/admin/users", new { email, displayName = name, password = "Member-Password-2026", roles = new[] { "Viewer" } }, ct)).EnsureSuccessStatusCode();
        }

        // The secretary plans the meeting, prepares its agenda and convenes it.
        var secretary = await browser.NewPageAsync(host);
        await Browsers.SignInAsync(secretary, "riga", host);
        await secretary.GetByRole(AriaRole.Navigation, new() { Name = "Darbavietas izvēlne" }).GetByRole(AriaRole.Link, new() { Name = "Sēdes" }).ClickAsync();
        await Browsers.ArriveAsync(secretary, "**/riga/admin/council", host);
        await secretary.GetByLabel("Institūcija").SelectOptionAsync(new SelectOptionValue { Label = "Sociālo lietu komiteja" });
        await secretary.GetByLabel("Sākums (UTC)").FillAsync(DateTime.UtcNow.AddMinutes(-2).ToString("yyyy-MM-ddTHH:mm"));
        await secretary.GetByLabel("Vieta", new() { Exact = true }).FillAsync("Rātsnams, 204. telpa");
        await secretary.GetByLabel("Sēdes vadītājs").SelectOptionAsync(new SelectOptionValue { Label = "Anna Priede" });
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Plānot" }).ClickAsync();
        await Browsers.ArriveAsync(secretary, "**/riga/admin/council/meetings/*", host);
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("ieplānota");
        var meetingId = secretary.Url.Split('/').Last();
        foreach (var title in new[] { "Par sociālā dzīvokļa izīrēšanu", "Par pabalsta apmēru 2027. gadam" })
        {
            await secretary.GetByLabel("Nosaukums").FillAsync(title);
            await secretary.GetByRole(AriaRole.Button, new() { Name = "Pievienot jautājumu" }).ClickAsync();
            await Assertions.Expect(secretary.Locator("ol.agenda li .title", new() { HasText = title })).ToBeVisibleAsync();
        }
        var agenda = secretary.Locator("ol.agenda li .title");
        await Assertions.Expect(agenda).ToHaveTextAsync(["Par sociālā dzīvokļa izīrēšanu", "Par pabalsta apmēru 2027. gadam"]);
        await Browsers.AssertAccessibleAsync(secretary);
        // Drag and drop puts the allowance first; the arrow button, from the keyboard, puts it back.
        await secretary.Locator("ol.agenda li", new() { HasText = "Par pabalsta apmēru" }).DragToAsync(secretary.Locator("ol.agenda li", new() { HasText = "Par sociālā dzīvokļa" }),
            new() { TargetPosition = new() { X = 20, Y = 2 } });
        await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync("pārkārtota");
        await Assertions.Expect(agenda).ToHaveTextAsync(["Par pabalsta apmēru 2027. gadam", "Par sociālā dzīvokļa izīrēšanu"]);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Uz leju: Par pabalsta apmēru 2027. gadam" }).FocusAsync();
        await secretary.Keyboard.PressAsync("Enter");
        await Assertions.Expect(agenda).ToHaveTextAsync(["Par sociālā dzīvokļa izīrēšanu", "Par pabalsta apmēru 2027. gadam"]);
        await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = "Uz leju: Par pabalsta apmēru 2027. gadam" })).ToBeDisabledAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = "Uz augšu: Par pabalsta apmēru 2027. gadam" })).ToBeEnabledAsync();
        var reordered = await api.GetFromJsonAsync<JsonElement>($"/riga/api/council/meetings/{meetingId}", ct);
        Assert.Equal(["Par sociālā dzīvokļa izīrēšanu", "Par pabalsta apmēru 2027. gadam"], reordered.GetProperty("agenda").EnumerateArray().Select(i => i.GetProperty("title").GetString()));

        await secretary.GetByRole(AriaRole.Button, new() { Name = "Sasaukt sēdi" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("dd[data-state]")).ToHaveTextAsync("sasaukta");
        await Assertions.Expect(secretary.GetByRole(AriaRole.Region, new() { Name = "Uzaicinājumi" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Atklāt sēdi" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("dd[data-state]")).ToHaveTextAsync("notiek");
        foreach (var name in new[] { "Anna Priede", "Jānis Bērziņš", "Līga Kalniņa" })
        {
            await secretary.GetByRole(AriaRole.Button, new() { Name = $"klātienē: {name}" }).ClickAsync();
            await Assertions.Expect(secretary.GetByRole(AriaRole.Button, new() { Name = $"Atstāj sēdi: {name}" })).ToBeVisibleAsync();
        }
        await Assertions.Expect(secretary.Locator("[data-present]")).ToHaveTextAsync("3");
        await Assertions.Expect(secretary.Locator("[data-quorum]")).ToHaveTextAsync("ir");
        await Browsers.AssertAccessibleAsync(secretary);

        // The chair opens the vote on her own screen; both members see it appear on theirs, and vote.
        async Task<IPage> MemberAsync(string email)
        {
            var page = await browser.NewPageAsync(host);
            await Browsers.SignInAsync(page, "riga", host, email, "Member-Password-2026");
            await page.GotoAsync($"/riga/admin/council/meetings/{meetingId}/voting");
            return page;
        }
        var chair = await MemberAsync("anna.priede@riga.lv");
        var janis = await MemberAsync("janis.berzins@riga.lv");
        var liga = await MemberAsync("liga.kalnina@riga.lv");
        await Assertions.Expect(janis.GetByText("Balsojums vēl nav atklāts.")).ToBeVisibleAsync();
        await chair.GetByLabel("Jautājums").SelectOptionAsync(new SelectOptionValue { Label = "1. Par sociālā dzīvokļa izīrēšanu" });
        await chair.GetByLabel("Balsojuma formulējums").FillAsync("Izīrēt dzīvokli Lāčplēša ielā 5-3");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Atklāt balsojumu" }).ClickAsync();
        await Assertions.Expect(chair.GetByRole(AriaRole.Heading, new() { Name = "Balsojums: Izīrēt dzīvokli Lāčplēša ielā 5-3" })).ToBeVisibleAsync();
        foreach (var (member, choice) in new[] { (janis, "Par"), (liga, "Par") })
        {
            await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Balsojums: Izīrēt dzīvokli Lāčplēša ielā 5-3" })).ToBeVisibleAsync();
            await member.GetByRole(AriaRole.Button, new() { Name = choice, Exact = true }).ClickAsync();
            await Assertions.Expect(member.GetByText("Jūsu balss: par")).ToBeVisibleAsync();
        }
        await Browsers.AssertAccessibleAsync(liga);
        await Assertions.Expect(chair.Locator("[data-count=for]")).ToHaveTextAsync("2");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Slēgt balsojumu" }).ClickAsync();

        // Both members see the same result without reloading; the public page shows it with each member's vote.
        foreach (var member in new[] { janis, liga })
        {
            await Assertions.Expect(member.Locator("[data-result]")).ToHaveTextAsync("pieņemts");
            await Assertions.Expect(member.Locator("[data-count=for]")).ToHaveTextAsync("2");
            await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "Par", Exact = true })).ToHaveCountAsync(0);
        }
        var resident = await browser.NewPageAsync(host);
        await resident.GotoAsync($"/riga/council/meetings/{meetingId}");
        var vote = resident.GetByRole(AriaRole.Region, new() { Name = "Balsojums: Izīrēt dzīvokli Lāčplēša ielā 5-3" });
        await Assertions.Expect(vote.Locator("[data-result]")).ToHaveTextAsync("pieņemts");
        await Assertions.Expect(vote.GetByRole(AriaRole.Row, new() { Name = "Jānis Bērziņš par" })).ToBeVisibleAsync();
        await Assertions.Expect(vote.GetByRole(AriaRole.Row, new() { Name = "Līga Kalniņa par" })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(resident);
    }
}
