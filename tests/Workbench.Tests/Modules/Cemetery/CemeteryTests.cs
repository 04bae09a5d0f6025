using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Abstractions.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.Cemetery;

/// <summary>The cemetery register over its REST API, on SQLite and PostgreSQL: the recipe's demo register, sites, burials, use rights, refusals.</summary>
public sealed class CemeteryTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> TenantAsync(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? await host.CreateTenantAsync("smiltene", provider, Postgres.Database("wb_cem_" + Guid.NewGuid().ToString("N")[..10]))
        : await host.CreateTenantAsync("smiltene");

    private static async Task<Guid> CemeteryAsync(HttpClient admin, string tenant, object? rules = null)
    {
        var body = JsonSerializer.SerializeToElement(rules ?? new { });
        var input = new Dictionary<string, object?> { ["name"] = "Pārbaudes kapi " + Guid.NewGuid().ToString("N")[..6], ["slotMinutes"] = 120, ["dayStart"] = "10:00:00", ["dayEnd"] = "16:00:00" };
        foreach (var property in body.EnumerateObject()) input[property.Name] = property.Value;
        return (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries", input)).GetProperty("id").GetGuid();
    }

    private static async Task<Dictionary<string, Guid>> RangeAsync(HttpClient admin, string tenant, Guid cemetery, string from, string to, string type = "Single", int capacity = 1)
    {
        var created = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries/{cemetery}/sites/range", new { from, to, type, capacity, grid = new { x = 10, y = 10 } });
        return created.GetProperty("sites").EnumerateArray().ToDictionary(s => s.GetProperty("number").GetString()!, s => s.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Smiltene_has_two_cemeteries_with_over_500_placed_sites_800_burials_and_use_rights_ending_soon()
    {
        var admin = await host.AdminClientAsync("smiltene");
        var cemeteries = (await admin.GetFromJsonAsync<JsonElement>("/smiltene/api/cemeteries", Ct)).EnumerateArray().ToList();
        Assert.Equal(["Smiltenes Meža kapi", "Smiltenes Vecie kapi"], cemeteries.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("PartlyClosed", cemeteries[1].GetProperty("status").GetString());
        var sites = 0;
        var placed = 0;
        var burials = 0;
        foreach (var cemetery in cemeteries.Select(c => c.GetProperty("id").GetGuid()))
        {
            var list = (await admin.GetFromJsonAsync<JsonElement>($"/smiltene/api/cemeteries/{cemetery}/sites", Ct)).EnumerateArray().ToList();
            sites += list.Count;
            placed += list.Count(s => s.GetProperty("polygon").ValueKind == JsonValueKind.Array);
            burials += (await admin.GetFromJsonAsync<JsonElement>($"/smiltene/api/burials?cemeteryId={cemetery}", Ct)).GetArrayLength();
        }
        Assert.True(placed >= 500, $"{placed} placed sites");
        Assert.True(sites > placed, "a few sites have no scheme position (a data-quality problem on purpose)");
        // 800 generated and one probable duplicate person on purpose (each cemetery's list holds at most 500).
        Assert.Equal(500 + 301, burials);
        var expiring = await admin.GetFromJsonAsync<JsonElement>("/smiltene/api/cemetery/use-rights?expiringWithinDays=60", Ct);
        Assert.True(expiring.GetArrayLength() >= 5, $"{expiring.GetArrayLength()} use rights end within 60 days");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Sites_are_created_by_range_and_placed_and_a_clash_or_a_bad_outline_is_refused_with_nothing_saved(DatabaseProvider provider)
    {
        var tenant = await TenantAsync(provider);
        var admin = await host.AdminClientAsync(tenant);
        var cemetery = await CemeteryAsync(admin, tenant);
        var sites = await RangeAsync(admin, tenant, cemetery, "1A-1", "3C-6");
        Assert.Equal(54, sites.Count);
        var listed = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemeteries/{cemetery}/sites", Ct)).EnumerateArray().ToList();
        Assert.Equal("1A-1", listed[0].GetProperty("number").GetString());
        Assert.Equal(("2", "B"), (listed.Single(s => s.GetProperty("number").GetString() == "2B-4").GetProperty("section").GetString(), listed.Single(s => s.GetProperty("number").GetString() == "2B-4").GetProperty("row").GetString()));

        // An overlapping range names the clash and creates nothing, not even the new numbers in it.
        var clash = await admin.PostAsJsonAsync($"/{tenant}/api/cemeteries/{cemetery}/sites/range", new { from = "3C-5", to = "3C-9" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("3C-5", await clash.Content.ReadAsStringAsync(Ct));
        Assert.Equal(54, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemeteries/{cemetery}/sites", Ct)).GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/{tenant}/api/cemeteries/{cemetery}/sites", new { number = "1A-1" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/{tenant}/api/cemeteries/{cemetery}/sites/range", new { from = "3A-1", to = "1A-1" }, Ct)).StatusCode);

        var badOutline = await admin.PutAsJsonAsync($"/{tenant}/api/cemetery/sites/{sites["1A-1"]}/polygon", new { polygon = new[] { new[] { 0.0, 0.0 }, new[] { 5.0, 5.0 } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badOutline.StatusCode);
        Assert.Contains("no 3 līdz 100 punktiem", await badOutline.Content.ReadAsStringAsync(Ct));
        var moved = await admin.PutAsJsonAsync($"/{tenant}/api/cemetery/sites/{sites["1A-1"]}/polygon", new { polygon = new[] { new[] { 500.0, 500.0 }, new[] { 540.0, 500.0 }, new[] { 540.0, 560.0 }, new[] { 500.0, 560.0 } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var single = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries/{cemetery}/sites", new { number = "K-1", type = "Columbarium" });
        Assert.Equal((2, JsonValueKind.Null), (single.GetProperty("capacity").GetInt32(), single.GetProperty("polygon").ValueKind));
        var invalid = await admin.PostAsJsonAsync($"/{tenant}/api/cemeteries/{cemetery}/sites", new { number = "", capacity = 99 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("number", out _) && errors.TryGetProperty("capacity", out _));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Burials_keep_capacity_reuse_status_types_and_slots_and_a_refusal_says_why_and_saves_nothing(DatabaseProvider provider)
    {
        var tenant = await TenantAsync(provider);
        var admin = await host.AdminClientAsync(tenant);
        var cemetery = await CemeteryAsync(admin, tenant, new { reuseYears = 20, urnsIntoOccupied = false });
        var sites = await RangeAsync(admin, tenant, cemetery, "1A-1", "1A-3", "Family", 2);
        var site = sites["1A-1"];
        object Burial(Guid siteId, string family, string date, string? slot = null, string type = "Coffin") =>
            new { siteId, givenName = "Jānis", familyName = family, burialDate = date, slotStart = slot, type, deathDate = "1999-01-02" };

        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", Burial(site, "Bērziņš", "2000-03-01"));
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", Burial(site, "Kalniņš", "2010-03-01"));
        var full = await admin.PostAsJsonAsync($"/{tenant}/api/burials", Burial(site, "Ozols", "2015-03-01"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        var reason = await full.Content.ReadAsStringAsync(Ct);
        Assert.Contains("2 no 2 vietām aizņemtas", reason);
        Assert.Contains("01.03.2020", reason);
        var urn = await admin.PostAsJsonAsync($"/{tenant}/api/burials", Burial(site, "Ozols", "2015-03-01", type: "Urn"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, urn.StatusCode);
        // Twenty years after the first burial its place may be used again.
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", Burial(site, "Ozols", "2020-03-01"));
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/burials?siteId={site}", Ct)).GetArrayLength());
        Assert.Equal("Occupied", (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/sites/{site}", Ct)).GetProperty("site").GetProperty("state").GetString());
        // The public search runs in the database on both engines: name keys, years, cemetery.
        var found = await host.AnonymousClient().GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/search?name=janis%20berzina&from=1999&to=1999&cemeteryId={cemetery}", Ct);
        Assert.Equal((1, "1A-1"), (found.GetProperty("total").GetInt32(), found.GetProperty("hits")[0].GetProperty("siteNumber").GetString()));
        Assert.Equal(0, (await host.AnonymousClient().GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/search?name=berzins&from=2000&cemeteryId={cemetery}", Ct)).GetProperty("total").GetInt32());

        var wrongDates = await admin.PostAsJsonAsync($"/{tenant}/api/burials", new { siteId = sites["1A-2"], familyName = "Liepa", burialDate = "2001-01-01", deathDate = "2001-02-01", birthDate = "2002-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongDates.StatusCode);
        var fields = (await wrongDates.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(fields.TryGetProperty("burialDate", out _) && fields.TryGetProperty("deathDate", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/{tenant}/api/burials", Burial(Guid.NewGuid(), "Liepa", "2001-01-01"), Ct)).StatusCode);

        // Bookings: one per slot and cemetery; the day view shows who is buried where.
        var day = DateTime.UtcNow.Date.AddDays(3).ToString("yyyy-MM-dd");
        var booked = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", Burial(sites["1A-2"], "Vītols", day, "12:00:00"));
        var overlap = await admin.PostAsJsonAsync($"/{tenant}/api/burials", Burial(sites["1A-3"], "Priede", day, "12:00:00"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Contains("jau ir apbedīšana", await overlap.Content.ReadAsStringAsync(Ct));
        var offGrid = await admin.PostAsJsonAsync($"/{tenant}/api/burials", Burial(sites["1A-3"], "Priede", day, "11:00:00"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, offGrid.StatusCode);
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/burials", Burial(sites["1A-3"], "Priede", day, "14:00:00"));
        var schedule = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemeteries/{cemetery}/schedule?date={day}", Ct);
        var slots = schedule.GetProperty("slots").EnumerateArray().ToList();
        Assert.Equal(["10:00:00", "12:00:00", "14:00:00"], slots.Select(s => s.GetProperty("start").GetString()));
        Assert.Equal((JsonValueKind.Null, "1A-2", "1A-3"), (slots[0].GetProperty("siteNumber").ValueKind, slots[1].GetProperty("siteNumber").GetString(), slots[2].GetProperty("siteNumber").GetString()));
        Assert.Equal(booked.GetProperty("id").GetGuid(), slots[1].GetProperty("burialId").GetGuid());

        // A closed cemetery takes nobody; one that takes urns only refuses a coffin.
        var closed = await CemeteryAsync(admin, tenant, new { status = "Closed" });
        var closedSite = (await RangeAsync(admin, tenant, closed, "1A-1", "1A-1"))["1A-1"];
        var refused = await admin.PostAsJsonAsync($"/{tenant}/api/burials", Burial(closedSite, "Lācis", "2024-01-01"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("ir slēgta apbedīšanai", await refused.Content.ReadAsStringAsync(Ct));
        var urnsOnly = await CemeteryAsync(admin, tenant, new { allowsCoffins = false });
        var urnSite = (await RangeAsync(admin, tenant, urnsOnly, "1A-1", "1A-1"))["1A-1"];
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/{tenant}/api/burials", Burial(urnSite, "Lācis", "2024-01-01"), Ct)).StatusCode);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/burials?cemeteryId={closed}", Ct)).GetArrayLength());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Use_rights_are_granted_renewed_transferred_and_paid_with_their_history_kept(DatabaseProvider provider)
    {
        var tenant = await TenantAsync(provider);
        var admin = await host.AdminClientAsync(tenant);
        var cemetery = await CemeteryAsync(admin, tenant);
        var site = (await RangeAsync(admin, tenant, cemetery, "1A-1", "1A-1", "Family", 4))["1A-1"];
        var right = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemetery/use-rights", new
        {
            siteId = site, holderName = "Inese Kalniņa", holderCode = "120365-10203", holderEmail = "inese@example.lv", start = "2020-01-01", end = "2030-12-31",
            fees = new[] { new { description = "Uzturēšanas maksa 2026", amount = 25.50m, dueDate = "2026-03-01" } },
        });
        var id = right.GetProperty("id").GetGuid();
        Assert.Equal("Overdue", right.GetProperty("fees")[0].GetProperty("status").GetString());
        Assert.Equal("Reserved", (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/sites/{site}", Ct)).GetProperty("site").GetProperty("state").GetString());

        var second = await admin.PostAsJsonAsync($"/{tenant}/api/cemetery/use-rights", new { siteId = site, holderName = "Cits", start = "2025-01-01", end = "2026-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Inese Kalniņa", await second.Content.ReadAsStringAsync(Ct));
        var backwards = await admin.PostAsJsonAsync($"/{tenant}/api/cemetery/use-rights", new { siteId = site, holderName = "Cits", start = "2025-01-01", end = "2024-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);

        var fee = right.GetProperty("fees")[0].GetProperty("id").GetGuid();
        var paid = await admin.PostAsJsonAsync($"/{tenant}/api/cemetery/fees/{fee}/pay", new { paidOn = "2026-02-20" }, Ct);
        Assert.Equal("Paid", (await paid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/{tenant}/api/cemetery/fees/{fee}/pay", new { paidOn = "2026-02-21" }, Ct)).StatusCode);

        var renewed = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemetery/use-rights/{id}/renew", new { end = "2040-12-31", fees = new[] { new { description = "Pagarināšana", amount = 40m, dueDate = "2031-01-31" } } });
        Assert.Equal(("2031-01-01", "2040-12-31", id), (renewed.GetProperty("start").GetString(), renewed.GetProperty("end").GetString(), renewed.GetProperty("previousId").GetGuid()));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/{tenant}/api/cemetery/use-rights/{id}/renew", new { end = "2050-01-01" }, Ct)).StatusCode);
        var outside = await admin.PostAsJsonAsync($"/{tenant}/api/cemetery/use-rights/{renewed.GetProperty("id").GetGuid()}/transfer", new { holderName = "Pēteris Kalniņš", on = "2045-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var transferred = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemetery/use-rights/{renewed.GetProperty("id").GetGuid()}/transfer", new { holderName = "Pēteris Kalniņš", on = "2035-06-01" });
        Assert.Equal(("Pēteris Kalniņš", "2035-06-01", "2040-12-31"), (transferred.GetProperty("holderName").GetString(), transferred.GetProperty("start").GetString(), transferred.GetProperty("end").GetString()));
        // The renewal's unpaid fee follows the site to the new holder.
        Assert.Equal("Pagarināšana", transferred.GetProperty("fees")[0].GetProperty("description").GetString());

        var history = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/use-rights?siteId={site}", Ct)).EnumerateArray().ToList();
        Assert.Equal(["Renewed", "Transferred", "Active"], history.OrderBy(h => h.GetProperty("start").GetString()).Select(h => h.GetProperty("state").GetString()));
        Assert.Equal("2035-05-31", history.Single(h => h.GetProperty("state").GetString() == "Transferred").GetProperty("end").GetString());
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent Form(byte[] content, string name)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        form.Add(new StringContent("Pēc apsekošanas"), "caption");
        return form;
    }

    [Fact]
    public async Task A_plan_and_site_photos_must_be_images_and_are_kept_in_the_file_store_and_drawn_under_the_scheme()
    {
        var tenant = await TenantAsync(DatabaseProvider.Sqlite);
        var admin = await host.AdminClientAsync(tenant);
        var cemetery = await CemeteryAsync(admin, tenant);
        var site = (await RangeAsync(admin, tenant, cemetery, "1A-1", "1A-2"))["1A-1"];
        // A text file named like a picture is not a picture: refused, and the cemetery keeps no plan.
        var fake = await admin.PostAsync($"/{tenant}/api/cemeteries/{cemetery}/plan", Form("nav attēls"u8.ToArray(), "plans.png"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("Fails nav attēls", await fake.Content.ReadAsStringAsync(Ct));
        Assert.Equal(JsonValueKind.Null, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemeteries/{cemetery}", Ct)).GetProperty("planSha256").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync($"/{tenant}/api/cemeteries/{cemetery}/plan", Ct)).StatusCode);

        var uploaded = await admin.PostAsync($"/{tenant}/api/cemeteries/{cemetery}/plan", Form(Png, "plans.bin"), Ct);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var sha = (await uploaded.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("planSha256").GetString();
        Assert.Equal(Workbench.Abstractions.Files.FileAddress.Of(Png), sha);
        var plan = await host.AnonymousClient().GetAsync($"/{tenant}/api/cemeteries/{cemetery}/plan", Ct);
        Assert.Equal("image/png", plan.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await plan.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains($"/{tenant}/api/cemeteries/{cemetery}/plan", await admin.GetStringAsync($"/{tenant}/api/cemeteries/{cemetery}/scheme.svg", Ct));

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/{tenant}/api/cemetery/sites/{site}/photos", Form([1, 2, 3], "foto.jpg"), Ct)).StatusCode);
        var photo = await admin.PostAsync($"/{tenant}/api/cemetery/sites/{site}/photos", Form(Png, "foto.png"), Ct);
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        var photos = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/sites/{site}/photos", Ct);
        Assert.Equal(("Pēc apsekošanas", 1), (photos[0].GetProperty("caption").GetString(), photos.GetArrayLength()));
        Assert.Equal(Png, await admin.GetByteArrayAsync($"/{tenant}/{photos[0].GetProperty("url").GetString()}", Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AnonymousClient().GetAsync($"/{tenant}/{photos[0].GetProperty("url").GetString()}", Ct)).StatusCode);
    }
}
