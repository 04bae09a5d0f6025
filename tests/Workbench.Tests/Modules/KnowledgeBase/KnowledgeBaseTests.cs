using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Files;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Search;

namespace Workbench.Tests.Modules.KnowledgeBase;

public sealed class KnowledgeBaseTests(HostFixture host)
{
    private const string BirthCard = "5c0c0001-0000-4000-8000-000000000007";

    [Fact]
    public async Task Riga_ships_articles_that_are_trimmed_by_visibility_and_flagged_when_stale()
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = await (await host.AdminClientAsync("riga")).GetFromJsonAsync<List<JsonElement>>("/riga/api/kb", ct);
        var residents = await host.AnonymousClient().GetFromJsonAsync<List<JsonElement>>("/riga/api/kb", ct);
        Assert.Equal(3, staff!.Count);
        Assert.Equal("Bērna piedzimšana: ko darīt vecākiem", Assert.Single(residents!).GetProperty("title").GetString());
        var stale = await (await host.AdminClientAsync("riga")).GetFromJsonAsync<List<JsonElement>>("/riga/api/kb/stale", ct);
        Assert.Contains(stale!, a => a.GetProperty("title").GetString()!.StartsWith("BUJ", StringComparison.Ordinal));
        // Residents find the public article with another case; the internal ones stay hidden.
        Assert.Equal(1, (await SearchScenarios.SearchAsync(host.AnonymousClient(), "riga", "bērna piedzimšanu", "&module=Workbench.KnowledgeBase")).Total);
        Assert.Equal(0, (await SearchScenarios.SearchAsync(host.AnonymousClient(), "riga", "deklarēt dzīvesvietu", "&module=Workbench.KnowledgeBase")).Total);
        Assert.Equal(1, (await SearchScenarios.SearchAsync(await host.AdminClientAsync("riga"), "riga", "deklarēt dzīvesvietu", "&module=Workbench.KnowledgeBase")).Total);
    }

    [Fact]
    public async Task Articles_are_versioned_with_a_diff_and_their_markdown_cannot_carry_script()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var unknownCard = await admin.PostAsJsonAsync($"/{tenant}/api/kb", new { title = "Nepareiza saite", serviceCardIds = new[] { Guid.NewGuid() } }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCard.StatusCode);
        Assert.Contains("serviceCardIds", await unknownCard.Content.ReadAsStringAsync(ct));

        var body = "Pirmā rinda\n<script>alert(1)</script>\n[spied](javascript:alert(2)) un [droši](https://riga.lv)";
        var created = await admin.PostAsJsonAsync($"/{tenant}/api/kb", new { title = "Instrukcija", type = "Instruction", body, serviceCardIds = new[] { BirthCard } }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        (await admin.PutAsJsonAsync($"/{tenant}/api/kb/{id}", new { title = "Instrukcija", type = "Instruction", body = body.Replace("Pirmā rinda", "Jaunā pirmā rinda"), serviceCardIds = new[] { BirthCard } }, ct)).EnsureSuccessStatusCode();
        var versions = await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/kb/{id}/versions", ct);
        Assert.Equal([2, 1], versions!.Select(v => v.GetProperty("version").GetInt32()));

        var page = await admin.GetStringAsync($"/{tenant}/admin/kb/{id}?compare=1", ct);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.DoesNotContain("href=\"javascript:", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Contains("href=\"https://riga.lv\"", page);
        var decoded = WebUtility.HtmlDecode(page);
        Assert.Contains("- Pirmā rinda", decoded);
        Assert.Contains("+ Jaunā pirmā rinda", decoded);
    }

    [Fact]
    public async Task Attachments_are_stored_once_indexed_and_checked_for_type_and_size()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var small = new WorkbenchFactory { Settings = { ["Workbench:KnowledgeBase:MaxUploadBytes"] = "4000" } };
        await small.StartAsync();
        var tenant = await small.CreateTenantAsync("riga");
        var admin = await small.AdminClientAsync(tenant);
        var ids = new List<string>();
        foreach (var title in new[] { "Pirmais", "Otrais" })
            ids.Add((await (await admin.PostAsJsonAsync($"/{tenant}/api/kb", new { title }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!);

        static MultipartFormDataContent File(string name, byte[] content)
        {
            var form = new MultipartFormDataContent();
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(part, "file", name);
            return form;
        }
        var text = Encoding.UTF8.GetBytes("Klientu apkalpošanas standarts: atbildēt piecu darba dienu laikā.");
        foreach (var id in ids)
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{tenant}/api/kb/{id}/attachments", File("standarts.txt", text), ct)).StatusCode);
        // Stored once in the tenant's file store although two articles carry it.
        var address = FileAddress.Of(text);
        Assert.Equal(1, await small.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Files.CountAsync(f => f.Sha256 == address)));
        var stored = await small.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Files.CountAsync());
        Assert.Equal(2, (await SearchScenarios.SearchAsync(admin, tenant, "apkalpošanas standartu")).Total);

        var exe = await admin.PostAsync($"/{tenant}/api/kb/{ids[0]}/attachments", File("programma.exe", [1, 2, 3]), ct);
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("Neatbalstīts", await exe.Content.ReadAsStringAsync(ct));
        var large = await admin.PostAsync($"/{tenant}/api/kb/{ids[0]}/attachments", File("liels.txt", new byte[5000]), ct);
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Equal(stored, await small.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Files.CountAsync()));
    }

    [Fact]
    public async Task The_export_for_the_client_service_system_needs_its_permission_and_a_valid_since()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await host.AdminClientAsync("riga");
        var export = await admin.GetFromJsonAsync<List<JsonElement>>("/riga/api/kb/export?since=2020-01-01T00:00:00Z", ct);
        Assert.Equal(3, export!.Count);
        Assert.Contains(export, e => e.GetProperty("bodyHtml").GetString()!.Contains("<h2"));
        Assert.Empty((await admin.GetFromJsonAsync<List<JsonElement>>($"/riga/api/kb/export?since={DateTime.UtcNow.AddDays(1):O}", ct))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/riga/api/kb/export?since=vakar", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AnonymousClient().GetAsync("/riga/api/kb/export", ct)).StatusCode);
    }
}
