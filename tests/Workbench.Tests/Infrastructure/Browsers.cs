using Microsoft.Playwright;

namespace Workbench.Tests.Infrastructure;

/// <summary>
/// One Debian Chromium through Playwright (no browser download) for all the browser tests, which share it as their
/// collection's fixture and run one after another; each page gets its own browser context, so no cookie or storage
/// passes from one test to the next.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a fresh context on <paramref name="host"/>.</summary>
    public Task<IPage> NewPageAsync(HostProcess host) => Browsers.NewPageAsync(_browser!, host);

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>What the browser tests do on a page: sign in, wait for a page, and the axe-core accessibility check.</summary>
public static class Browsers
{
    /// <summary>A page on the host; timeouts allow for a shared, loaded two-core CI machine.</summary>
    internal static async Task<IPage> NewPageAsync(IBrowser browser, HostProcess host)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString() });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var refused = Refusals.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) lock (refused) refused.Add(message.Text);
        };
        return page;
    }

    /// <summary>What the browser refused on each page under the content security policy (an inline style, a foreign script).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Refusals = new();

    /// <summary>Signs in (by default as the seeded administrator) and waits for the workplace, or says what the page showed instead.</summary>
    public static async Task SignInAsync(IPage page, string tenant, HostProcess? host = null, string email = WorkbenchFactory.AdminEmail, string password = WorkbenchFactory.AdminPassword)
    {
        if (!page.Url.Contains($"/{tenant}/signin")) await page.GotoAsync($"/{tenant}/signin");
        await page.GetByLabel("E-pasts").FillAsync(email);
        await page.GetByLabel("Parole").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        await ArriveAsync(page, $"**/{tenant}/admin", host);
    }

    /// <summary>
    /// Waits for the page to reach <paramref name="url"/> and finish loading; otherwise fails with where it is, what it
    /// shows and the host's recent problems. Loading is read from the document itself: under a loaded CI machine
    /// Playwright's load-event wait has missed pages whose document was already complete.
    /// </summary>
    public static async Task ArriveAsync(IPage page, string url, HostProcess? host = null)
    {
        try
        {
            await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
            // Polled on a timer: animation frames, the default, can stall in a page that is not in front.
            await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>("() => document.readyState + ' ' + performance.getEntriesByType('resource').map(r => r.name + ':' + Math.round(r.duration)).join(' ')");
            Assert.Fail($"expected {url}, stayed at {page.Url} ({state}): {await page.InnerTextAsync("main")}\n{host?.RecentProblems}");
        }
    }

    /// <summary>axe-core (WCAG 2.1 A and AA rules) finds no violation on the page, and the page broke no rule of its content security policy.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = Path.Combine(Repository.Root, "tests", "Workbench.Tests", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), "axe-core is missing: tests/run.sh installs it with npm ci.");
        // Evaluated rather than added as a script tag: the pages' CSP (rightly) refuses inline scripts.
        await page.EvaluateAsync(await File.ReadAllTextAsync(axe));
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations" +
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        Assert.True(violations.Length == 0, $"{page.Url}: " + string.Join("\n", violations));
        if (Refusals.TryGetValue(page, out var refused))
            lock (refused) Assert.True(refused.Count == 0, $"{page.Url}: " + string.Join("\n", refused));
    }
}
