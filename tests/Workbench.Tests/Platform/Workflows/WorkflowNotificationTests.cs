using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Workflows;

/// <summary>A workflow's notify step: an in-app notice, and an e-mail through the outbox and SMTP to a local SMTP sink.</summary>
public sealed class WorkflowNotificationTests
{
    [Fact]
    public async Task When_the_letter_is_answered_its_workflow_tells_the_registrar_in_the_workplace_and_by_e_mail()
    {
        var ct = TestContext.Current.CancellationToken;
        var (sink, port) = await SmtpSink.StartAsync();
        await using var _ = sink;
        await using var host = new WorkbenchFactory();
        SmtpSink.Use(host, port, "dokumenti@riga.lv");
        await host.StartAsync();
        var tenant = await host.CreateTenantAsync("riga");
        var registrar = await host.UserClientAsync(tenant, $"registratore@{tenant}.lv", "Specialist");
        var head = await host.UserClientAsync(tenant, $"vaditajs@{tenant}.lv", "Editor");
        var registers = await registrar.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers", ct);
        var incoming = registers.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "IEN").GetProperty("id").GetGuid();
        var caseFile = (await registrar.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers/file-plan", ct)).EnumerateArray().First().GetProperty("id").GetGuid();
        var letter = await JsonApi.CreatedAsync(registrar, $"/{tenant}/api/documents", new { registerId = incoming, caseFileId = caseFile, title = "Iesniegums par ielas apgaismojumu", correspondent = "Anna", documentDate = "2026-11-30" });
        var number = letter.GetProperty("registrationNumber").GetString();
        var task = await JsonApi.CreatedAsync(head, $"/{tenant}/api/documents/{letter.GetProperty("id").GetGuid()}/tasks",
            new { executor = $"vaditajs@{tenant}.lv", instruction = "Atbildēt", dueDate = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd") });
        (await head.PostAsJsonAsync($"/{tenant}/api/documents/tasks/{task.GetProperty("id").GetGuid()}/complete", new { result = "Atbildēts" }, ct)).EnsureSuccessStatusCode();

        var mail = Assert.Single(await SmtpSink.MailsAsync(sink, 1), m => m.GetProperty("subject").GetString()!.Contains(number!));
        Assert.Contains($"registratore@{tenant}.lv", mail.GetProperty("to").ToString());
        Assert.Equal($"Izpildīts: {number} Iesniegums par ielas apgaismojumu", mail.GetProperty("subject").GetString());
        var page = System.Net.WebUtility.HtmlDecode(await registrar.GetStringAsync($"/{tenant}/admin/notifications", ct));
        Assert.Contains($"Izpildīts: {number}", page);
    }
}
