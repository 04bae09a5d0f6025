using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Data;
using Workbench.Platform.Notifications;
using Workbench.Platform.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Jobs;

public sealed class ReminderTests(HostFixture host)
{
    [Fact]
    public async Task Owners_of_stale_articles_and_cards_are_reminded_once_per_review_date()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        // A card whose review date has passed, last saved by the administrator.
        var card = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/service-cards/5c0c0001-0000-4000-8000-000000000005", ct);
        var overdue = JsonSerializer.Deserialize<Dictionary<string, object?>>(card.GetRawText())!;
        overdue["nextReviewDate"] = "2026-02-01";
        (await admin.PutAsJsonAsync($"/{tenant}/api/service-cards/5c0c0001-0000-4000-8000-000000000005", overdue, ct)).EnsureSuccessStatusCode();

        var job = host.Services.GetRequiredService<ReminderDispatcher>();
        var info = host.Services.GetRequiredService<TenantRegistry>().Find(tenant)!.Info!;
        // The riga demo data also has civil protection resources whose checks are due; they go to the resources' contacts.
        var due = await job.RunAsync(info, ct);
        Assert.Equal(due, await job.RunAsync(info, ct));
        var all = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Notifications.OrderBy(n => n.Key).ToListAsync(ct));
        Assert.Equal(due, all.Count);
        var notifications = all.Where(n => !n.Key.StartsWith("civil-protection-check:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, notifications.Count);
        Assert.All(notifications, n => Assert.Equal(WorkbenchFactory.AdminEmail, n.Recipient));
        Assert.StartsWith("card-review:", notifications[0].Key);
        Assert.StartsWith("kb-review:", notifications[1].Key);

        var workplace = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin", ct));
        Assert.Contains("Paziņojumi man <span class=\"status on\">2</span>", workplace);
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/notifications", ct));
        Assert.Contains("Pārskatiet rakstu \"BUJ: kāpēc pabalsta pieprasījums atteikts\"", list);
        Assert.Contains("Pārskatiet pakalpojuma kartīti \"Būvatļaujas saņemšana\"", list);
    }
}
