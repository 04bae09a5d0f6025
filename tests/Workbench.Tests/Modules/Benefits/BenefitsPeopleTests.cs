using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Tenants;
using Workbench.Benefits.Data;
using Workbench.Benefits.Domain;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;
using static Workbench.Tests.Modules.Benefits.BenefitsTenant;

namespace Workbench.Tests.Modules.Benefits;

/// <summary>Status records from the state, personal codes as per-tenant hashes, the retention purge, resident cards.</summary>
public sealed class BenefitsPeopleTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 01.01.1901, check digit (1101 − 28) mod 11 = 6; the second is the same date with a wrong check digit.
    public const string Senior = "010101-10006";
    private const string WrongCheckDigit = "010101-10007";
    // A new-format code (no birth date).
    public const string NewFormat = "321234-56789";

    private static object Record(string code, string group, string from, string to, string source = "PMLP", bool residence = true) =>
        new { personalCode = code, group, validFrom = from, validTo = to, source, declaredResidence = residence };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Status_records_are_imported_whole_kept_as_hashes_and_purged_after_the_retention(DatabaseProvider provider)
    {
        var tenant = await CreateAsync(host, provider);
        var admin = await host.AdminClientAsync(tenant);
        var path = $"/{tenant}/{Api}/status-records";

        // One bad record refuses the whole import: a wrong check digit, a malformed code, an unknown group, a reversed period.
        var bad = await admin.PostAsJsonAsync(path, new { records = new[]
        {
            Record(Senior, "seniori", "2025-01-01", "2030-12-31"), Record(WrongCheckDigit, "seniori", "2025-01-01", "2030-12-31"),
            Record("31234-5678", "seniori", "2025-01-01", "2030-12-31"), Record(NewFormat, "nav-tadas", "2025-01-01", "2030-12-31"),
            Record(NewFormat, "trucigi", "2025-06-01", "2025-01-01"),
        } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("kontrolcipars nav pareizs", errors.GetProperty("records[1].personalCode")[0].GetString());
        Assert.Contains("11 cipariem", errors.GetProperty("records[2].personalCode")[0].GetString());
        Assert.Contains("Nav atvieglojumu grupas \"nav-tadas\"", errors.GetProperty("records[3].group")[0].GetString());
        Assert.Contains("pirms sākuma", errors.GetProperty("records[4].validTo")[0].GetString());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("records").GetInt32());

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ok = await admin.PostAsJsonAsync(path, new { records = new[]
        {
            Record(Senior, "seniori", "2025-01-01", "2030-12-31"), Record(NewFormat, "trucigi", "2025-01-01", "2030-12-31", "SOCIALAIS_DIENESTS"),
            Record(NewFormat, "studenti", "2020-01-01", today.AddDays(-100).ToString("yyyy-MM-dd")),
            Record(NewFormat, "skoleni", "2020-01-01", today.AddDays(-10).ToString("yyyy-MM-dd")),
        } }, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(4, (await ok.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("imported").GetInt32());
        // The same person, group and start again replaces the record.
        var again = await admin.PostAsJsonAsync(path, new { records = new[] { Record(Senior, "seniori", "2025-01-01", "2031-12-31") } }, Ct);
        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("replaced").GetInt32());

        // The database holds no personal code: only an HMAC that differs from a plain hash and from another tenant's.
        var stored = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<BenefitsDbContext>().StatusRecords.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(4, stored.Count);
        Assert.All(stored, s => Assert.Matches("^[0-9a-f]{64}$", s.PersonHash));
        Assert.DoesNotContain(stored, s => s.PersonHash == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("01010110006"u8)));
        var other = await CreateAsync(host, DatabaseProvider.Sqlite);
        var otherHash = await host.InTenantAsync(other, sp => sp.GetRequiredService<PersonKeys>().HashAsync("01010110006", Ct));
        Assert.DoesNotContain(stored, s => s.PersonHash == otherHash);
        Assert.Equal(new DateOnly(1901, 1, 1), stored.Single(s => s.BirthDate is not null).BirthDate);
        var log = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("benefits.status")).ToListAsync(Ct));
        Assert.DoesNotContain(log, a => (a.Details ?? "").Contains("0101011000") || (a.Details ?? "").Contains("010101-1000"));

        // Only ViewBenefitsPersonalData looks a person up; the code goes in the body.
        var viewer = await host.UserClientAsync(tenant, "skatitajs@example.lv", "Viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/{tenant}/{Api}/people/lookup", new { personalCode = Senior }, Ct)).StatusCode);
        var person = await (await admin.PostAsJsonAsync($"/{tenant}/{Api}/people/lookup", new { personalCode = Senior }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("2031-12-31", person.GetProperty("statuses").EnumerateArray().Single().GetProperty("validTo").GetString());

        // Retention 30 days: the purge (the nightly module job) removes the record that ended 100 days ago, keeps the one of 10 days ago; audited.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{path}/retention", new { days = 30 }, Ct)).StatusCode);
        await host.InTenantAsync(tenant, async sp =>
        {
            foreach (var job in sp.GetServices<IModuleJob>().Where(j => j.Feature == "Workbench.Benefits")) await job.RunAsync(today, Ct);
            return true;
        });
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("records").GetInt32());
        var purged = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries.AsNoTracking().Where(a => a.Action == "benefits.status.purged").ToListAsync(Ct));
        Assert.Contains("\"purged\":1", Assert.Single(purged).Details);
        var now = await (await admin.PostAsync($"{path}/purge", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(0, now.GetProperty("purged").GetInt32());
    }

    [Fact]
    public async Task A_card_is_issued_blocked_and_reissued_and_its_holder_is_shown_only_with_the_permission()
    {
        var tenant = await CreateAsync(host, DatabaseProvider.Sqlite);
        var admin = await host.AdminClientAsync(tenant);
        var cards = $"/{tenant}/{Api}/cards";
        var card = await JsonApi.CreatedAsync(admin, cards, new { number = "RK000001", personalCode = Senior, holderName = "Anna Bērziņa", validFrom = "2025-01-01", validTo = "2030-12-31" });
        var id = card.GetProperty("id").GetGuid();
        Assert.Equal("Anna Bērziņa", card.GetProperty("holderName").GetString());
        var duplicate = await admin.PostAsJsonAsync(cards, new { number = "RK000001", personalCode = NewFormat, holderName = "Cits", validFrom = "2025-01-01", validTo = "2030-12-31" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("Karte ar numuru RK000001 jau ir", await duplicate.Content.ReadAsStringAsync(Ct));
        var badCode = await admin.PostAsJsonAsync(cards, new { number = "RK000002", personalCode = WrongCheckDigit, holderName = "X", validFrom = "2025-01-01", validTo = "2030-12-31" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);

        var viewer = await host.UserClientAsync(tenant, "skatitajs@example.lv", "Viewer");
        var seen = await viewer.GetFromJsonAsync<JsonElement>($"{cards}/{id}", Ct);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("holderName").ValueKind);

        var blocked = await (await admin.PostAsJsonAsync($"{cards}/{id}/block", new { reason = "Nozaudēta" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(blocked.GetProperty("blocked").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"{cards}/{id}/block", new { reason = "Vēlreiz" }, Ct)).StatusCode);
        var reissued = await admin.PostAsJsonAsync($"{cards}/{id}/reissue", new { number = "RK000003" }, Ct);
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        var fresh = await reissued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((id, false, "Anna Bērziņa"), (fresh.GetProperty("replacesId").GetGuid(), fresh.GetProperty("blocked").GetBoolean(), fresh.GetProperty("holderName").GetString()));
        var person = await (await admin.PostAsJsonAsync($"/{tenant}/{Api}/people/lookup", new { personalCode = Senior }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["RK000001", "RK000003"], person.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("number").GetString()).Order());
    }
}
