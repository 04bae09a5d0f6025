using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Abstractions.Tenants;
using Workbench.Tests.Infrastructure;
using static Workbench.Tests.Modules.Benefits.BenefitsTenant;

namespace Workbench.Tests.Modules.Benefits;

/// <summary>The relief catalogue and benefit groups over the REST API and the public page, on SQLite and PostgreSQL.</summary>
public sealed class BenefitsCatalogueTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Version(string from, decimal? percent = 30, decimal? cap = null, string[]? groups = null, string? code = null) => new
    {
        code, name = "Braukšanas atlaide senioriem", grantor = "Rīgas valstspilsētas pašvaldība", kind = "Discount", appliesTo = "PublicTransport",
        percent, cap, capPeriod = cap is null ? null : "Month", groups = groups ?? ["seniori"], identifiedBy = new[] { "card", "eid" },
        legalBasis = "Saistošie noteikumi Nr. 7", legalBasisUrl = "https://likumi.lv/ta/id/1", validFrom = from, changeNote = "Atlaide samazināta",
    };

    private static async Task<JsonElement> ReliefAsync(HttpClient client, string tenant, string code, string? on = null) =>
        (await client.GetFromJsonAsync<JsonElement>($"/{tenant}/{Api}/reliefs" + (on is null ? "" : $"?on={on}"), Ct)).EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_relief_changed_from_next_month_keeps_its_current_version_and_the_public_page_shows_both(DatabaseProvider provider)
    {
        var tenant = await CreateAsync(host, provider);
        var admin = await host.AdminClientAsync(tenant);
        var anonymous = host.AnonymousClient();
        Assert.Equal(15, (await anonymous.GetFromJsonAsync<JsonElement>($"/{tenant}/{Api}/reliefs", Ct)).GetArrayLength());
        Assert.Equal(8, (await anonymous.GetFromJsonAsync<JsonElement>($"/{tenant}/{Api}/groups", Ct)).GetArrayLength());

        var relief = await ReliefAsync(admin, tenant, "TR-SEN");
        var id = relief.GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var changed = await admin.PostAsJsonAsync($"/{tenant}/{Api}/reliefs/{id}/versions", Version(nextMonth.ToString("yyyy-MM-dd")), Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var now = await ReliefAsync(anonymous, tenant, "TR-SEN");
        Assert.Equal(50m, now.GetProperty("inForce").GetProperty("percent").GetDecimal());
        var versions = now.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(nextMonth.AddDays(-1).ToString("yyyy-MM-dd"), versions[0].GetProperty("validTo").GetString());
        Assert.Equal("Atlaide samazināta", versions[1].GetProperty("changeNote").GetString());
        Assert.Equal(WorkbenchFactory.AdminEmail, versions[1].GetProperty("createdBy").GetString());
        var later = await ReliefAsync(anonymous, tenant, "TR-SEN", nextMonth.ToString("yyyy-MM-dd"));
        Assert.Equal((2, 30m), (later.GetProperty("inForce").GetProperty("number").GetInt32(), later.GetProperty("inForce").GetProperty("percent").GetDecimal()));

        var page = await anonymous.GetStringAsync($"/{tenant}/atvieglojumi", Ct);
        Assert.Contains("Braukšanas atlaide senioriem</strong>: 50 %", page);
        Assert.Contains("Braukšanas atlaide senioriem</strong>: 30 %", page);
        Assert.Contains($"no {nextMonth:dd.MM.yyyy}", page);
        Assert.Contains("Sabiedriskais transports", page);
        Assert.Contains("Daudzbērnu ģimenes", page);

        // A version starting on or before the latest version's start overlaps it: refused, nothing saved.
        var overlapping = await admin.PostAsJsonAsync($"/{tenant}/{Api}/reliefs/{id}/versions", Version(nextMonth.ToString("yyyy-MM-dd"), 20), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("pārklājas ar versiju Nr. 2", await overlapping.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, (await ReliefAsync(admin, tenant, "TR-SEN")).GetProperty("versions").GetArrayLength());

        // The shared search finds a relief, for anyone, in another grammatical case.
        var hits = await anonymous.GetFromJsonAsync<JsonElement>($"/{tenant}/api/search?q=braukšanas%20atlaides", Ct);
        Assert.Contains(hits.GetProperty("hits").EnumerateArray(), h => h.GetProperty("title").GetString() == "Braukšanas atlaide senioriem");
    }

    [Fact]
    public async Task Bad_reliefs_and_rules_are_refused_whole_with_the_reason_in_latvian()
    {
        var tenant = await CreateAsync(host, DatabaseProvider.Sqlite);
        var admin = await host.AdminClientAsync(tenant);
        var bad = await admin.PostAsJsonAsync($"/{tenant}/{Api}/reliefs", Version("2026-01-01", percent: 120, cap: -5, groups: ["seniori", "nav-tadas"], code: "JAUNS"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("no 0 līdz 100", errors.GetProperty("percent")[0].GetString());
        Assert.Contains("nevar būt negatīvi", errors.GetProperty("cap")[0].GetString());
        Assert.Contains("Nav atvieglojumu grupas \"nav-tadas\"", errors.GetProperty("groups")[0].GetString());
        Assert.Equal(15, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/{Api}/reliefs", Ct)).GetArrayLength());

        var rule = await admin.PostAsJsonAsync($"/{tenant}/{Api}/groups", new { code = "jauniesi", name = "Jaunieši", rule = new { minAge = 13, maxAge = 25, income = 500 } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, rule.StatusCode);
        var ruleErrors = (await rule.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("Nezināms noteikuma lauks \"income\"", ruleErrors.GetProperty("rule.income")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{tenant}/{Api}/groups/jauniesi", Ct)).StatusCode);

        // A valid group is created at version 1; a change of its rule is version 2; an unchanged save is no new version.
        var created = await JsonApi.CreatedAsync(admin, $"/{tenant}/{Api}/groups", new { code = "jauniesi", name = "Jaunieši", rule = new { minAge = 13, maxAge = 25, declaredResidence = true } });
        Assert.Equal((1, 13), (created.GetProperty("version").GetInt32(), created.GetProperty("rule").GetProperty("minAge").GetInt32()));
        var put = await admin.PutAsJsonAsync($"/{tenant}/{Api}/groups/jauniesi", new { name = "Jaunieši", rule = new { minAge = 13, maxAge = 29, declaredResidence = true } }, Ct);
        Assert.Equal(2, (await put.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
        var same = await admin.PutAsJsonAsync($"/{tenant}/{Api}/groups/jauniesi", new { name = "Jaunieši", rule = new { minAge = 13, maxAge = 29, declaredResidence = true } }, Ct);
        Assert.Equal(2, (await same.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());

        // Only the benefits specialist changes the catalogue.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AnonymousClient().PostAsJsonAsync($"/{tenant}/{Api}/groups", new { code = "x", name = "X" }, Ct)).StatusCode);
        var viewer = await host.UserClientAsync(tenant, "skatitajs@example.lv", "Viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/{tenant}/{Api}/groups", new { code = "x", name = "X" }, Ct)).StatusCode);
    }
}
