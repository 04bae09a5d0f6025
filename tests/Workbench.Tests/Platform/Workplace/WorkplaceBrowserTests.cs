using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Workplace;

/// <summary>Debian's Chromium through Playwright against the real host executable.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkplaceBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_signs_in_disables_a_module_in_smiltene_and_its_navigation_item_vanishes()
    {
        await using var host = await HostProcess.StartAsync();
        var page = await browser.NewPageAsync(host);

        await page.GotoAsync("/smiltene/admin");
        Assert.Contains("/smiltene/signin", page.Url);
        await Browsers.SignInAsync(page, "smiltene", host);

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Darbavietas izvēlne" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Paziņojumi" })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(page);

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Moduļi" }).ClickAsync();
        await Browsers.ArriveAsync(page, "**/smiltene/admin/features");
        await page.GetByRole(AriaRole.Button, new() { Name = "Izslēgt Paziņojumi" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Workbench.Notices");
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Paziņojumi" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ieslēgt Paziņojumi" })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(page);

        // The module's pages are gone in smiltene, and still there in riga.
        var gone = await page.GotoAsync("/smiltene/admin/notices");
        Assert.Equal(404, gone!.Status);
        var riga = await page.GotoAsync("/riga/notices");
        Assert.Equal(200, riga!.Status);
        await Browsers.AssertAccessibleAsync(page);
        // The person's own account pages (profile, password, second factor) pass the same checks.
        await page.GotoAsync("/smiltene/account");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mans konts" })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(page);
        await page.GotoAsync("/smiltene/account/two-factor");
        await Assertions.Expect(page.Locator("#shared-key")).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(page);
        await page.GotoAsync("/smiltene/admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Iziet" }).ClickAsync();
        await Browsers.ArriveAsync(page, "**/smiltene/signin");
        await Browsers.AssertAccessibleAsync(page);
        await page.GotoAsync("/smiltene/admin");
        await Browsers.ArriveAsync(page, "**/smiltene/signin?*");
    }
}
