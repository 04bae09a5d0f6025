using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;
using static Workbench.Tests.Modules.Benefits.BenefitsTenant;

namespace Workbench.Tests.Modules.Benefits;

/// <summary>Relief and group versions reach a flaky AVIS through the outbox; reconciliation reports where AVIS disagrees; a resend mends it.</summary>
public sealed class AvisTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_version_is_acknowledged_by_a_flaky_avis_and_reconciliation_finds_what_it_lost_changed_or_invented(DatabaseProvider provider)
    {
        await using var avis = await AvisStub.StartAsync();
        avis.FailEvery = 3;
        await using var host = new WorkbenchFactory
        {
            Settings = { ["Workbench:Integrations:Avis:Url"] = avis.Url, ["Workbench:OutboxPollSeconds"] = "3600", ["Workbench:OutboxRetryBaseSeconds"] = "0" },
        };
        await host.StartAsync();
        var tenant = await CreateAsync(host, provider);
        var admin = await host.AdminClientAsync(tenant);
        var relief = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/{Api}/reliefs", Ct)).EnumerateArray().Single(r => r.GetProperty("code").GetString() == "TR-SEN");
        (await admin.PostAsJsonAsync($"/{tenant}/{Api}/reliefs/{relief.GetProperty("id").GetGuid()}/versions", new
        {
            name = "Braukšanas atlaide senioriem", grantor = "Rīgas valstspilsētas pašvaldība", kind = "Discount", appliesTo = "PublicTransport", percent = 30,
            groups = new[] { "seniori" }, identifiedBy = new[] { "card", "eid" }, validFrom = "2027-01-01",
        }, Ct)).EnsureSuccessStatusCode();
        await host.DispatchOutboxAsync(tenant);

        // 15 reliefs, their one new version and 8 groups: each acknowledged with AVIS's id, some only after a retry.
        var messages = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/{Api}/avis/messages", Ct);
        Assert.Equal(24, messages.GetArrayLength());
        Assert.All(messages.EnumerateArray(), m => Assert.StartsWith("AVIS-", m.GetProperty("avisId").GetString()));
        Assert.Contains(messages.EnumerateArray(), m => m.GetProperty("idempotencyKey").GetString() == $"benefits:{tenant}:relief:TR-SEN:v2");
        Assert.Contains(avis.Requests, r => r.Status == 503);
        var failedKeys = avis.Requests.Where(r => r.Status == 503).Select(r => r.Key).ToHashSet();
        Assert.All(failedKeys, key => Assert.Contains(avis.Requests, r => r.Key == key && r.Status == 200));
        Assert.Equal(30m, avis.Reliefs[(tenant, "TR-SEN")]["percent"]!.GetValue<decimal>());

        // Nothing to report while AVIS agrees.
        var agreed = await (await admin.PostAsync($"/{tenant}/{Api}/avis/reconciliation", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((15, 0, 0, 0), (agreed.GetProperty("compared").GetInt32(), agreed.GetProperty("missing").GetArrayLength(), agreed.GetProperty("different").GetArrayLength(), agreed.GetProperty("unknown").GetArrayLength()));

        // AVIS loses one relief, holds another with a different percent, and invents a third.
        avis.Reliefs.TryRemove((tenant, "KU-SEN"), out _);
        avis.Reliefs[(tenant, "TR-STU")]["percent"] = 40;
        avis.Reliefs[(tenant, "XX-VECS")] = new JsonObject { ["type"] = "relief", ["municipality"] = tenant, ["code"] = "XX-VECS", ["version"] = 3 };
        // The nightly job (module-jobs) makes the same report the "run now" button does.
        await host.InTenantAsync(tenant, async sp =>
        {
            foreach (var job in sp.GetServices<IModuleJob>().Where(j => j.Name == "benefits-avis-reconciliation")) await job.RunAsync(DateOnly.FromDateTime(DateTime.UtcNow), Ct);
            return true;
        });
        var report = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/{Api}/avis/reconciliation", Ct);
        Assert.Equal("KU-SEN", report.GetProperty("missing").EnumerateArray().Single().GetProperty("code").GetString());
        var different = report.GetProperty("different").EnumerateArray().Single();
        Assert.Equal(("TR-STU", "percent"), (different.GetProperty("code").GetString(), different.GetProperty("differences").EnumerateArray().Single().GetString()));
        Assert.Equal(("XX-VECS", 3), (report.GetProperty("unknown")[0].GetProperty("code").GetString(), report.GetProperty("unknown")[0].GetProperty("avisVersion").GetInt32()));

        // One click each resends the latest version under a new key; then AVIS agrees again except for what it invented.
        foreach (var code in new[] { "KU-SEN", "TR-STU" })
        {
            var resent = await (await admin.PostAsync($"/{tenant}/{Api}/avis/reliefs/{code}/resend", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal($"benefits:{tenant}:relief:{code}:v1:resend-1", resent.GetProperty("idempotencyKey").GetString());
        }
        await host.DispatchOutboxAsync(tenant);
        var mended = await (await admin.PostAsync($"/{tenant}/{Api}/avis/reconciliation", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((0, 0, 1), (mended.GetProperty("missing").GetArrayLength(), mended.GetProperty("different").GetArrayLength(), mended.GetProperty("unknown").GetArrayLength()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/{tenant}/{Api}/avis/reliefs/NAV-TADA/resend", null, Ct)).StatusCode);
        var audited = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking().CountAsync(a => a.Action == "benefits.avis.reconciled", Ct));
        Assert.Equal(3, audited);
    }
}
