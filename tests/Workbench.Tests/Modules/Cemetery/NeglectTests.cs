using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Notifications;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.Cemetery;

/// <summary>The neglect procedure step by step, its registration in the document register, and reminders of use rights ending.</summary>
public sealed class NeglectTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(Guid Cemetery, Guid Site)> SiteWithHolderAsync(HttpClient admin, string tenant, object? rules = null)
    {
        var input = new Dictionary<string, object?> { ["name"] = "Nekopto kapi " + Guid.NewGuid().ToString("N")[..6], ["neglectWaitDays"] = 60 };
        foreach (var p in JsonSerializer.SerializeToElement(rules ?? new { }).EnumerateObject()) input[p.Name] = p.Value;
        var cemetery = (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries", input)).GetProperty("id").GetGuid();
        var site = (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries/{cemetery}/sites", new { number = "5B-3", type = "Family" })).GetProperty("id").GetGuid();
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemetery/use-rights", new { siteId = site, holderName = "Voldemārs Kļaviņš", start = "2000-01-01", end = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd") });
        return (cemetery, site);
    }

    [Fact]
    public async Task Inspection_warning_act_after_the_wait_and_withdrawal_go_in_order_and_the_site_and_use_right_follow()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        var (_, site) = await SiteWithHolderAsync(admin, tenant);
        var path = $"/{tenant}/api/cemetery/sites/{site}/neglect";
        var early = await admin.PostAsJsonAsync(path, new { kind = "Warning" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("pēc apsekošanas", await early.Content.ReadAsStringAsync(Ct));
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        await JsonApi.CreatedAsync(admin, path, new { kind = "Inspection", date = day.AddDays(-70).ToString("yyyy-MM-dd"), note = "Kapavieta aizaugusi, piemineklis sagāzies." });
        await JsonApi.CreatedAsync(admin, path, new { kind = "Warning", date = day.AddDays(-65).ToString("yyyy-MM-dd") });
        var tooSoon = await admin.PostAsJsonAsync(path, new { kind = "Act", date = day.AddDays(-10).ToString("yyyy-MM-dd") }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);
        Assert.Contains("60 dienas pēc brīdinājuma", await tooSoon.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(path, new { kind = "Act", date = day.AddDays(5).ToString("yyyy-MM-dd") }, Ct)).StatusCode);
        var act = await JsonApi.CreatedAsync(admin, path, new { kind = "Act", date = day.AddDays(-5).ToString("yyyy-MM-dd") });
        Assert.Equal(WorkbenchFactory.AdminEmail, act.GetProperty("by").GetString());
        var details = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/sites/{site}", Ct);
        Assert.Equal("Neglected", details.GetProperty("site").GetProperty("state").GetString());
        await JsonApi.CreatedAsync(admin, path, new { kind = "Withdrawal" });
        details = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/sites/{site}", Ct);
        Assert.Equal("Withdrawn", details.GetProperty("useRights")[0].GetProperty("state").GetString());
        var steps = await admin.GetFromJsonAsync<JsonElement>(path, Ct);
        Assert.Equal(["Inspection", "Warning", "Act", "Withdrawal"], steps.EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var audit = await admin.GetStringAsync($"/{tenant}/api/admin/audit", Ct);
        foreach (var action in new[] { "cemetery.neglect.inspection", "cemetery.neglect.warning", "cemetery.neglect.act", "cemetery.neglect.withdrawal" }) Assert.Contains(action, audit);
        // A burial into the neglected site is refused until its use right is settled.
        var refused = await admin.PostAsJsonAsync($"/{tenant}/api/burials", new { siteId = site, familyName = "Kļaviņa", burialDate = "2024-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task Where_the_document_register_is_enabled_the_warning_letter_is_registered_as_a_document()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var recipe = """{"name": "cemetery-on", "steps": [{"name": "feature", "enable": ["Workbench.Cemetery"]}]}""";
        (await admin.PostAsync($"/{tenant}/api/admin/recipes/run", new StringContent(recipe, Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
        var (_, site) = await SiteWithHolderAsync(admin, tenant);
        var path = $"/{tenant}/api/cemetery/sites/{site}/neglect";
        await JsonApi.CreatedAsync(admin, path, new { kind = "Inspection" });
        var warning = await JsonApi.CreatedAsync(admin, path, new { kind = "Warning", note = "Lūdzam sakopt kapavietu 30 dienu laikā." });
        var number = warning.GetProperty("registrationNumber").GetString();
        Assert.False(string.IsNullOrEmpty(number));
        var document = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{warning.GetProperty("documentId").GetGuid()}", Ct);
        Assert.Contains("Brīdinājums par nekoptu kapavietu 5B-3", document.ToString());
    }

    [Fact]
    public async Task The_cemeterys_administrator_is_reminded_once_of_each_use_right_ending_within_30_days()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        var (cemetery, site) = await SiteWithHolderAsync(admin, tenant, new { reminderEmail = "parzinis@smiltene.lv" });
        var reminders = await host.InTenantAsync(tenant, async sp =>
        {
            var source = sp.GetServices<IReminderSource>().Single(s => s.Feature == "Workbench.Cemetery");
            return await source.DueAsync(DateOnly.FromDateTime(DateTime.UtcNow), Ct);
        });
        var reminder = Assert.Single(reminders);
        Assert.Equal(("parzinis@smiltene.lv", $"admin/cemetery/sites/{site}"), (reminder.Recipient, reminder.Url));
        Assert.Contains("Voldemārs Kļaviņš", reminder.Text);
        Assert.NotEqual(Guid.Empty, cemetery);
    }
}
