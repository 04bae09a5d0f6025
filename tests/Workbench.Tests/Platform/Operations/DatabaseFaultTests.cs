using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Workbench.Abstractions.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Operations;

/// <summary>A tenant's PostgreSQL server crashes under use and comes back: clear 503s meanwhile, and the host recovers by itself.</summary>
public sealed class DatabaseFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Script => Path.Combine(Repository.Root, "tests", "postgres.sh");

    [Fact]
    public async Task A_crashed_postgres_gives_503_problem_details_and_the_host_recovers_without_a_restart()
    {
        // A server of this test's own: the suite's shared one must not go down under the other tests.
        var folder = Repository.NewTempFolder("wb-pgfault");
        var start = await ProcessRunner.RunAsync("bash", [Script, "start", folder]);
        Assert.True(start.ExitCode == 0, start.Error);
        var server = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = int.Parse(start.Output.Trim()), Username = "postgres", Database = "wb_fault" }.ConnectionString;
        try
        {
            await using var host = new WorkbenchFactory();
            await host.StartAsync();
            var tenant = await host.CreateTenantAsync("smiltene", DatabaseProvider.Postgres, server);
            var admin = await host.AdminClientAsync(tenant);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/{tenant}/api/notices", new { title = "Pirms avārijas" }, Ct)).StatusCode);

            var crash = await ProcessRunner.RunAsync("bash", [Script, "crash", folder]);
            Assert.True(crash.ExitCode == 0, crash.Error);
            foreach (var request in new Func<Task<HttpResponseMessage>>[]
            {
                () => admin.GetAsync($"/{tenant}/api/notices", Ct),
                () => admin.PostAsJsonAsync($"/{tenant}/api/notices", new { title = "Avārijas laikā" }, Ct),
                () => host.AnonymousClient().GetAsync($"/{tenant}/api/notices", Ct),
            })
            {
                var refused = await request();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
                Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
                Assert.DoesNotContain("   at ", problem.ToString());
                Assert.NotNull(refused.Headers.RetryAfter);
            }

            var resume = await ProcessRunner.RunAsync("bash", [Script, "resume", folder]);
            Assert.True(resume.ExitCode == 0, resume.Error);
            // Broken pooled connections are discarded as they are met: within a few requests the tenant works again.
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 20 && statuses.LastOrDefault() != HttpStatusCode.Created; i++)
                statuses.Add((await admin.PostAsJsonAsync($"/{tenant}/api/notices", new { title = "Pēc avārijas" }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, statuses.Last());
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"answered {s}"));
            var titles = (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/notices", Ct))!.Select(n => n.GetProperty("title").GetString()).ToList();
            Assert.Contains("Pirms avārijas", titles);
            Assert.DoesNotContain("Avārijas laikā", titles);
        }
        finally
        {
            await ProcessRunner.RunAsync("bash", [Script, "stop", folder]);
        }
    }

    [Fact]
    public async Task A_full_disk_gives_503_loses_nothing_written_before_and_writing_resumes_when_space_returns()
    {
        // The data folder on a small tmpfs of its own (the tests run as root, as tests/run.sh does).
        var mount = Repository.NewTempFolder("wb-full");
        var mounted = await ProcessRunner.RunAsync("mount", ["-t", "tmpfs", "-o", "size=48m", "tmpfs", mount]);
        Assert.True(mounted.ExitCode == 0, "mounting a tmpfs needs root: " + mounted.Error);
        try
        {
            await using (var host = new WorkbenchFactory { Settings = { ["Workbench:DataPath"] = mount } })
            {
                await host.StartAsync();
                var admin = await host.AdminClientAsync("smiltene");
                Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/smiltene/api/notices", new { title = "Pirms diska pilnības" }, Ct)).StatusCode);

                var filler = Path.Combine(mount, "filler");
                await using (var fill = File.Create(filler))
                {
                    var block = new byte[1024 * 1024];
                    try { while (true) { await fill.WriteAsync(block, Ct); await fill.FlushAsync(Ct); } }
                    catch (IOException) { /* the disk is full */ }
                }
                for (var i = 0; i < 3; i++)
                {
                    var refused = await admin.PostAsJsonAsync("/smiltene/api/notices", new { title = $"Pilnā diskā {i}", body = new string('x', 5_000) }, Ct);
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                    Assert.DoesNotContain("   at ", await refused.Content.ReadAsStringAsync(Ct));
                }
                // Reading still works, and nothing of the refused writes is there.
                var titles = (await admin.GetFromJsonAsync<List<JsonElement>>("/smiltene/api/notices", Ct))!.Select(n => n.GetProperty("title").GetString()).ToList();
                Assert.Contains("Pirms diska pilnības", titles);
                Assert.DoesNotContain(titles, t => t!.StartsWith("Pilnā diskā", StringComparison.Ordinal));

                File.Delete(filler);
                var statuses = new List<HttpStatusCode>();
                for (var i = 0; i < 10 && statuses.LastOrDefault() != HttpStatusCode.Created; i++)
                    statuses.Add((await admin.PostAsJsonAsync("/smiltene/api/notices", new { title = "Pēc atbrīvošanas" }, Ct)).StatusCode);
                Assert.Equal(HttpStatusCode.Created, statuses.Last());
                var audit = await admin.GetFromJsonAsync<JsonElement>("/smiltene/api/admin/audit/verify", Ct);
                Assert.True(audit.GetProperty("valid").GetBoolean(), audit.ToString());
            }
            await JsonApi.AssertIntactAsync(Path.Combine(mount, "tenants", "smiltene", "workbench.db"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await ProcessRunner.RunAsync("umount", ["-l", mount]);
        }
    }
}
