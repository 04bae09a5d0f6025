using System.Net.Http.Json;
using Microsoft.Playwright;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;

namespace Workbench.Tests.Modules.DocumentRegister;

/// <summary>An incoming letter's way through the register in Chromium: registered, assigned, answered, closed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentRegisterBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_specialist_registers_a_letter_the_head_assigns_it_and_the_executor_closes_it_with_a_registered_reply()
    {
        await using var host = await HostProcess.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        using (var api = SingleSignOnTests.Browser(host))
        {
            (await api.PostAsJsonAsync("/riga/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct)).EnsureSuccessStatusCode();
            foreach (var (email, role) in new[] { ("ilze.specialiste@riga.lv", "Specialist"), ("peteris.vaditajs@riga.lv", "Editor"), ("karlis.izpilditajs@riga.lv", "Specialist") })
                (await api.PostAsJsonAsync("/riga/api/admin/users", new { email, displayName = email, password = "Staff-Password-2026", roles = new[] { role } }, ct)).EnsureSuccessStatusCode();
        }
        async Task<IPage> SignInAsync(string email)
        {
            var page = await browser.NewPageAsync(host);
            await Browsers.SignInAsync(page, "riga", host, email, "Staff-Password-2026");
            return page;
        }
        var year = DateTime.UtcNow.Year;

        // The front-office specialist registers the incoming letter.
        var specialist = await SignInAsync("ilze.specialiste@riga.lv");
        await specialist.GetByRole(AriaRole.Navigation, new() { Name = "Darbavietas izvēlne" }).GetByRole(AriaRole.Link, new() { Name = "Dokumenti" }).ClickAsync();
        await Browsers.ArriveAsync(specialist, "**/riga/admin/documents", host);
        await Browsers.AssertAccessibleAsync(specialist);
        await specialist.GetByLabel("Reģistrs").First.SelectOptionAsync(new SelectOptionValue { Label = "IEN — Ienākošie dokumenti" });
        await specialist.GetByLabel("Lieta", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "1-12 Iedzīvotāju iesniegumi un sarakste" });
        await specialist.GetByLabel("Virsraksts").FillAsync("Iesniegums par koku ciršanu Meža ielā");
        await specialist.GetByLabel("Korespondents").FillAsync("Marta Liepiņa");
        await specialist.GetByLabel("Dokumenta datums").FillAsync($"{year}-11-30");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Reģistrēt", Exact = true }).ClickAsync();
        await Browsers.ArriveAsync(specialist, "**/riga/admin/documents/*", host);
        await Assertions.Expect(specialist.GetByRole(AriaRole.Status)).ToContainTextAsync($"IEN-{year}/0001");
        var letterUrl = new Uri(specialist.Url).AbsolutePath;

        // The head gives it to an executor with a due date.
        var head = await SignInAsync("peteris.vaditajs@riga.lv");
        await head.GotoAsync(letterUrl);
        await head.GetByLabel("Izpildītājs (e-pasts)").FillAsync("karlis.izpilditajs@riga.lv");
        await head.GetByLabel("Rezolūcija").FillAsync("Sagatavot atbildi pēc apsekošanas");
        await head.GetByLabel("Izpildes termiņš").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"));
        await head.GetByRole(AriaRole.Button, new() { Name = "Nodot izpildei" }).ClickAsync();
        await Assertions.Expect(head.Locator("dd[data-status]")).ToHaveTextAsync("izpildē");
        await Browsers.AssertAccessibleAsync(head);

        // The executor finds it among their tasks and registers the reply, which completes the task and closes the letter.
        var executor = await SignInAsync("karlis.izpilditajs@riga.lv");
        await executor.GetByRole(AriaRole.Navigation, new() { Name = "Darbavietas izvēlne" }).GetByRole(AriaRole.Link, new() { Name = "Izpildes kontrole" }).ClickAsync();
        await executor.GetByRole(AriaRole.Region, new() { Name = "Mani uzdevumi (1)" }).GetByRole(AriaRole.Link, new() { Name = $"IEN-{year}/0001 Iesniegums par koku ciršanu Meža ielā" }).ClickAsync();
        await executor.GetByRole(AriaRole.Link, new() { Name = "Reģistrēt atbildi" }).ClickAsync();
        await Assertions.Expect(executor.GetByRole(AriaRole.Heading, new() { Name = $"Reģistrēt atbildi uz IEN-{year}/0001" })).ToBeVisibleAsync();
        await Assertions.Expect(executor.GetByLabel("Korespondents")).ToHaveValueAsync("Marta Liepiņa");
        await Browsers.AssertAccessibleAsync(executor);
        await executor.GetByRole(AriaRole.Button, new() { Name = "Reģistrēt", Exact = true }).ClickAsync();
        await Assertions.Expect(executor.GetByRole(AriaRole.Status)).ToContainTextAsync("1-12/1");
        await executor.GetByRole(AriaRole.Link, new() { Name = $"IEN-{year}/0001 Iesniegums par koku ciršanu Meža ielā" }).ClickAsync();
        await Assertions.Expect(executor.Locator("dd[data-status]")).ToHaveTextAsync("slēgts");
        await Assertions.Expect(executor.GetByRole(AriaRole.Cell, new() { Name = "Atbilde 1-12/1" })).ToBeVisibleAsync();
        await Browsers.AssertAccessibleAsync(executor);

        // The head sees it closed too.
        await head.ReloadAsync();
        await Assertions.Expect(head.Locator("dd[data-status]")).ToHaveTextAsync("slēgts");
    }
}
