using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Jobs;

/// <summary>The host's background jobs on Quartz.NET: listed and run by hand; on PostgreSQL clustered, so two nodes run each firing once.</summary>
public sealed class JobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Centre = "competence-centre";

    private static async Task<JsonElement> JobAsync(HttpClient admin, string name) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/{Centre}/api/admin/jobs", Ct)).EnumerateArray().Single(j => j.GetProperty("name").GetString() == name);

    private static async Task<JsonElement> RunsReachAsync(HttpClient admin, string name, int runs)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await JobAsync(admin, name);
            if (job.GetProperty("runs").GetInt32() >= runs) return job;
            await Task.Delay(100, Ct);
        }
        return await JobAsync(admin, name);
    }

    [Fact]
    public async Task Administrators_see_the_jobs_and_run_one_by_hand_only_in_the_competence_centre()
    {
        await using var host = new WorkbenchFactory();
        await host.StartAsync();
        var admin = await host.AdminClientAsync(Centre);
        var jobs = await admin.GetFromJsonAsync<JsonElement>($"/{Centre}/api/admin/jobs", Ct);
        Assert.Equal(["outbox-dispatch", "reminders", "search-maintenance", "workflow-timers", "module-jobs"], jobs.EnumerateArray().Select(j => j.GetProperty("name").GetString()));
        Assert.All(jobs.EnumerateArray(), j => Assert.True(j.GetProperty("nextRunUtc").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-5)));

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/{Centre}/api/admin/jobs/search-maintenance/run", null, Ct)).StatusCode);
        var ran = await RunsReachAsync(admin, "search-maintenance", 1);
        Assert.Equal(1, ran.GetProperty("runs").GetInt32());
        Assert.Equal(JsonValueKind.Null, ran.GetProperty("lastError").ValueKind);
        Assert.True(ran.GetProperty("lastRunUtc").GetDateTime() > DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/{Centre}/api/admin/jobs/no-such-job/run", null, Ct)).StatusCode);
        // The page lists them too; a municipality's administrator has neither.
        Assert.Contains("search-maintenance", await admin.GetStringAsync($"/{Centre}/admin/jobs", Ct));
        var riga = await host.AdminClientAsync("riga");
        Assert.Equal(HttpStatusCode.NotFound, (await riga.GetAsync("/riga/api/admin/jobs", Ct)).StatusCode);
    }

    [Fact]
    public async Task Two_host_nodes_on_one_postgres_run_every_firing_once()
    {
        var registry = Postgres.Database("wb_jobs_" + Guid.NewGuid().ToString("N")[..10]);
        Dictionary<string, string> Cluster() => new()
        {
            ["Workbench:HostDatabaseProvider"] = "Postgres",
            ["Workbench:HostConnectionString"] = registry,
            ["Workbench:OutboxPollSeconds"] = "1",
        };
        await using var first = new WorkbenchFactory();
        foreach (var (key, value) in Cluster()) first.Settings[key] = value;
        await first.StartAsync();
        // The second node shares the registry and the data folder, as nodes behind one load balancer do.
        await using var second = new WorkbenchFactory();
        foreach (var (key, value) in Cluster()) second.Settings[key] = value;
        second.Settings["Workbench:DataPath"] = first.DataPath;
        await second.StartAsync();
        var adminFirst = await first.AdminClientAsync(Centre);
        var adminSecond = await second.AdminClientAsync(Centre);

        var dispatch = await RunsReachAsync(adminSecond, "outbox-dispatch", 5);
        var firings = dispatch.GetProperty("firings").EnumerateArray().Select(f => f.GetString()!.Split('@')[0]).ToList();
        Assert.True(firings.Count >= 5, $"only {firings.Count} firings");
        Assert.Equal(firings.Count, firings.Distinct().Count());
        Assert.Equal(firings.Count, dispatch.GetProperty("runs").GetInt32());

        // Run by hand on either node: each request runs once, on one node.
        foreach (var admin in new[] { adminFirst, adminSecond, adminFirst })
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/{Centre}/api/admin/jobs/search-maintenance/run", null, Ct)).StatusCode);
        Assert.Equal(3, (await RunsReachAsync(adminFirst, "search-maintenance", 3)).GetProperty("runs").GetInt32());
        // Two more firings of the per-second job later, nothing has run a second time.
        await RunsReachAsync(adminSecond, "outbox-dispatch", (await JobAsync(adminSecond, "outbox-dispatch")).GetProperty("runs").GetInt32() + 2);
        Assert.Equal(3, (await JobAsync(adminSecond, "search-maintenance")).GetProperty("runs").GetInt32());
    }
}
