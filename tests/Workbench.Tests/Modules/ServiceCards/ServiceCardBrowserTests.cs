using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.ServiceCards;

[Collection(BrowserCollection.Name)]
public sealed class ServiceCardBrowserTests(BrowserFixture browser)
{
    private const string Script = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";

    [Fact]
    public async Task An_editor_publishes_a_card_and_a_resident_finds_it_with_another_case_and_no_script_runs()
    {
        await using var host = await HostProcess.StartAsync();

        // The editor (the seeded administrator also reviews) writes a card with markup in its text fields.
        var editor = await browser.NewPageAsync(host);
        await Browsers.SignInAsync(editor, "riga", host);
        await editor.GotoAsync("/riga/admin/service-cards");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Jauna kartīte" }).ClickAsync();
        await editor.GetByLabel("Identifikators").FillAsync("RIGA-VE-900");
        await editor.GetByLabel("Nosaukums", new() { Exact = true }).FillAsync("Velosipēdu novietnes atļauja " + Script);
        await editor.GetByLabel("Īss apraksts").FillAsync("Atļauja velosipēdu novietnes izvietošanai pie daudzdzīvokļu mājas. " + Script);
        await editor.GetByLabel("Pakalpojuma turētājs").FillAsync("Rīgas valstspilsētas pašvaldība");
        await editor.GetByLabel("EService").CheckAsync();
        await editor.GetByLabel("E-pakalpojuma saite").FillAsync("https://e-pakalpojumi.riga.lv/novietnes");
        await editor.GetByLabel("Tēmas (katra savā rindā)").FillAsync("Pilsētvide");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Saglabāt" }).ClickAsync();
        await Browsers.ArriveAsync(editor, "**/riga/admin/service-cards/edit/*", host);
        await AssertNoScriptRanAsync(editor);

        await editor.GotoAsync("/riga/admin/service-cards");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Nodot pārskatīšanai Velosipēdu" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("nodota pārskatīšanai");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Apstiprināt un publicēt Velosipēdu" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("publicēta");
        await AssertNoScriptRanAsync(editor);

        // A resident, not signed in, searches with another grammatical case and opens the card.
        var resident = await browser.NewPageAsync(host);
        await resident.GotoAsync("/riga/services");
        await Assertions.Expect(resident.GetByRole(AriaRole.Link, new() { Name = "Velosipēdu novietnes atļauja" })).ToBeVisibleAsync();
        await AssertNoScriptRanAsync(resident);
        await Browsers.AssertAccessibleAsync(resident);
        await resident.GetByRole(AriaRole.Search).First.GetByRole(AriaRole.Searchbox).FillAsync("velosipēdu novietnēm");
        await resident.Keyboard.PressAsync("Enter");
        await Browsers.ArriveAsync(resident, "**/riga/search?q=*");
        var hit = resident.GetByRole(AriaRole.Link, new() { Name = "Velosipēdu novietnes atļauja" });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        await AssertNoScriptRanAsync(resident);
        await hit.ClickAsync();
        await Browsers.ArriveAsync(resident, "**/riga/services/RIGA-VE-900");
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Velosipēdu novietnes atļauja <script>");
        await Assertions.Expect(resident.GetByRole(AriaRole.Link, new() { Name = "Pieteikties e-pakalpojumā" })).ToHaveAttributeAsync("href", "https://e-pakalpojumi.riga.lv/novietnes");
        await AssertNoScriptRanAsync(resident);
        await Browsers.AssertAccessibleAsync(resident);
    }

    /// <summary>The markup typed into the card is shown as text: neither the script nor the onerror handler ran.</summary>
    private static async Task AssertNoScriptRanAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"injected script ran on {page.Url}");
}
