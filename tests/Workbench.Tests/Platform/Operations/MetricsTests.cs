using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;

namespace Workbench.Tests.Platform.Operations;

/// <summary>The Prometheus scrape endpoint: request metrics by tenant and module, search, jobs, tokens and the outbox; closed to the public.</summary>
public sealed class MetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string ClientAddress = "X-Test-Client-Address";

    [Fact]
    public async Task Prometheus_reads_the_workbench_measurements_and_nobody_else_reads_them()
    {
        await using var host = new WorkbenchFactory { ExtraServices = s => s.AddTransient<IStartupFilter, ClientAddressFilter>() };
        await host.StartAsync();
        var anonymous = host.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/riga/api/search?q=pakalpojums", Ct)).StatusCode);
        var admin = await host.AdminClientAsync("competence-centre");
        Assert.True((await admin.PostAsync("/competence-centre/api/admin/jobs/outbox-dispatch/run", null, Ct)).IsSuccessStatusCode);
        using (var machine = await OidcScenario.MachineClientAsync(host, new() { ["riga"] = ["Viewer"] }))
            Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/riga/api/service-cards", Ct)).StatusCode);
        await host.DispatchOutboxAsync("riga");

        string metrics = "";
        for (var i = 0; i < 50 && !metrics.Contains("workbench_jobs_runs_total", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, Ct);
            metrics = await anonymous.GetStringAsync("/metrics", Ct);
        }
        Assert.Matches("http_server_request_duration_seconds_count\\{[^}]*workbench_module=\"Workbench.ServiceCards\"[^}]*workbench_tenant=\"riga\"", metrics);
        Assert.Matches("workbench_search_duration_seconds_count\\{[^}]*workbench_tenant=\"riga\"", metrics);
        Assert.Matches("workbench_jobs_runs_total\\{[^}]*workbench_job=\"outbox-dispatch\"[^}]*workbench_outcome=\"succeeded\"", metrics);
        Assert.Matches("workbench_openid_tokens_issued_total\\{[^}]*workbench_grant_type=\"client_credentials\"", metrics);
        Assert.Matches("workbench_outbox_backlog\\{[^}]*workbench_status=\"pending\"[^}]*workbench_tenant=\"riga\"", metrics);

        // From any other address the path is just a page that does not exist.
        using var outside = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        outside.Headers.Add(ClientAddress, "203.0.113.9");
        var refused = await anonymous.SendAsync(outside, Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("workbench_", await refused.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The test server has no client address: requests come from loopback unless a test names another.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(ClientAddress, out var given) ? IPAddress.Parse(given!) : IPAddress.Loopback;
                return then(context);
            });
            next(app);
        };
    }
}
