using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;
using static Workbench.Tests.Modules.Benefits.BenefitsPeopleTests;
using static Workbench.Tests.Modules.Benefits.BenefitsTenant;

namespace Workbench.Tests.Modules.Benefits;

/// <summary>The eligibility API as two providers' machine clients use it: contracts, reasons, audit, monthly counts, the rate limit.</summary>
public sealed class BenefitsEligibilityTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string ProviderRole = "Atvieglojumu piemērotājs";

    /// <summary>A provider record in the municipality and a machine client at the competence centre holding the provider role there.</summary>
    public static async Task<HttpClient> ProviderClientAsync(WorkbenchFactory host, HttpClient admin, string tenant, string name, params string[] reliefs)
    {
        var oidc = await OidcScenario.CreateAsync(host, tenantRoles: new Dictionary<string, string[]> { [tenant] = [ProviderRole] });
        await JsonApi.CreatedAsync(admin, $"/{tenant}/{Api}/providers", new { name, clientId = oidc.ClientId, contractNumber = "L-1", contractFrom = "2020-01-01", reliefs });
        var (status, body) = await oidc.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = "api" });
        Assert.Equal(HttpStatusCode.OK, status);
        var client = host.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    private static async Task<JsonElement> AskAsync(HttpClient provider, string tenant, object question)
    {
        var response = await provider.PostAsJsonAsync($"/{tenant}/{Api}/eligibility", question, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static (bool, string?, string?, string) Parts(JsonElement a) =>
        (a.GetProperty("eligible").GetBoolean(), a.GetProperty("group").GetString(), a.GetProperty("validUntil").GetString(), a.GetProperty("reason").GetString()!);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_providers_ask_within_their_contracts_every_answer_is_audited_and_counted(DatabaseProvider provider)
    {
        var tenant = await CreateAsync(host, provider);
        var admin = await host.AdminClientAsync(tenant);
        (await admin.PostAsJsonAsync($"/{tenant}/{Api}/status-records", new { records = new object[]
        {
            new { personalCode = Senior, group = "seniori", validFrom = "2025-01-01", validTo = "2030-12-31", source = "PMLP", declaredResidence = true },
            new { personalCode = NewFormat, group = "daudzbernu", validFrom = "2025-01-01", validTo = "2026-12-31", source = "VSAA", declaredResidence = true },
            new { personalCode = NewFormat, group = "trucigi", validFrom = "2025-01-01", validTo = "2026-12-31", source = "PMLP", declaredResidence = true },
        } }, Ct)).EnsureSuccessStatusCode();
        var seniorCard = await JsonApi.CreatedAsync(admin, $"/{tenant}/{Api}/cards", new { number = "RK100001", personalCode = Senior, holderName = "Anna Bērziņa", validFrom = "2025-01-01", validTo = "2029-12-31" });
        await JsonApi.CreatedAsync(admin, $"/{tenant}/{Api}/cards", new { number = "RK100002", personalCode = NewFormat, holderName = "Jānis Kalniņš", validFrom = "2025-01-01", validTo = "2029-12-31" });

        var carrier = await ProviderClientAsync(host, admin, tenant, "Pārvadātājs", "TR-SEN", "KU-SEN", "TR-TRU");
        var school = await ProviderClientAsync(host, admin, tenant, "Skola", "ED-DBG");
        const string day = "2026-03-15";

        Assert.Equal((true, "seniori", "2029-12-31", "eligible"), Parts(await AskAsync(carrier, tenant, new { cardNumber = "RK100001", relief = "TR-SEN", date = day })));
        Assert.Equal((true, "seniori", "2030-12-31", "eligible"), Parts(await AskAsync(carrier, tenant, new { personalCode = Senior, relief = "KU-SEN", date = day })));
        Assert.Equal("no_status", Parts(await AskAsync(carrier, tenant, new { cardNumber = "RK100002", relief = "TR-SEN", date = day })).Item4);
        Assert.Equal("card_unknown", Parts(await AskAsync(carrier, tenant, new { cardNumber = "RK999999", relief = "TR-SEN", date = day })).Item4);
        Assert.Equal("card_expired", Parts(await AskAsync(carrier, tenant, new { cardNumber = "RK100001", relief = "TR-SEN", date = "2030-06-01" })).Item4);
        Assert.Equal("status_not_valid_on_date", Parts(await AskAsync(carrier, tenant, new { cardNumber = "RK100002", relief = "TR-TRU", date = "2027-06-01" })).Item4);
        // The low-income group asks for the social service's status; a record from another source does not do.
        Assert.Equal("state_status_missing", Parts(await AskAsync(carrier, tenant, new { cardNumber = "RK100002", relief = "TR-TRU", date = day })).Item4);
        Assert.Equal("relief_not_in_force", Parts(await AskAsync(carrier, tenant, new { cardNumber = "RK100001", relief = "TR-SEN", date = "2024-06-01" })).Item4);
        // School meals for large families accept only the resident card.
        Assert.Equal("identification_not_accepted", Parts(await AskAsync(school, tenant, new { personalCode = NewFormat, relief = "ED-DBG", date = day })).Item4);
        Assert.Equal((true, "daudzbernu", "2026-12-31", "eligible"), Parts(await AskAsync(school, tenant, new { cardNumber = "RK100002", relief = "ED-DBG", date = day })));

        // A relief outside the contract: 403 with the reason; a malformed code: 400; neither is answered.
        var outside = await school.PostAsJsonAsync($"/{tenant}/{Api}/eligibility", new { cardNumber = "RK100001", relief = "TR-SEN", date = day }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("līgums neattiecas uz atvieglojumu \"TR-SEN\"", (await outside.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        var malformed = await carrier.PostAsJsonAsync($"/{tenant}/{Api}/eligibility", new { personalCode = "010101-10007", relief = "TR-SEN" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        // A signed-in staff member is no provider.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/{tenant}/{Api}/eligibility", new { cardNumber = "RK100001", relief = "TR-SEN" }, Ct)).StatusCode);

        // A blocked card stops at once.
        (await admin.PostAsJsonAsync($"/{tenant}/{Api}/cards/{seniorCard.GetProperty("id").GetGuid()}/block", new { reason = "Nozaudēta" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal("card_blocked", Parts(await AskAsync(carrier, tenant, new { cardNumber = "RK100001", relief = "TR-SEN", date = day })).Item4);

        // Every answered check is audited with the person as a hash, never the code.
        var log = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == "benefits.eligibility.checked").ToListAsync(Ct));
        Assert.Equal(11, log.Count);
        Assert.DoesNotContain(log, a => a.Details!.Contains("01010110006") || a.Details.Contains("32123456789"));
        Assert.All(log.Where(a => !a.Details!.Contains("RK999999")), a => Assert.Matches("\"person\":\"[0-9a-f]{64}\"", a.Details!));

        var kpi = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/{Api}/kpi/checks", Ct);
        var march = kpi.EnumerateArray().Single(r => r.GetProperty("month").GetString() == "2026-03" && r.GetProperty("provider").GetString() == "Pārvadātājs" && r.GetProperty("relief").GetString() == "TR-SEN");
        Assert.Equal((1, 3), (march.GetProperty("eligible").GetInt32(), march.GetProperty("notEligible").GetInt32()));
        Assert.Equal(7, kpi.EnumerateArray().Count());
    }

    [Fact]
    public async Task A_provider_over_its_allowance_gets_429_while_another_provider_is_still_answered()
    {
        await using var limited = new WorkbenchFactory();
        limited.Settings["Workbench:Benefits:EligibilityPerMinute"] = "3";
        await limited.StartAsync();
        var tenant = await CreateAsync(limited, DatabaseProvider.Sqlite);
        var admin = await limited.AdminClientAsync(tenant);
        var busy = await ProviderClientAsync(limited, admin, tenant, "Aizņemtais", "TR-SEN");
        var quiet = await ProviderClientAsync(limited, admin, tenant, "Mierīgais", "TR-SEN");
        var question = new { personalCode = Senior, relief = "TR-SEN" };
        for (var i = 0; i < 3; i++) await AskAsync(busy, tenant, question);
        var refused = await busy.PostAsJsonAsync($"/{tenant}/{Api}/eligibility", question, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Pārāk daudz pārbaužu", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("no_status", (await AskAsync(quiet, tenant, question)).GetProperty("reason").GetString());
    }
}
