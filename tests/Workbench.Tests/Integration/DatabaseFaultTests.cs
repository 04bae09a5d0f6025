using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Workbench.Abstractions.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Integration;

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
}
