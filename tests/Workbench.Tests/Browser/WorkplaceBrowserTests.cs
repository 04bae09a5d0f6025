using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Browser;

/// <summary>Debian's Chromium through Playwright against the real host executable.</summary>
public sealed class WorkplaceBrowserTests
{
    [Fact]
    public async Task Administrator_signs_in_disables_a_module_in_smiltene_and_its_navigation_item_vanishes()
    {
        await using var host = await HostProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseAddress.ToString() });

        await page.GotoAsync("/smiltene/admin");
        Assert.Contains("/smiltene/signin", page.Url);
        await page.GetByLabel("E-pasts").FillAsync(WorkbenchFactory.AdminEmail);
        await page.GetByLabel("Parole").FillAsync(WorkbenchFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        await page.WaitForURLAsync("**/smiltene/admin");

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Darbavietas izvēlne" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Paziņojumi" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Moduļi" }).ClickAsync();
        await page.WaitForURLAsync("**/smiltene/admin/features");
        await page.GetByRole(AriaRole.Button, new() { Name = "Izslēgt Paziņojumi" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Workbench.Notices");
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Paziņojumi" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ieslēgt Paziņojumi" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // The module's pages are gone in smiltene, and still there in riga.
        var gone = await page.GotoAsync("/smiltene/admin/notices");
        Assert.Equal(404, gone!.Status);
        var riga = await page.GotoAsync("/riga/notices");
        Assert.Equal(200, riga!.Status);
        await AssertAccessibleAsync(page);
        await page.GotoAsync("/smiltene/signin");
        await AssertAccessibleAsync(page);
    }

    /// <summary>axe-core (WCAG 2.1 A and AA rules) finds no violation on the page.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = Path.Combine(Repository.Root, "tests", "Workbench.Tests", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), "axe-core is missing: tests/run.sh installs it with npm ci.");
        await page.AddScriptTagAsync(new() { Path = axe });
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations" +
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        Assert.True(violations.Length == 0, $"{page.Url}: " + string.Join("\n", violations));
    }
}
