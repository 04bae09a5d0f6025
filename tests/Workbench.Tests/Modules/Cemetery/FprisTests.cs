using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.Cemetery;

/// <summary>Burials reported to FPRIS through the outbox, against a stub on 127.0.0.1 that fails every other request.</summary>
public sealed class FprisTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_new_burial_reaches_a_flaky_fpris_once_with_the_same_key_and_body_on_every_retry_and_history_is_not_reported()
    {
        await using var stub = await StubServer.StartAsync();
        stub.FailEvery = 2;
        await using var host = new WorkbenchFactory
        {
            Settings =
            {
                ["Workbench:Integrations:Fpris:Url"] = stub.Url,
                ["Workbench:OutboxPollSeconds"] = "3600",
                ["Workbench:OutboxRetryBaseSeconds"] = "0",
            },
        };
        await host.StartAsync();
        var tenant = await host.CreateTenantAsync("smiltene");
        await host.DispatchOutboxAsync(tenant);
        // The recipe's register is history being digitised: nothing of it goes to FPRIS.
        Assert.Empty(stub.Requests);

        var admin = await host.AdminClientAsync(tenant);
        var cemetery = (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries", new { name = "Launkalnes kapi" })).GetProperty("id").GetGuid();
        var sites = (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries/{cemetery}/sites/range", new { from = "1A-1", to = "1A-5" }))
            .GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        var today = DateTime.UtcNow.Date;
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ids.Add((await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", new
            {
                siteId = sites[i], givenName = "Marija", familyName = $"Ozola{i}", personalCode = $"01015{i}-1234{i}", deathDate = today.AddDays(-4).ToString("yyyy-MM-dd"),
                burialDate = today.AddDays(-1).ToString("yyyy-MM-dd"),
            })).GetProperty("id").GetGuid());
        // A burial from the old books (decades ago) is not news.
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", new { siteId = sites[4], familyName = "Vecais", burialDate = "1975-05-05" });

        await host.DispatchOutboxAsync(tenant);
        var delivered = stub.Requests.Where(r => r.Status == 202).ToList();
        Assert.Equal(4, delivered.Count);
        Assert.True(stub.Requests.Count(r => r.Status == 503) >= 1, "the stub failed some deliveries");
        Assert.Equal(ids.Select(id => $"cemetery:{tenant}:burial:{id}").Order(), delivered.Select(r => r.Key!).Order());
        // A retry carries exactly what the failed attempt carried.
        foreach (var group in stub.Requests.GroupBy(r => r.Key)) Assert.Single(group.Select(r => r.Body).Distinct());
        var body = JsonDocument.Parse(delivered[0].Body).RootElement;
        Assert.Equal((tenant, "Launkalnes kapi"), (body.GetProperty("municipality").GetString(), body.GetProperty("cemetery").GetString()));
        Assert.Matches(@"^01015\d-1234\d$", body.GetProperty("personalCode").GetString());
        Assert.DoesNotContain(stub.Requests, r => r.Body.Contains("Vecais"));
        var failed = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/burials?cemeteryId={cemetery}", Ct);
        Assert.Equal(5, failed.GetArrayLength());
    }
}
