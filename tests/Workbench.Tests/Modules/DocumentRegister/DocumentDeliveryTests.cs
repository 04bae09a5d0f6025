using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.DocumentRegister;

/// <summary>
/// Sending outgoing documents to an e-address (DEPP) and to another institution (DIV) through the outbox, against a
/// stub on 127.0.0.1 that fails every other request; and receiving items, registered once each.
/// </summary>
public sealed class DocumentDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string InboundToken = "depp-inbound-test-token";

    [Fact]
    public async Task Outgoing_letters_reach_a_flaky_depp_and_div_once_each_and_received_items_are_registered_once()
    {
        await using var stub = await StubServer.StartAsync();
        stub.FailEvery = 2;
        await using var host = new WorkbenchFactory
        {
            Settings =
            {
                ["Workbench:Integrations:Depp:Url"] = stub.Url,
                ["Workbench:Integrations:Div:Url"] = stub.Url,
                ["Workbench:Integrations:Depp:InboundToken"] = InboundToken,
                ["Workbench:OutboxPollSeconds"] = "3600",
                ["Workbench:OutboxRetryBaseSeconds"] = "0",
            },
        };
        await host.StartAsync();
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var registers = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers", Ct);
        Guid Register(string code) => registers.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var plan = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers/file-plan", Ct);
        var caseFile = plan.EnumerateArray().Single(c => c.GetProperty("index").GetString() == "1-12").GetProperty("id").GetGuid();

        var letter = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/documents", new { registerId = Register("IZS"), caseFileId = caseFile, title = "Atbilde par dzīvokli", correspondent = "Jānis Bērziņš" });
        var id = letter.GetProperty("id").GetGuid();
        var send = new { channel = "Depp", recipient = "010190-12345" };
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/{tenant}/api/documents/{id}/send", send, Ct)).StatusCode);
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Atbildes teksts"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "file", "atbilde.txt");
            (await admin.PostAsync($"/{tenant}/api/documents/{id}/attachments", form, Ct)).EnsureSuccessStatusCode();
        }
        var badAddress = await admin.PostAsJsonAsync($"/{tenant}/api/documents/{id}/send", new { channel = "Depp", recipient = "jb@example.lv" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Contains("personas kods", await badAddress.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"/{tenant}/api/documents/{id}/send", send, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"/{tenant}/api/documents/{id}/send", new { channel = "Div", recipient = "90000068977" }, Ct)).StatusCode);
        await host.DispatchOutboxAsync(tenant);

        var requests = stub.Requests.ToList();
        Assert.Contains(requests, r => r.Status == 503);
        Assert.Equal([$"{id}:010190-12345", $"{id}:90000068977"], requests.Where(r => r.Status == 202).Select(r => r.Key!).Order());
        var message = JsonDocument.Parse(requests.First(r => r.Key == $"{id}:010190-12345").Body).RootElement;
        Assert.Equal(letter.GetProperty("registrationNumber").GetString(), message.GetProperty("registrationNumber").GetString());
        Assert.Equal("Atbildes teksts", Encoding.UTF8.GetString(Convert.FromBase64String(message.GetProperty("files")[0].GetProperty("contentBase64").GetString()!)));
        Assert.True(await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Outbox.AllAsync(m => m.Status == OutboxStatus.Delivered)));

        // An item arrives from the e-address: registered in the incoming register once, however often it is delivered.
        using var depp = host.AnonymousClient();
        var item = new { messageId = "DEPP-2026-000815", sender = "Valsts ieņēmumu dienests", title = "Paziņojums par nodokļu parādu", documentDate = "2026-11-29",
            files = new[] { new { name = "pazinojums.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("Paziņojums")) } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await depp.PostAsJsonAsync($"/{tenant}/api/documents/inbox/depp", item, Ct)).StatusCode);
        depp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", InboundToken);
        var first = await depp.PostAsJsonAsync($"/{tenant}/api/documents/inbox/depp", item, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await depp.PostAsJsonAsync($"/{tenant}/api/documents/inbox/depp", item, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var registered = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(registered.GetProperty("id").GetGuid(), (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
        Assert.StartsWith($"IEN-{DateTime.UtcNow.Year}/", registered.GetProperty("registrationNumber").GetString());
        var document = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{registered.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(("Valsts ieņēmumu dienests", "Incoming"), (document.GetProperty("correspondent").GetString(), document.GetProperty("direction").GetString()));
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{registered.GetProperty("id").GetGuid()}/attachments", Ct)).GetArrayLength());
        // DIV has no inbound token configured here: nothing is accepted from it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await depp.PostAsJsonAsync($"/{tenant}/api/documents/inbox/div", item, Ct)).StatusCode);
    }
}
