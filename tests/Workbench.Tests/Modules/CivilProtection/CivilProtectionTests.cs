using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.CivilProtection;

/// <summary>The register, scenarios, readiness, commitments and exports over the REST API, with the riga demo data.</summary>
public sealed class CivilProtectionTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Api = "api/civil-protection";

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) => await client.GetFromJsonAsync<JsonElement>(path, Ct);

    private static async Task<Guid> ScenarioAsync(HttpClient client, string tenant, string type) =>
        (await GetAsync(client, $"/{tenant}/{Api}/scenarios")).EnumerateArray().First(s => s.GetProperty("type").GetString() == type).GetProperty("id").GetGuid();

    private static object Resource(string name, string type = "transport.bus.50", int quantity = 1, double lat = 56.95, double lon = 24.11, bool confirm = false) => new
    {
        name, type, quantity, ownerKind = "Company", owner = "SIA Pārvadātājs", contactName = "Jānis", contactPhone = "+371 20000000", contactEmail = "janis@example.lv",
        address = "Brīvības iela 1, Rīga", latitude = lat, longitude = lon, lastChecked = "2026-11-01", checkIntervalDays = 180, confirmOutsideLatvia = confirm,
    };

    private static async Task<int> CountAsync(HttpClient client, string tenant, string list) => (await GetAsync(client, $"/{tenant}/{Api}/{list}")).GetArrayLength();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_demo_register_loads_and_two_buses_out_of_service_open_a_gap_in_the_flood_scenario(DatabaseProvider provider)
    {
        var tenant = provider == DatabaseProvider.Sqlite ? await host.CreateTenantAsync("riga")
            : await host.CreateTenantAsync("riga", provider, Postgres.Database("wb_civil_" + Guid.NewGuid().ToString("N")[..10]));
        var admin = await host.AdminClientAsync(tenant);
        Assert.True(await CountAsync(admin, tenant, "resources") >= 60);
        Assert.Equal(8, await CountAsync(admin, tenant, "shelters"));
        var scenarios = await GetAsync(admin, $"/{tenant}/{Api}/scenarios");
        Assert.Equal(new[] { "ChemicalAccident", "Flood", "Storm" }, scenarios.EnumerateArray().Select(s => s.GetProperty("type").GetString()).Order());

        var flood = await ScenarioAsync(admin, tenant, "Flood");
        var before = await GetAsync(admin, $"/{tenant}/{Api}/scenarios/{flood}/readiness");
        var buses = before.GetProperty("resources").EnumerateArray().Single(l => l.GetProperty("type").GetString() == "transport.bus.50");
        Assert.Equal(6, buses.GetProperty("required").GetInt32());
        Assert.Equal(6, buses.GetProperty("available").GetInt32());
        Assert.Equal(0, buses.GetProperty("gap").GetInt32());
        Assert.Equal(3650, before.GetProperty("population").GetInt32());

        var fleet = (await GetAsync(admin, $"/{tenant}/{Api}/resources?type=transport.bus.50")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        foreach (var bus in fleet.Take(2))
        {
            var marked = await admin.PostAsJsonAsync($"/{tenant}/{Api}/resources/{bus}/availability", new { availability = "OutOfService", reason = "Dzinēja bojājums" }, Ct);
            Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        }
        var after = await GetAsync(admin, $"/{tenant}/{Api}/scenarios/{flood}/readiness");
        var line = after.GetProperty("resources").EnumerateArray().Single(l => l.GetProperty("type").GetString() == "transport.bus.50");
        Assert.Equal((4, 2, 2), (line.GetProperty("available").GetInt32(), line.GetProperty("outOfService").GetInt32(), line.GetProperty("gap").GetInt32()));
        Assert.False(after.GetProperty("ready").GetBoolean());
        var history = await GetAsync(admin, $"/{tenant}/{Api}/resources/{fleet[0]}/history");
        Assert.Equal(new[] { "Available", "OutOfService" }, history.EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("Dzinēja bojājums", history[1].GetProperty("reason").GetString());
        // Overdue checks of the needed types are counted (and listed, most overdue first); an unconfirmed list is flagged until confirmed.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var needed = after.GetProperty("resources").EnumerateArray().Select(l => l.GetProperty("type").GetString()).ToHashSet();
        var overdue = (await GetAsync(admin, $"/{tenant}/{Api}/resources")).EnumerateArray()
            .Count(r => needed.Contains(r.GetProperty("type").GetString()) && (r.GetProperty("nextCheck").ValueKind == JsonValueKind.Null || DateOnly.Parse(r.GetProperty("nextCheck").GetString()!) < today));
        Assert.Equal(overdue, after.GetProperty("overdueCheckCount").GetInt32());
        Assert.Equal(Math.Min(overdue, 100), after.GetProperty("overdueChecks").GetArrayLength());
        Assert.False(after.GetProperty("alertingListUnconfirmed").GetBoolean());
        var storm = await ScenarioAsync(admin, tenant, "Storm");
        Assert.True((await GetAsync(admin, $"/{tenant}/{Api}/scenarios/{storm}/readiness")).GetProperty("alertingListUnconfirmed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{tenant}/{Api}/scenarios/{storm}/alerting-list/confirm", null, Ct)).StatusCode);
        Assert.False((await GetAsync(admin, $"/{tenant}/{Api}/scenarios/{storm}/readiness")).GetProperty("alertingListUnconfirmed").GetBoolean());
        var map = await GetAsync(admin, $"/{tenant}/{Api}/map");
        Assert.Equal("OutOfService", map.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == fleet[0]).GetProperty("availability").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_saved()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var resources = await CountAsync(admin, tenant, "resources");
        async Task<JsonElement> RefusedAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        }
        Assert.Contains("negatīv", (await RefusedAsync(await admin.PostAsJsonAsync($"/{tenant}/{Api}/resources", Resource("Minus", quantity: -2), Ct))).GetProperty("quantity")[0].GetString());
        Assert.Contains("Nav resursa tipa", (await RefusedAsync(await admin.PostAsJsonAsync($"/{tenant}/{Api}/resources", Resource("Cepelīns", type: "transport.zeppelin"), Ct))).GetProperty("type")[0].GetString());
        Assert.Contains("confirmOutsideLatvia", (await RefusedAsync(await admin.PostAsJsonAsync($"/{tenant}/{Api}/resources", Resource("Viļņā", lat: 54.68, lon: 25.28), Ct))).GetProperty("latitude")[0].GetString());
        Assert.Equal(resources, await CountAsync(admin, tenant, "resources"));
        // Confirmed, the same coordinates are kept.
        var lithuania = await JsonApi.CreatedAsync(admin, $"/{tenant}/{Api}/resources", Resource("Autobuss Viļņā", lat: 54.68, lon: 25.28, confirm: true));
        Assert.Equal(54.68, lithuania.GetProperty("latitude").GetDouble());

        var flood = await ScenarioAsync(admin, tenant, "Flood");
        var scenario = await GetAsync(admin, $"/{tenant}/{Api}/scenarios/{flood}");
        var shelter = scenario.GetProperty("routes")[0].GetProperty("toShelterId").GetGuid();
        object Input(object polygon, object requirement, object waypoints) => new
        {
            name = "Jauns scenārijs", type = "Flood",
            areas = new[] { new { name = "A", population = 10, polygon } },
            requirements = new[] { requirement },
            alertingList = new[] { new { name = "Dežurants", role = "Vadība", phone = "+371 1" } },
            routes = new[] { new { name = "R", fromArea = "A", toShelterId = shelter, capacityNeeded = 5, waypoints } },
        };
        object P(double lat, double lon) => new { lat, lon };
        var square = new[] { P(56.93, 24.16), P(56.93, 24.19), P(56.91, 24.19), P(56.91, 24.16), P(56.93, 24.16) };
        var good = new { type = "transport.bus.50", quantity = 2 };
        var route = new[] { P(56.92, 24.17), P(56.93, 24.18) };
        var scenarios = await CountAsync(admin, tenant, "scenarios");
        var open = await RefusedAsync(await admin.PostAsJsonAsync($"/{tenant}/{Api}/scenarios", Input(square[..4], good, route), Ct));
        Assert.Contains("nav noslēgts", open.GetProperty("areas[0].polygon")[0].GetString());
        var bowTie = new[] { P(56.93, 24.16), P(56.93, 24.19), P(56.91, 24.16), P(56.91, 24.19), P(56.93, 24.16) };
        Assert.Contains("malas krustojas", (await RefusedAsync(await admin.PostAsJsonAsync($"/{tenant}/{Api}/scenarios", Input(bowTie, good, route), Ct))).GetProperty("areas[0].polygon")[0].GetString());
        Assert.Contains("Nav resursa tipa", (await RefusedAsync(await admin.PostAsJsonAsync($"/{tenant}/{Api}/scenarios", Input(square, new { type = "x.y", quantity = 1 }, route), Ct))).GetProperty("requirements[0].type")[0].GetString());
        Assert.Contains("negatīv", (await RefusedAsync(await admin.PostAsJsonAsync($"/{tenant}/{Api}/scenarios", Input(square, new { type = "transport.bus.50", quantity = -1 }, route), Ct))).GetProperty("requirements[0].quantity")[0].GetString());
        Assert.Contains("vismaz divus punktus", (await RefusedAsync(await admin.PostAsJsonAsync($"/{tenant}/{Api}/scenarios", Input(square, good, route[..1]), Ct))).GetProperty("routes[0].waypoints")[0].GetString());
        // A changed scenario that fails keeps what it had: areas, routes and alerting list.
        Assert.Contains("malas krustojas", (await RefusedAsync(await admin.PutAsJsonAsync($"/{tenant}/{Api}/scenarios/{flood}", Input(bowTie, good, route), Ct))).GetProperty("areas[0].polygon")[0].GetString());
        Assert.Equal(scenarios, await CountAsync(admin, tenant, "scenarios"));
        Assert.Equal(scenario.GetRawText(), (await GetAsync(admin, $"/{tenant}/{Api}/scenarios/{flood}")).GetRawText());
        var created = await JsonApi.CreatedAsync(admin, $"/{tenant}/{Api}/scenarios", Input(square, good, route));
        Assert.Equal(2, created.GetProperty("routes")[0].GetProperty("waypoints").GetArrayLength());
    }

    [Fact]
    public async Task An_exercise_commits_resources_and_its_release_makes_them_available_again_with_dated_history()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var generators = (await GetAsync(admin, $"/{tenant}/{Api}/resources?type=energy.generator.20")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Take(2).ToArray();
        var storm = await ScenarioAsync(admin, tenant, "Storm");
        var exercise = await JsonApi.CreatedAsync(admin, $"/{tenant}/{Api}/commitments", new { name = "Mācības \"Vētra 2026\"", kind = "Exercise", scenarioId = storm, resources = generators });
        var readiness = await GetAsync(admin, $"/{tenant}/{Api}/scenarios/{storm}/readiness");
        Assert.Equal(2, readiness.GetProperty("resources").EnumerateArray().Single(l => l.GetProperty("type").GetString() == "energy.generator.20").GetProperty("committed").GetInt32());
        // A committed resource is neither committed twice nor marked by hand.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/{tenant}/{Api}/commitments", new { name = "Otrreiz", kind = "Event", resources = generators }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/{tenant}/{Api}/resources/{generators[0]}/availability", new { availability = "Available" }, Ct)).StatusCode);
        var released = await admin.PostAsync($"/{tenant}/{Api}/commitments/{exercise.GetProperty("id").GetGuid()}/release", null, Ct);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/{tenant}/{Api}/commitments/{exercise.GetProperty("id").GetGuid()}/release", null, Ct)).StatusCode);
        var history = await GetAsync(admin, $"/{tenant}/{Api}/resources/{generators[0]}/history");
        Assert.Equal(new[] { "Available", "Committed", "Available" }, history.EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.All(history.EnumerateArray().Skip(1), h => Assert.Equal(exercise.GetProperty("id").GetGuid(), h.GetProperty("commitmentId").GetGuid()));
        var audit = (await GetAsync(admin, $"/{tenant}/api/admin/audit")).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("civil-protection.committed", audit);
        Assert.Contains("civil-protection.released", audit);
    }

    [Fact]
    public async Task Reading_an_alerting_list_and_every_export_are_audited_with_who_and_which()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var member = await host.UserClientAsync(tenant, $"komisija-{Guid.NewGuid():N}@riga.lv", "Civilās aizsardzības komisija");
        var flood = await ScenarioAsync(member, tenant, "Flood");
        var list = await GetAsync(member, $"/{tenant}/{Api}/scenarios/{flood}/alerting-list");
        Assert.Equal(5, list.GetProperty("entries").GetArrayLength());
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, list.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("order").GetInt32()));
        // The scenario itself does not carry the list.
        Assert.False((await GetAsync(member, $"/{tenant}/{Api}/scenarios/{flood}")).TryGetProperty("alertingList", out _));
        var csv = await member.GetAsync($"/{tenant}/{Api}/scenarios/{flood}/resources.csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("type,typeName,capability,resource,quantity,availability", rows[0].TrimStart('\uFEFF'));
        Assert.Contains(rows, r => r.StartsWith("transport.bus.50,", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.StartsWith("energy.", StringComparison.Ordinal));
        var geo = await GetAsync(member, $"/{tenant}/{Api}/scenarios/{flood}/geojson");
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var polygon = geo.GetProperty("features").EnumerateArray().First(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Polygon");
        var ring = polygon.GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.Equal(ring[0].GetRawText(), ring[ring.GetArrayLength() - 1].GetRawText());
        Assert.True(ring[0][0].GetDouble() is > 20 and < 29, "GeoJSON positions are [lon, lat]");
        Assert.Contains(geo.GetProperty("features").EnumerateArray(), f => f.GetProperty("geometry").GetProperty("type").GetString() == "LineString");
        Assert.Contains(geo.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("layer").GetString() == "resource");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/{tenant}/{Api}/scenarios/{flood}/cap", Ct)).StatusCode);

        var entries = (await GetAsync(admin, $"/{tenant}/api/admin/audit")).EnumerateArray().ToList();
        var read = entries.First(e => e.GetProperty("action").GetString() == "civil-protection.alerting-list.read");
        Assert.Equal(flood.ToString(), read.GetProperty("subject").GetString());
        Assert.StartsWith("komisija-", read.GetProperty("actor").GetString());
        var formats = entries.Where(e => e.GetProperty("action").GetString() == "civil-protection.exported")
            .Select(e => JsonDocument.Parse(e.GetProperty("details").GetString()!).RootElement.GetProperty("format").GetString()).ToList();
        Assert.Equal(new[] { "cap", "csv", "geojson" }, formats.Order());
    }

    [Fact]
    public async Task Every_scenarios_CAP_alert_validates_against_the_OASIS_schema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add("urn:oasis:names:tc:emergency:cap:1.2", Path.Combine(AppContext.BaseDirectory, "Modules", "CivilProtection", "CAP-v1.2.xsd"));
        var admin = await host.AdminClientAsync("riga");
        var scenarios = (await GetAsync(admin, $"/riga/{Api}/scenarios")).EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, scenarios.Count);
        foreach (var id in scenarios)
            foreach (var status in new[] { "Actual", "Exercise", "Test" })
            {
                var response = await admin.GetAsync($"/riga/{Api}/scenarios/{id}/cap?status={status}", Ct);
                Assert.Equal("application/cap+xml", response.Content.Headers.ContentType?.MediaType);
                var alert = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
                var problems = new List<string>();
                alert.Validate(schemas, (_, e) => problems.Add(e.Message));
                Assert.True(problems.Count == 0, string.Join("\n", problems));
                XNamespace cap = "urn:oasis:names:tc:emergency:cap:1.2";
                Assert.Equal(status, alert.Root!.Element(cap + "status")!.Value);
                Assert.Equal("Restricted", alert.Root.Element(cap + "scope")!.Value);
                var info = alert.Root.Element(cap + "info")!;
                Assert.Equal("lv-LV", info.Element(cap + "language")!.Value);
                var polygon = info.Element(cap + "area")!.Element(cap + "polygon")!.Value.Split(' ');
                Assert.True(polygon.Length >= 4);
                Assert.Equal(polygon[0], polygon[^1]);
            }
        // A scenario that does not exist has no alert.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/riga/{Api}/scenarios/{Guid.NewGuid()}/cap", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_public_shelter_publishes_only_that_point()
    {
        var anonymous = host.AnonymousClient();
        var shelters = await GetAsync(anonymous, $"/riga/api/public/shelters");
        var names = shelters.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("Arēna Rīga", names);
        Assert.DoesNotContain("Rīgas Valsts 1. ģimnāzija", names);
        var arena = shelters.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Arēna Rīga");
        Assert.Equal(new[] { "accessible", "address", "capacity", "id", "kind", "latitude", "longitude", "name", "whatToBring" }, arena.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task The_contact_of_a_resource_whose_check_falls_due_is_reminded_in_the_workplace_once_and_a_check_ends_it()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var contact = $"noliktava-{Guid.NewGuid():N}@riga.lv";
        var checker = await host.UserClientAsync(tenant, contact, "Civilās aizsardzības speciālists");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Ģenerators noliktavā", ["type"] = "energy.generator.20", ["quantity"] = 1, ["ownerKind"] = "MunicipalUnit", ["owner"] = "Rīgas namu pārvaldnieks",
            ["contactName"] = "Noliktavas pārzinis", ["contactEmail"] = contact, ["lastChecked"] = today.AddDays(-200).ToString("yyyy-MM-dd"), ["checkIntervalDays"] = 180,
        };
        var generator = (await JsonApi.CreatedAsync(admin, $"/{tenant}/{Api}/resources", body)).GetProperty("id").GetGuid();
        var dispatcher = host.Services.GetRequiredService<Workbench.Platform.Notifications.ReminderDispatcher>();
        var info = host.Services.GetRequiredService<Workbench.Platform.Tenants.TenantRegistry>().Find(tenant)!.Info!;
        await dispatcher.RunAsync(info, Ct);
        await dispatcher.RunAsync(info, Ct);
        var mine = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<Workbench.Platform.Data.PlatformDbContext>().Notifications.Where(n => n.Recipient == contact).ToListAsync(Ct));
        var reminder = Assert.Single(mine);
        Assert.Equal($"admin/civil-protection/resources/{generator}", reminder.Url);
        Assert.Contains("Ģenerators noliktavā", reminder.Text);
        Assert.Contains("nokavēta", reminder.Text);
        Assert.Contains("Ģenerators noliktavā", System.Net.WebUtility.HtmlDecode(await checker.GetStringAsync($"/{tenant}/admin/notifications", Ct)));
        // Checked today: the next check is months away, so no new reminder.
        (await checker.PostAsJsonAsync($"/{tenant}/{Api}/resources/{generator}/checked", new { }, Ct)).EnsureSuccessStatusCode();
        await dispatcher.RunAsync(info, Ct);
        Assert.Single(await host.InTenantAsync(tenant, sp => sp.GetRequiredService<Workbench.Platform.Data.PlatformDbContext>().Notifications.Where(n => n.Recipient == contact).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Leaflet_is_served_from_the_host_and_the_map_always_has_its_plot_and_tables()
    {
        var admin = await host.AdminClientAsync("riga");
        var script = await host.AnonymousClient().GetAsync("/riga/civil-protection/lib/leaflet/leaflet.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Leaflet", await script.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync("/riga/civil-protection/lib/leaflet/../../appsettings.json", Ct)).StatusCode);
        var map = await admin.GetStringAsync("/riga/admin/civil-protection/map", Ct);
        foreach (var part in new[] { "<svg viewBox", "id=\"layer-resources\"", "id=\"layer-shelters\"", "id=\"layer-areas\"", "id=\"layer-routes\"" })
            Assert.Contains(part, map);
        // No tile URL configured: no Leaflet on the page, nothing fetched from elsewhere.
        Assert.DoesNotContain("leaflet.js", map);
        Assert.DoesNotContain("http", map.Split("<main")[1].Split("</main>")[0].Replace("http://www.w3.org/2000/svg", ""), StringComparison.Ordinal);

        // With a tile URL, the page loads Leaflet from the host and hands it the same layers; the plot stays as the fallback.
        await using var tiled = new WorkbenchFactory { Settings = { ["Workbench:CivilProtection:TileUrl"] = "/tiles/{z}/{x}/{y}.png" } };
        await tiled.StartAsync();
        var leaflet = await (await tiled.AdminClientAsync("riga")).GetStringAsync("/riga/admin/civil-protection/map", Ct);
        Assert.Contains("src=\"/riga/civil-protection/lib/leaflet/leaflet.js\"", leaflet);
        Assert.Contains("data-tiles=\"/tiles/{z}/{x}/{y}.png\"", leaflet);
        Assert.Contains("<script type=\"application/json\" id=\"cp-layers\">{\"resources\":[", leaflet);
        Assert.Contains("<svg viewBox", leaflet);
    }

    [Fact]
    public async Task The_specialist_registers_a_resource_and_commits_it_to_an_exercise_from_the_pages()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var specialist = await host.UserClientAsync(tenant, $"speciaiste-{Guid.NewGuid():N}@riga.lv", "Civilās aizsardzības speciālists");
        // The page's form as a browser posts it: its anti-forgery token, its handler.
        async Task<HttpResponseMessage> PostAsync(string page, string handler, IEnumerable<KeyValuePair<string, string>> fields, string? query = null)
        {
            var token = Forms.AntiforgeryToken(await specialist.GetStringAsync($"/{tenant}/{page}", Ct));
            return await specialist.PostAsync($"/{tenant}/{page}?handler={handler}{query}",
                new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))), Ct);
        }
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Ūdens sūknis Honda WT40 (rezerve)", ["Input.Type"] = "publicworks.pump.1000", ["Input.Quantity"] = "-1", ["Input.OwnerKind"] = "MunicipalUnit",
            ["Input.Owner"] = "Rīgas namu pārvaldnieks", ["Input.ContactName"] = "Jānis Liepiņš", ["Input.ContactEmail"] = "janis.liepins@riga.lv", ["Input.CheckIntervalDays"] = "180",
        };
        var refused = await PostAsync("admin/civil-protection/resources", "Create", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("quantity: Daudzums nevar būt negatīvs", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));
        Assert.DoesNotContain((await GetAsync(specialist, $"/{tenant}/{Api}/resources")).EnumerateArray(), r => r.GetProperty("name").GetString() == fields["Input.Name"]);
        fields["Input.Quantity"] = "2";
        var created = await PostAsync("admin/civil-protection/resources", "Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var pump = (await GetAsync(specialist, $"/{tenant}/{Api}/resources?type=publicworks.pump.1000")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == fields["Input.Name"]);
        Assert.Equal(2, pump.GetProperty("quantity").GetInt32());

        var commit = await PostAsync("admin/civil-protection/commitments", "Commit",
            [new("Name", "Mācības \"Pali 2027\""), new("Kind", "Exercise"), new("Resources", pump.GetProperty("id").GetString()!)]);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.Equal("Committed", (await GetAsync(specialist, $"/{tenant}/{Api}/resources/{pump.GetProperty("id").GetGuid()}")).GetProperty("availability").GetString());
        var exercise = (await GetAsync(specialist, $"/{tenant}/{Api}/commitments")).EnumerateArray().Single();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("admin/civil-protection/commitments", "Release", [], $"&commitment={exercise.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal("Available", (await GetAsync(specialist, $"/{tenant}/{Api}/resources/{pump.GetProperty("id").GetGuid()}")).GetProperty("availability").GetString());
        Assert.NotNull((await GetAsync(specialist, $"/{tenant}/{Api}/commitments")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == exercise.GetProperty("id").GetGuid()).GetProperty("releasedUtc").GetString());
    }
}
