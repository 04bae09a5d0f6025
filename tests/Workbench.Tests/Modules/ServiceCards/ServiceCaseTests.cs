using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Data;
using Workbench.Platform.Outbox;
using Workbench.Platform.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.ServiceCards;

/// <summary>Service cases report every status to PSPP/VIRSIS through the outbox; the register is a flaky stub on 127.0.0.1.</summary>
public sealed class ServiceCaseTests
{
    private const string DeclarationCard = "5c0c0001-0000-4000-8000-000000000001";

    private static WorkbenchFactory Host(StubServer stub) => new()
    {
        Settings =
        {
            ["Workbench:Integrations:Pspp:Url"] = stub.Url,
            // The test drives the dispatcher itself; retries may follow at once.
            ["Workbench:OutboxPollSeconds"] = "3600",
            ["Workbench:OutboxRetryBaseSeconds"] = "0",
        },
    };

    [Fact]
    public async Task Every_status_reaches_a_flaky_register_with_nothing_lost_and_no_repeat_without_its_key()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await StubServer.StartAsync();
        stub.FailEvery = 2;
        await using var host = Host(stub);
        await host.StartAsync();
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);

        var expected = new HashSet<string>();
        var moves = new[] { new[] { "InProgress", "Completed" }, ["Refused"], ["InProgress"], ["InProgress", "Refused"], [] };
        foreach (var (path, i) in moves.Select((p, i) => (p, i)))
        {
            var created = await admin.PostAsJsonAsync($"/{tenant}/api/service-cases",
                new { cardId = DeclarationCard, channel = i % 2 == 0 ? "EService" : "Vpvkac", clientReference = $"PIEL-{i}", plannedCompletion = "2026-12-01" }, ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
            expected.Add($"{id}:1");
            foreach (var (status, n) in path.Select((s, n) => (s, n)))
            {
                (await admin.PostAsJsonAsync($"/{tenant}/api/service-cases/{id}/status", new { status }, ct)).EnsureSuccessStatusCode();
                expected.Add($"{id}:{n + 2}");
            }
        }
        await host.DispatchOutboxAsync(tenant);

        var requests = stub.Requests.ToList();
        Assert.Contains(requests, r => r.Status == 503);
        // Nothing lost: every status was accepted once.
        Assert.Equal(expected.Order(), requests.Where(r => r.Status == 202).Select(r => r.Key!).Order());
        // Nothing sent twice without the same key: every repeat is byte-for-byte the same message under the same key.
        Assert.All(requests.GroupBy(r => r.Key), g => Assert.Single(g.Select(r => r.Body).Distinct()));
        Assert.Equal(expected.Count, requests.Select(r => r.Key).Distinct().Count());
        var sample = JsonDocument.Parse(requests[0].Body).RootElement;
        Assert.Equal("RIGA-DZ-001", sample.GetProperty("serviceIdentifier").GetString());
        Assert.Equal(tenant, sample.GetProperty("municipality").GetString());
        Assert.True(await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Outbox.AllAsync(m => m.Status == OutboxStatus.Delivered)));

        // The front office's screen lists the open cases (PIEL-2 in progress, PIEL-4 submitted; PIEL-0 is completed) and charts the month.
        var screen = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/service-cases", ct));
        Assert.Contains("PIEL-2", screen);
        Assert.DoesNotContain("PIEL-0", screen.Split("<h2>")[2]);
        Assert.Contains("<svg role=\"img\"", screen);
    }

    [Fact]
    public async Task Failed_deliveries_are_shown_to_administrators_and_can_be_sent_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await StubServer.StartAsync();
        stub.Down = true;
        await using var host = Host(stub);
        await host.StartAsync();
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        (await admin.PostAsJsonAsync($"/{tenant}/api/service-cases", new { cardId = DeclarationCard, channel = "InPerson", clientReference = "PIEL-9", plannedCompletion = "2026-12-01" }, ct)).EnsureSuccessStatusCode();

        await host.DispatchOutboxAsync(tenant);
        var failed = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(OutboxDispatcher.MaxAttempts, failed.Attempts);
        Assert.Contains("503", failed.LastError);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/outbox", ct));
        Assert.Contains(failed.IdempotencyKey, page);

        stub.Down = false;
        await host.InTenantAsync(tenant, sp => OutboxDispatcher.RetryAsync(sp.GetRequiredService<PlatformDbContext>(), failed.Id, CancellationToken.None));
        await host.DispatchOutboxAsync(tenant);
        Assert.Equal(OutboxStatus.Delivered, (await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Outbox.SingleAsync())).Status);
    }

    [Fact]
    public async Task Illegal_moves_and_unknown_cards_are_refused_and_kpis_count_cases()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = await StubServer.StartAsync();
        await using var host = Host(stub);
        await host.StartAsync();
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var unknown = await admin.PostAsJsonAsync($"/{tenant}/api/service-cases", new { cardId = Guid.NewGuid(), channel = "Email", clientReference = "X", plannedCompletion = "2026-12-01" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("cardId", await unknown.Content.ReadAsStringAsync(ct));

        var created = await admin.PostAsJsonAsync($"/{tenant}/api/service-cases", new { cardId = DeclarationCard, channel = "Email", clientReference = "PIEL-1", plannedCompletion = "2020-01-01" }, ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/{tenant}/api/service-cases/{id}/status", new { status = "Completed" }, ct)).StatusCode);
        (await admin.PostAsJsonAsync($"/{tenant}/api/service-cases/{id}/status", new { status = "Refused" }, ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/{tenant}/api/service-cases/{id}/status", new { status = "InProgress" }, ct)).StatusCode);

        var kpi = (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/service-cases/kpi", ct))!.Single();
        Assert.Equal("Dzīvesvietas deklarēšana", kpi.GetProperty("service").GetString());
        Assert.Equal(1, kpi.GetProperty("cases").GetInt32());
        Assert.Equal(1, kpi.GetProperty("refused").GetInt32());
        Assert.Equal(1, kpi.GetProperty("overdue").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AnonymousClient().GetAsync($"/{tenant}/api/service-cases/kpi", ct)).StatusCode);
    }
}
