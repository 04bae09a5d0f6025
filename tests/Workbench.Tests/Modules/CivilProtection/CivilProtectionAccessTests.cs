using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Identity;
using Workbench.Tests.Platform.Search;

namespace Workbench.Tests.Modules.CivilProtection;

/// <summary>
/// Restricted by default: every operation of the module's API and every staff page, walked as anonymous, as staff
/// without the permission (a plain signed-in account, Viewer, Editor) and as the granted roles — the first get 404 for
/// everything, never 401/403 that would hint something is there; search hits, totals and facets leak nothing either.
/// </summary>
public sealed class CivilProtectionAccessTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every staff page of the module, with ids of the riga demo records filled in.</summary>
    public static async Task<List<string>> PagesAsync(HttpClient admin, string tenant)
    {
        var resource = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/civil-protection/resources", Ct))[0].GetProperty("id").GetGuid();
        var shelter = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/civil-protection/shelters", Ct))[0].GetProperty("id").GetGuid();
        var scenario = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/civil-protection/scenarios", Ct))[0].GetProperty("id").GetGuid();
        return
        [
            "admin/civil-protection", "admin/civil-protection/resources", $"admin/civil-protection/resources/{resource}", "admin/civil-protection/shelters",
            $"admin/civil-protection/shelters/{shelter}", "admin/civil-protection/scenarios", $"admin/civil-protection/scenarios/{scenario}",
            $"admin/civil-protection/scenarios/{scenario}/alerting-list", "admin/civil-protection/readiness", "admin/civil-protection/map", "admin/civil-protection/commitments",
        ];
    }

    /// <summary>Every operation of the module in the OpenAPI document, with real ids for reads and fresh ones for changes.</summary>
    private async Task<List<(string Method, string Path, bool Write)>> OperationsAsync(HttpClient admin, string tenant)
    {
        using var document = JsonDocument.Parse(await host.AnonymousClient().GetStringAsync("/openapi/v1.json", Ct));
        var resource = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/civil-protection/resources", Ct))[0].GetProperty("id").GetString()!;
        var scenario = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/civil-protection/scenarios", Ct))[0].GetProperty("id").GetString()!;
        var shelter = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/civil-protection/shelters", Ct))[0].GetProperty("id").GetString()!;
        var operations = new List<(string, string, bool)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/civil-protection", StringComparison.Ordinal)))
            foreach (var method in path.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant()))
            {
                var write = method != "GET";
                var concrete = path.Name;
                var id = path.Name.StartsWith("/api/civil-protection/resources/", StringComparison.Ordinal) ? resource
                    : path.Name.StartsWith("/api/civil-protection/scenarios/", StringComparison.Ordinal) ? scenario
                    : path.Name.StartsWith("/api/civil-protection/shelters/", StringComparison.Ordinal) ? shelter : Guid.NewGuid().ToString();
                concrete = concrete.Replace("{id}", write ? Guid.NewGuid().ToString() : id, StringComparison.Ordinal);
                operations.Add((method, $"/{tenant}{concrete}", write));
            }
        return operations;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task Without_the_permission_every_operation_and_page_is_404_and_with_it_every_read_opens()
    {
        const string tenant = "riga";
        var admin = await host.AdminClientAsync(tenant);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var outsiders = new (string Name, HttpClient Client)[]
        {
            ("anonymous", host.AnonymousClient()),
            ("signed in without roles", await host.UserClientAsync(tenant, $"none-{unique}@riga.lv")),
            ("Viewer", await host.UserClientAsync(tenant, $"viewer-{unique}@riga.lv", "Viewer")),
            ("Editor", await host.UserClientAsync(tenant, $"editor-{unique}@riga.lv", "Editor")),
        };
        var commission = await host.UserClientAsync(tenant, $"komisija-{unique}@riga.lv", "Civilās aizsardzības komisija");
        var operations = await OperationsAsync(admin, tenant);
        Assert.True(operations.Count >= 25, $"only {operations.Count} operations found");
        var pages = await PagesAsync(admin, tenant);
        var leaks = new List<string>();
        foreach (var (name, client) in outsiders)
        {
            foreach (var (method, path, _) in operations)
                if (await SendAsync(client, method, path) is var status && status != HttpStatusCode.NotFound) leaks.Add($"{method} {path} as {name}: {(int)status}");
            foreach (var page in pages)
                if (await SendAsync(client, "GET", $"/{tenant}/{page}") is var status && status != HttpStatusCode.NotFound) leaks.Add($"page {page} as {name}: {(int)status}");
            var menu = await client.GetAsync($"/{tenant}/admin", Ct);
            if (menu.IsSuccessStatusCode && (await menu.Content.ReadAsStringAsync(Ct)).Contains("civil-protection", StringComparison.Ordinal)) leaks.Add($"the workplace menu as {name} links to the module");
        }
        foreach (var (method, path, write) in operations)
        {
            var status = await SendAsync(commission, method, path);
            // The commission reads everything; changing needs ManageCivilProtection (403: it already knows the module is there).
            if (write ? status != HttpStatusCode.Forbidden : status != HttpStatusCode.OK) leaks.Add($"{method} {path} as the commission: {(int)status}");
        }
        foreach (var page in pages)
            if (await SendAsync(commission, "GET", $"/{tenant}/{page}") is var status && status != HttpStatusCode.OK) leaks.Add($"page {page} as the commission: {(int)status}");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public async Task Search_shows_no_restricted_hit_count_or_facet_to_anyone_without_the_permission()
    {
        const string tenant = "riga";
        var unique = Guid.NewGuid().ToString("N")[..8];
        var viewer = await host.UserClientAsync(tenant, $"viewer-s-{unique}@riga.lv", "Viewer");
        var commission = await host.UserClientAsync(tenant, $"komisija-s-{unique}@riga.lv", "Civilās aizsardzības komisija");
        static bool Restricted(SearchResponseHit hit) => hit.Type.StartsWith("civil-protection", StringComparison.Ordinal) && !hit.Url.Contains("/shelters#", StringComparison.Ordinal);
        // Words only the civil protection data holds: a boat, the port's ammonia, a private shelter, an owner.
        foreach (var query in new[] { "motorlaiva", "amonjaka", "Imantas kultūras nams", "Būvtehnika", "ģenerators" })
        {
            var granted = await SearchScenarios.SearchAsync(commission, tenant, query);
            Assert.True(granted.Hits.Any(h => h.Type.StartsWith("civil-protection", StringComparison.Ordinal)), $"{query}: the commission finds nothing");
            foreach (var (name, client) in new[] { ("anonymous", host.AnonymousClient()), ("Viewer", viewer) })
            {
                var result = await SearchScenarios.SearchAsync(client, tenant, query);
                Assert.DoesNotContain(result.Hits, Restricted);
                Assert.Equal(result.Hits.Count(h => !Restricted(h)), result.Total);
                // The module's facet counts only what the caller may open (public shelters), the type facet no restricted type.
                var visible = result.Total == result.Hits.Count ? result.Hits.Count(h => h.Type.StartsWith("civil-protection", StringComparison.Ordinal)) : -1;
                if (visible >= 0) Assert.Equal(visible, result.Facets.GetValueOrDefault("module")?.GetValueOrDefault("Workbench.CivilProtection") ?? 0);
                Assert.DoesNotContain(result.Facets.GetValueOrDefault("type")?.Keys.ToList() ?? [], k => k is "civil-protection-resource" or "civil-protection-scenario");
                Assert.True(granted.Total > result.Total, $"{query} as {name}: {result.Total} of {granted.Total}");
            }
        }
        // A public shelter is found by everyone, and links to the public page.
        var arena = await SearchScenarios.SearchAsync(host.AnonymousClient(), tenant, "Arēna Rīga");
        Assert.Contains(arena.Hits, h => h.Type == "civil-protection-shelter" && h.Url.EndsWith("/shelters#s-" + h.Id.Replace("-", ""), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_machine_client_reads_with_a_granted_role_and_finds_nothing_without_one()
    {
        var granted = await OidcScenario.MachineClientAsync(host, new() { ["riga"] = ["Civilās aizsardzības komisija"] });
        var resources = await granted.GetFromJsonAsync<JsonElement>("/riga/api/civil-protection/resources", Ct);
        Assert.True(resources.GetArrayLength() >= 60);
        var flood = (await granted.GetFromJsonAsync<JsonElement>("/riga/api/civil-protection/scenarios", Ct)).EnumerateArray().First(s => s.GetProperty("type").GetString() == "Flood").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await granted.GetAsync($"/riga/api/civil-protection/scenarios/{flood}/readiness", Ct)).StatusCode);
        // Reading is not changing: the commission's role may not add a resource.
        Assert.Equal(HttpStatusCode.Forbidden, (await granted.PostAsJsonAsync("/riga/api/civil-protection/resources", new { name = "x" }, Ct)).StatusCode);
        var other = await OidcScenario.MachineClientAsync(host, new() { ["riga"] = ["Editor"] });
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/riga/api/civil-protection/resources", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/riga/api/civil-protection/scenarios/{flood}/alerting-list", Ct)).StatusCode);
    }
}
