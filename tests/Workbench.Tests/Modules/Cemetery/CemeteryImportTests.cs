using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workbench.Abstractions.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.Cemetery;

/// <summary>Import of an old register from CSV (preview, row and column errors, all or nothing) and the data-quality report, on SQLite and PostgreSQL.</summary>
public sealed class CemeteryImportTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<string> TenantAsync(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? await host.CreateTenantAsync("smiltene", provider, Postgres.Database("wb_cemi_" + Guid.NewGuid().ToString("N")[..10]))
        : await host.CreateTenantAsync("smiltene");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_register_imports_after_a_preview_and_a_file_with_any_bad_row_saves_nothing_naming_rows_and_columns(DatabaseProvider provider)
    {
        var tenant = await TenantAsync(provider);
        var admin = await host.AdminClientAsync(tenant);
        var cemetery = (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries", new { name = "Blomes kapi" })).GetProperty("id").GetGuid();
        const string good = """
            cemetery;site;siteType;capacity;givenName;familyName;personalCode;birthDate;deathDate;burialDate;burialType;holderName;holderEmail;rightStart;rightEnd
            Blomes kapi;1A-1;Family;3;Jānis;Ozols;;1920-01-02;1990-05-01;1990-05-05;Coffin;Inta Ozola;inta@example.lv;2010-01-01;2035-12-31
            Blomes kapi;1A-1;;;Marta;Ozola;;1925-03-04;2001-02-03;07.02.2001;Coffin;;;;
            Blomes kapi;1A-2;Single;;;;;;;;;;;;
            Blomes kapi;K-7;Urn;2;Roberts;Liepiņš;;;;2015-06-06;Urn;;;;
            """;
        var preview = await admin.PostAsync($"/{tenant}/api/cemetery/import", Csv(good), Ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var report = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((4, 3, 3, 1, false), (report.GetProperty("rows").GetInt32(), report.GetProperty("sitesCreated").GetInt32(), report.GetProperty("burials").GetInt32(),
            report.GetProperty("useRights").GetInt32(), report.GetProperty("committed").GetBoolean()));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemeteries/{cemetery}/sites", Ct)).GetArrayLength());

        var saved = await (await admin.PostAsync($"/{tenant}/api/cemetery/import?commit=true", Csv(good), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(saved.GetProperty("committed").GetBoolean());
        var sites = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemeteries/{cemetery}/sites", Ct)).EnumerateArray().ToList();
        Assert.Equal(["1A-1", "1A-2", "K-7"], sites.Select(s => s.GetProperty("number").GetString()));
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/burials?cemeteryId={cemetery}", Ct)).GetArrayLength());

        // A bad date, an unknown cemetery, an impossible order of dates and a full site: every one named by row and column; nothing saved.
        const string bad = """
            cemetery;site;familyName;birthDate;deathDate;burialDate;burialType
            Blomes kapi;2A-1;Kalns;1930-01-01;1999-13-45;1999-12-01;Coffin
            Nav tādu kapi;2A-2;Kalns;;;1999-12-01;Coffin
            Blomes kapi;2A-3;Lapa;1950-01-01;1940-01-01;1940-01-05;Coffin
            Blomes kapi;1A-2;Egle;;;2000-01-01;Coffin
            Blomes kapi;1A-2;Bērzs;;;2001-01-01;Coffin
            Blomes kapi;2A-4;Krasts;;;2001-01-01;Boat
            """;
        var refused = await admin.PostAsync($"/{tenant}/api/cemetery/import?commit=true", Csv(bad), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((2, "deathDate"), errors);
        Assert.Contains((3, "cemetery"), errors);
        Assert.Contains((4, "deathDate"), errors);
        Assert.Contains((7, "burialType"), errors);
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemeteries/{cemetery}/sites", Ct)).GetArrayLength());
        // Rows 5 and 6 are fine alone; together the second overfills a single site: the rules run row after row.
        var full = await admin.PostAsync($"/{tenant}/api/cemetery/import?commit=true", Csv(string.Join('\n', bad.Split('\n').Where((_, i) => i is 0 or 4 or 5))), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);
        var fullErrors = (await full.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal((3, "site"), (fullErrors[0].GetProperty("row").GetInt32(), fullErrors[0].GetProperty("column").GetString()));
        Assert.Contains("1 no 1 vietām aizņemtas", fullErrors[0].GetProperty("message").GetString());
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/burials?cemeteryId={cemetery}", Ct)).GetArrayLength());

        var missing = await admin.PostAsync($"/{tenant}/api/cemetery/import", Csv("cemetery;number\nBlomes kapi;1"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingText = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Trūkst kolonnu", missingText);
        Assert.Contains("site", missingText);
        var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes("cemetery;site;familyName;burialDate\nBlomes kapi;3A-1;Schäfer;2000-01-01"));
        latin1.Headers.ContentType = new("text/csv");
        var wrongEncoding = await admin.PostAsync($"/{tenant}/api/cemetery/import", latin1, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongEncoding.StatusCode);
        Assert.Contains("nav UTF-8 kodējumā", await wrongEncoding.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync($"/{tenant}/api/cemetery/import", new StringContent(good, Encoding.UTF8, "text/plain"), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_quality_report_finds_the_demo_registers_deliberate_problems_and_ends_expired_use_rights_safely()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        var report = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/quality", Ct);
        var kinds = report.GetProperty("issues").EnumerateArray().GroupBy(i => i.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(kinds.GetValueOrDefault("MissingDates") > 0, "missing birth dates");
        Assert.True(kinds.GetValueOrDefault("ProbableDuplicate") >= 1, "the duplicate person");
        Assert.Equal(3, kinds.GetValueOrDefault("NotOnScheme"));
        var expired = kinds.GetValueOrDefault("ExpiredUseRight");
        Assert.True(expired > 0, "expired use rights");
        Assert.False(kinds.ContainsKey("BeyondCapacity"));
        Assert.DoesNotMatch(@"\d{6}-\d{5}", report.ToString());
        var csv = await admin.GetStringAsync($"/{tenant}/api/cemetery/quality.csv", Ct);
        Assert.Equal(report.GetProperty("count").GetInt32() + 1, csv.TrimEnd().Split("\r\n").Length);

        var fixedCount = await (await admin.PostAsync($"/{tenant}/api/cemetery/quality/end-expired-use-rights", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(expired, fixedCount.GetProperty("changed").GetInt32());
        var after = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/quality", Ct);
        Assert.DoesNotContain(after.GetProperty("issues").EnumerateArray(), i => i.GetProperty("kind").GetString() == "ExpiredUseRight");
        Assert.Contains("Datu kvalitāte", System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/cemetery/quality", Ct)));
    }
}
