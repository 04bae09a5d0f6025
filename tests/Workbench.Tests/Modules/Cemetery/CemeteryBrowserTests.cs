using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.Cemetery;

/// <summary>
/// In Chromium: an administrator uploads a plan, places three sites on it, records a burial; a resident finds the grave
/// by a name typed without diacritics and sees the site ringed on the scheme; axe finds no WCAG 2.1 A/AA violation on
/// the public pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CemeteryBrowserTests(BrowserFixture browser)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_administrator_places_three_sites_on_a_plan_records_a_burial_and_a_resident_finds_it_without_diacritics_on_the_scheme()
    {
        await using var host = await HostProcess.StartAsync();
        var staff = await browser.NewPageAsync(host);
        await Browsers.SignInAsync(staff, "smiltene", host);

        await staff.GotoAsync("/smiltene/admin/cemetery");
        await staff.GetByLabel("Nosaukums", new() { Exact = true }).FillAsync("Bilskas kapi");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Pievienot", Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Bilskas kapi" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Bilskas kapi", Level = 1 })).ToBeVisibleAsync();

        var plan = Path.Combine(Repository.NewTempFolder("wb-plan"), "plans.png");
        await File.WriteAllBytesAsync(plan, Png, TestContext.Current.CancellationToken);
        await staff.GetByLabel("Plāna attēls (PNG, JPEG, GIF, WebP)").SetInputFilesAsync(plan);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Augšupielādēt" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status).Or(staff.GetByText("Plāns augšupielādēts."))).ToContainTextAsync("Plāns augšupielādēts.");
        await Assertions.Expect(staff.Locator("svg.cemetery-scheme image")).ToHaveCountAsync(1);

        await staff.GetByLabel("No (piem., 1A-1)").FillAsync("9A-1");
        await staff.GetByLabel("Līdz (piem., 3C-6)").FillAsync("9A-3");
        await staff.GetByLabel("Izvietot shēmā režģī").UncheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Izveidot" }).First.ClickAsync();
        await Assertions.Expect(staff.GetByText("Izveidotas 3 kapavietas")).ToBeVisibleAsync();
        var cemeteryUrl = staff.Url;

        // Each site placed on the plan by typing its corners (the keyboard way to draw).
        for (var i = 1; i <= 3; i++)
        {
            await staff.GotoAsync(cemeteryUrl);
            await staff.GetByRole(AriaRole.Link, new() { Name = $"9A-{i}", Exact = true }).ClickAsync();
            var x = 100 + i * 60;
            await staff.GetByLabel("Stūru koordinātas (x,y x,y …)").FillAsync($"{x},200 {x + 40},200 {x + 40},260 {x},260");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Saglabāt vietu" }).ClickAsync();
            await Assertions.Expect(staff.GetByText("Kapavietas vieta shēmā saglabāta.")).ToBeVisibleAsync();
        }
        await staff.GotoAsync(cemeteryUrl);
        await Assertions.Expect(staff.Locator("svg.cemetery-scheme polygon.site")).ToHaveCountAsync(3);

        await staff.GetByRole(AriaRole.Link, new() { Name = "9A-2", Exact = true }).ClickAsync();
        await staff.GetByLabel("Vārds", new() { Exact = true }).FillAsync("Žanis");
        await staff.GetByLabel("Uzvārds", new() { Exact = true }).FillAsync("Šķēls");
        await staff.GetByLabel("Miršanas datums").FillAsync(DateTime.UtcNow.AddDays(-64).ToString("yyyy-MM-dd"));
        await staff.GetByLabel("Apbedīšanas datums").FillAsync(DateTime.UtcNow.AddDays(-60).ToString("yyyy-MM-dd"));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Reģistrēt", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByText("Apbedījums reģistrēts: Žanis Šķēls")).ToBeVisibleAsync();

        var resident = await browser.NewPageAsync(host);
        await resident.GotoAsync("/smiltene/kapi");
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Kapu meklēšana", Level = 1 })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(resident);
        await resident.GetByLabel("Vārds, uzvārds").FillAsync("zanis skels");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Meklēt" }).ClickAsync();
        var row = resident.GetByRole(AriaRole.Row).Filter(new() { HasText = "Žanis Šķēls" });
        await Assertions.Expect(row).ToContainTextAsync("Bilskas kapi");
        await Assertions.Expect(row).ToContainTextAsync("9A-2");
        var lit = resident.Locator("svg.cemetery-scheme polygon.highlighted");
        await Assertions.Expect(lit).ToHaveCountAsync(1);
        await Assertions.Expect(lit).ToHaveAttributeAsync("data-number", "9A-2");
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Bilskas kapi: kapavieta 9A-2 shēmā" })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(resident);
    }
}
