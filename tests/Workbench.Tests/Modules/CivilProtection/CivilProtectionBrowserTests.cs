using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;

namespace Workbench.Tests.Modules.CivilProtection;

/// <summary>The specialist takes two buses out of service; the commission's dashboard shows the flood gap and the map shows them unavailable.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CivilProtectionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Two_buses_out_of_service_open_the_flood_scenarios_gap_and_show_as_unavailable_on_the_map()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        List<(Guid Id, string Name)> buses;
        using (var api = SingleSignOnTests.Browser(host))
        {
            (await api.PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync("/riga/api/admin/users", new { email = "ilona.krievina@riga.lv", displayName = "Ilona Krieviņa", password = "Staff-Password-2026", roles = new[] { "Civilās aizsardzības speciālists" } }, ct)).EnsureSuccessStatusCode();
            buses = (await api.GetFromJsonAsync<JsonElement>("/riga/api/civil-protection/resources?type=transport.bus.50", ct)).EnumerateArray()
                .Select(b => (b.GetProperty("id").GetGuid(), b.GetProperty("name").GetString()!)).Take(2).ToList();
        }
        var page = await browser.NewPageAsync(host);
        await Browsers.SignInAsync(page, "riga", host, "ilona.krievina@riga.lv", "Staff-Password-2026");

        // The specialist finds the buses in the register and takes two out of service.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Darbavietas izvēlne" }).GetByRole(AriaRole.Link, new() { Name = "Civilā aizsardzība", Exact = true }).ClickAsync();
        await Browsers.ArriveAsync(page, "**/riga/admin/civil-protection", host);
        await Browsers.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Resursi", Exact = true }).ClickAsync();
        await Browsers.ArriveAsync(page, "**/riga/admin/civil-protection/resources", host);
        await page.GetByLabel("Tips", new() { Exact = true }).SelectOptionAsync("transport.bus.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Atlasīt" }).ClickAsync();
        await Browsers.ArriveAsync(page, "**/riga/admin/civil-protection/resources?type=transport.bus.50*", host);
        await Browsers.AssertAccessibleAsync(page);
        foreach (var (_, name) in buses)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await Browsers.ArriveAsync(page, "**/riga/admin/civil-protection/resources/*", host);
            await page.GetByLabel("Pieejamība", new() { Exact = true }).SelectOptionAsync("OutOfService");
            await page.GetByLabel("Iemesls").FillAsync("Dzinēja bojājums, remontā līdz mēneša beigām");
            await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
            await Assertions.Expect(page.Locator("#availability")).ToHaveTextAsync("Nav lietojams");
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Dzinēja bojājums, remontā līdz mēneša beigām" })).ToBeVisibleAsync();
            await Browsers.AssertAccessibleAsync(page);
            await page.GotoAsync("/riga/admin/civil-protection/resources?type=transport.bus.50");
            await Browsers.ArriveAsync(page, "**/riga/admin/civil-protection/resources?type=transport.bus.50*", host);
        }

        // The readiness dashboard shows the flood scenario two buses short, in red.
        await page.GetByRole(AriaRole.Link, new() { Name = "Gatavība", Exact = true }).ClickAsync();
        await Browsers.ArriveAsync(page, "**/riga/admin/civil-protection/readiness", host);
        var flood = page.GetByRole(AriaRole.Region, new() { Name = "Daugavas pali un plūdi Ķengaragā un Zaķusalā" });
        var gap = flood.Locator("tr[data-type='transport.bus.50'] td[data-gap]");
        await Assertions.Expect(gap).ToHaveTextAsync("trūkst 2");
        await Assertions.Expect(gap).ToHaveClassAsync("cp-gap");
        Assert.Equal("rgb(164, 0, 15)", await gap.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await Browsers.AssertAccessibleAsync(page);

        // The map: both buses drawn and listed as out of service (no tile URL here: the plot and its tables).
        await page.GetByRole(AriaRole.Link, new() { Name = "Karte", Exact = true }).ClickAsync();
        await Browsers.ArriveAsync(page, "**/riga/admin/civil-protection/map", host);
        foreach (var (id, name) in buses)
        {
            await Assertions.Expect(page.Locator($"#layer-resources tr[data-resource='{id}'] td[data-availability]")).ToHaveTextAsync("Nav lietojams");
            await Assertions.Expect(page.Locator($"svg circle[data-resource='{id}']")).ToHaveClassAsync("cp-resource cp-out");
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Resursi, patvertnes, skartās teritorijas un evakuācijas ceļi" })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(page);
    }
}
