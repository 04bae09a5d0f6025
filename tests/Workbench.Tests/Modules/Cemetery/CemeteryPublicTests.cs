using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.Cemetery;

/// <summary>What residents and staff without the right see: the grave search, the scheme, and personal codes kept back everywhere.</summary>
public sealed class CemeteryPublicTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Code = "150343-11223";

    /// <summary>A cemetery with Jānis Bērziņš (with a personal code), a recent burial, and one the relatives asked not to publish.</summary>
    private async Task<(string Tenant, HttpClient Admin, Guid Cemetery, Dictionary<string, Guid> Sites)> RegisterAsync()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        var cemetery = (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries", new { name = "Palsmanes kapi", publishAfterDays = 30, latitude = 57.48, longitude = 26.01 })).GetProperty("id").GetGuid();
        var sites = (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries/{cemetery}/sites/range", new { from = "1A-1", to = "1A-4", type = "Family", capacity = 3, grid = new { x = 20, y = 20 } }))
            .GetProperty("sites").EnumerateArray().ToDictionary(s => s.GetProperty("number").GetString()!, s => s.GetProperty("id").GetGuid());
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", new { siteId = sites["1A-2"], givenName = "Jānis", familyName = "Bērziņš", personalCode = Code, birthDate = "1943-03-15", deathDate = "2019-05-02", burialDate = "2019-05-06" });
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", new { siteId = sites["1A-3"], givenName = "Anna", familyName = "Bērziņa", deathDate = DateTime.UtcNow.AddDays(-8).ToString("yyyy-MM-dd"), burialDate = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd") });
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", new { siteId = sites["1A-4"], givenName = "Pēteris", familyName = "Bērziņš", deathDate = "2001-01-05", burialDate = "2001-01-09", doNotPublish = true });
        return (tenant, admin, cemetery, sites);
    }

    [Fact]
    public async Task A_resident_finds_a_grave_by_a_name_without_diacritics_or_in_another_case_and_never_sees_codes_recent_or_unpublished_burials()
    {
        var (tenant, _, cemetery, sites) = await RegisterAsync();
        var resident = host.AnonymousClient();
        foreach (var typed in new[] { "Berzins", "Bērziņš", "bērziņa", "Bērziņu", "janis berzins" })
        {
            var response = await resident.GetAsync($"/{tenant}/api/cemetery/search?name={Uri.EscapeDataString(typed)}&cemeteryId={cemetery}", Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var hits = JsonDocument.Parse(text).RootElement.GetProperty("hits").EnumerateArray().ToList();
            // Anna (buried 5 days ago) and Pēteris (do not publish) stay hidden.
            var hit = Assert.Single(hits);
            Assert.Equal(("Jānis Bērziņš", "1A-2", "1", "A", sites["1A-2"], 1943, 2019), (hit.GetProperty("name").GetString(), hit.GetProperty("siteNumber").GetString(),
                hit.GetProperty("section").GetString(), hit.GetProperty("row").GetString(), hit.GetProperty("siteId").GetGuid(), hit.GetProperty("birthYear").GetInt32(), hit.GetProperty("deathYear").GetInt32()));
            Assert.DoesNotContain(Code, text);
            Assert.DoesNotContain("15.03", text);
            Assert.DoesNotContain("Anna", text);
            Assert.DoesNotContain("Pēteris", text);
        }
        Assert.Equal(0, (await resident.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/search?name=Berzins&from=2020&cemeteryId={cemetery}", Ct)).GetProperty("total").GetInt32());
        Assert.Equal(1, (await resident.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/search?name=Berzins&from=2019&to=2019&cemeteryId={cemetery}", Ct)).GetProperty("total").GetInt32());
        var empty = await resident.GetAsync($"/{tenant}/api/cemetery/search?name=%20", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("vismaz 2 burtus", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.GetAsync($"/{tenant}/api/cemetery/search?name=Berzins&from=2020&to=2010", Ct)).StatusCode);

        // The scheme lights the site up; it shows numbers and states, never names.
        var svg = await resident.GetStringAsync($"/{tenant}/api/cemeteries/{cemetery}/scheme.svg?highlight={sites["1A-2"]}", Ct);
        Assert.Contains($"id=\"site-{sites["1A-2"]}\"", svg);
        Assert.Contains("class=\"site highlighted\"", svg);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "highlighted"));
        Assert.Contains("aizņemta", svg);
        Assert.DoesNotContain("Bērziņš", svg);
        // Staff lists and exports are not public.
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync($"/{tenant}/api/cemeteries/{cemetery}/sites", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync($"/{tenant}/api/burials", Ct)).StatusCode);
    }

    [Fact]
    public async Task Personal_codes_appear_only_with_ViewCemeteryPersonalData_and_never_in_the_shared_search()
    {
        var (tenant, admin, cemetery, sites) = await RegisterAsync();
        var viewer = await host.UserClientAsync(tenant, "viewer-" + Guid.NewGuid().ToString("N")[..6] + "@example.lv", "Viewer");
        var adminSite = await admin.GetStringAsync($"/{tenant}/api/cemetery/sites/{sites["1A-2"]}", Ct);
        Assert.Contains(Code, adminSite);
        var viewerSite = await viewer.GetStringAsync($"/{tenant}/api/cemetery/sites/{sites["1A-2"]}", Ct);
        Assert.DoesNotContain(Code, viewerSite);
        Assert.Contains("\"hasPersonalCode\":true", viewerSite);
        Assert.DoesNotContain(Code, await viewer.GetStringAsync($"/{tenant}/api/burials?cemeteryId={cemetery}", Ct));

        // Staff with ViewCemetery find the burial in the shared search; residents find the cemetery, not the burial; nobody finds the code.
        var staffHits = await viewer.GetStringAsync($"/{tenant}/api/search?q=Berzins", Ct);
        Assert.Contains("Jānis Bērziņš", staffHits);
        Assert.Empty((await viewer.GetFromJsonAsync<JsonElement>($"/{tenant}/api/search?q=150343", Ct)).GetProperty("hits").EnumerateArray());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/search?q={Code}", Ct)).GetProperty("hits").EnumerateArray());
        var resident = host.AnonymousClient();
        Assert.DoesNotContain("Bērziņš", await resident.GetStringAsync($"/{tenant}/api/search?q=Berzins", Ct));
        Assert.Contains("Palsmanes kapi", await resident.GetStringAsync($"/{tenant}/api/search?q=Palsmanes", Ct));

        // The audit log names the site and the date, not the code.
        Assert.DoesNotContain(Code, await admin.GetStringAsync($"/{tenant}/api/admin/audit", Ct));
    }

    [Fact]
    public async Task The_scheme_exports_as_geojson_in_scheme_coordinates_and_as_csv()
    {
        var (tenant, admin, cemetery, _) = await RegisterAsync();
        var geo = await admin.GetAsync($"/{tenant}/api/cemeteries/{cemetery}/geojson", Ct);
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        var json = await geo.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("FeatureCollection", "scheme", 57.48), (json.GetProperty("type").GetString(), json.GetProperty("properties").GetProperty("coordinateSystem").GetString(),
            json.GetProperty("properties").GetProperty("origin").GetProperty("latitude").GetDouble()));
        var features = json.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(4, features.Count);
        var ring = features[0].GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.Equal(5, ring.GetArrayLength());
        Assert.Equal(ring[0].ToString(), ring[4].ToString());
        var csv = await admin.GetStringAsync($"/{tenant}/api/cemeteries/{cemetery}/sites.csv", Ct);
        Assert.StartsWith("number;section;row;type;capacity;state;polygon", csv.TrimStart('\uFEFF'));
        Assert.Contains("1A-2;1;A;Family;3;Occupied;", csv);
    }
}
