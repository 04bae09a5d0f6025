using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Search;

namespace Workbench.Tests.Modules.ServiceCards;

public sealed class ServiceCardTests(HostFixture host)
{
    private static object Card(string identifier, string name, bool withChannel = true) => new
    {
        identifier,
        name,
        shortDescription = "Pieteikums suņa reģistrācijai pašvaldībā.",
        owner = "Testa pašvaldība",
        channels = withChannel ? new[] { "EService", "InPerson" } : [],
        eServiceUrl = "https://e-pakalpojumi.example.lv/suni",
        themes = new[] { "Dzīvnieki" },
        lifeSituations = new[] { "Mājdzīvnieka iegāde" },
        costs = new[] { new { description = "Reģistrācijas nodeva", amountEur = 5.0, free = false } },
    };

    private async Task<(string Tenant, HttpClient Editor, HttpClient Reviewer)> TenantWithEditorAndReviewerAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("ventspils");
        var admin = await host.AdminClientAsync(tenant);
        foreach (var (email, role) in new[] { ("redaktore@example.lv", "Editor"), ("recenzents@example.lv", "Recenzents") })
            (await admin.PostAsJsonAsync($"/{tenant}/api/admin/users", new { email, password = "Parole-Testam-123", roles = new[] { role } }, ct)).EnsureSuccessStatusCode();
        async Task<HttpClient> SignIn(string email)
        {
            var client = host.AnonymousClient();
            (await client.PostAsJsonAsync($"/{tenant}/api/session", new { email, password = "Parole-Testam-123" }, ct)).EnsureSuccessStatusCode();
            return client;
        }
        return (tenant, await SignIn("redaktore@example.lv"), await SignIn("recenzents@example.lv"));
    }

    [Fact]
    public async Task Submitting_a_card_starts_a_workflow_which_waits_for_its_publication()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tenant, editor, reviewer) = await TenantWithEditorAndReviewerAsync();
        var admin = await host.AdminClientAsync(tenant);
        const string review = """
            {"name": "card-review", "title": "Kartītes pārskatīšana", "start": {"event": "service-card.submitted"}, "startActivity": "wait",
             "activities": [{"id": "wait", "type": "wait-for-signal", "properties": {"signal": "service-card.published"}},
                            {"id": "note", "type": "set-field", "properties": {"field": "outcome", "value": "publicēta: {name}"}}, {"id": "end", "type": "end"}],
             "transitions": [{"from": "wait", "outcome": "signaled", "to": "note"}, {"from": "note", "outcome": "done", "to": "end"}]}
            """;
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/{tenant}/api/admin/workflows/types", new StringContent(review, Encoding.UTF8, "application/json"), ct)).StatusCode);
        var id = (await (await editor.PostAsJsonAsync($"/{tenant}/api/service-cards", Card("VP-SU-300", "Suņa reģistrācija"), ct)).Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        async Task<JsonElement> InstanceAsync()
        {
            await host.WorkflowEventsRunAsync(tenant);
            return Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances", ct)).EnumerateArray(),
                i => i.GetProperty("typeName").GetString() == "card-review" && i.GetProperty("correlationId").GetString() == id);
        }

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/{tenant}/api/service-cards/{id}/submit", null, ct)).StatusCode);
        var waiting = await InstanceAsync();
        Assert.Equal(("Waiting", "service-card", "service-card.published"),
            (waiting.GetProperty("status").GetString(), waiting.GetProperty("correlationType").GetString(), waiting.GetProperty("waitSignal").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/{tenant}/api/service-cards/{id}/approve", new { comment = "Labi" }, ct)).StatusCode);
        var finished = await InstanceAsync();
        Assert.Equal("Finished", finished.GetProperty("status").GetString());
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/workflows/instances/{finished.GetProperty("id").GetGuid()}", ct);
        Assert.Equal("publicēta: Suņa reģistrācija", detail.GetProperty("variables").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_card_goes_from_draft_through_review_to_the_public_and_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tenant, editor, reviewer) = await TenantWithEditorAndReviewerAsync();
        var anonymous = host.AnonymousClient();

        var created = await editor.PostAsJsonAsync($"/{tenant}/api/service-cards", Card("VP-SU-100", "Suņa reģistrācija"), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var card = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = card.GetProperty("id").GetString();
        Assert.Equal("Draft", card.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{tenant}/api/service-cards/{id}", ct)).StatusCode);
        Assert.Equal(0, (await SearchScenarios.SearchAsync(anonymous, tenant, "suns")).Total);
        Assert.Equal(1, (await SearchScenarios.SearchAsync(editor, tenant, "suns")).Total);

        // The editor cannot publish; only a reviewer can, after submission.
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync($"/{tenant}/api/service-cards/{id}/approve", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync($"/{tenant}/api/service-cards/{id}/approve", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/{tenant}/api/service-cards/{id}/submit", null, ct)).StatusCode);
        var approved = await reviewer.PostAsJsonAsync($"/{tenant}/api/service-cards/{id}/approve", new { comment = "Labi" }, ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // Residents see it, and find it with other grammatical cases.
        Assert.Equal("Suņa reģistrācija", (await anonymous.GetFromJsonAsync<JsonElement>($"/{tenant}/api/service-cards/{id}", ct)).GetProperty("name").GetString());
        foreach (var query in new[] { "suns", "suņu reģistrācijas", "sunu registracija", "reģistrācijai" })
            Assert.True((await SearchScenarios.SearchAsync(anonymous, tenant, query)).Total >= 1, query);
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/{tenant}/services/VP-SU-100", ct));
        Assert.Contains("Suņa reģistrācija", page);
        Assert.Contains("Reģistrācijas nodeva: 5.00 EUR", page.Replace(",", "."));

        // Editing prepares the next version; the published one stays online until approved again.
        (await editor.PutAsJsonAsync($"/{tenant}/api/service-cards/{id}", Card("VP-SU-100", "Suņa un kaķa reģistrācija"), ct)).EnsureSuccessStatusCode();
        Assert.Equal("Suņa reģistrācija", (await anonymous.GetFromJsonAsync<JsonElement>($"/{tenant}/api/service-cards/{id}", ct)).GetProperty("name").GetString());
        Assert.Equal("Draft", (await editor.GetFromJsonAsync<JsonElement>($"/{tenant}/api/service-cards/{id}", ct)).GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/{tenant}/api/service-cards/{id}/withdraw", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{tenant}/api/service-cards/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{tenant}/services/VP-SU-100", ct)).StatusCode);

        var versions = await editor.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/service-cards/{id}/versions", ct);
        Assert.Equal(["withdrawn", "saved", "published", "submitted", "created"], versions!.Select(v => v.GetProperty("action").GetString()));
        Assert.All(versions!, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("actor").GetString())));
    }

    [Fact]
    public async Task The_publication_rule_and_bad_input_are_refused_with_a_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tenant, editor, reviewer) = await TenantWithEditorAndReviewerAsync();
        var noChannel = await (await editor.PostAsJsonAsync($"/{tenant}/api/service-cards", Card("VP-X-1", "Bez kanāla", withChannel: false), ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = noChannel.GetProperty("id").GetString();
        await editor.PostAsync($"/{tenant}/api/service-cards/{id}/submit", null, ct);
        var refused = await reviewer.PostAsync($"/{tenant}/api/service-cards/{id}/approve", null, ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("kanāla", await refused.Content.ReadAsStringAsync(ct));

        var badEnum = await editor.PostAsync($"/{tenant}/api/service-cards", new StringContent("""{ "identifier": "VP-X-2", "name": "x", "channels": ["Pigeon"] }""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, badEnum.StatusCode);
        Assert.Contains("$.channels[0]", await badEnum.Content.ReadAsStringAsync(ct));
        var missing = await editor.PostAsJsonAsync($"/{tenant}/api/service-cards", new { identifier = "with space", eServiceUrl = "javascript:alert(1)" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadAsStringAsync(ct);
        Assert.Contains("identifier", problem);
        Assert.Contains("name", problem);
        Assert.Contains("eServiceUrl", problem);
        var duplicate = await editor.PostAsJsonAsync($"/{tenant}/api/service-cards", Card("VP-X-1", "Dublikāts"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync($"/{tenant}/api/service-cards/{Guid.NewGuid()}/submit", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync($"/{tenant}/api/service-cards", new { identifier = "VP-X-3", name = "Tūlīt publicēta", state = "Published" }, ct)).StatusCode);
    }

    [Fact]
    public async Task Riga_ships_a_published_catalogue_with_cpsv_ap_and_csv_exports()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = host.AnonymousClient();
        var cards = await anonymous.GetFromJsonAsync<List<JsonElement>>("/riga/api/service-cards", ct);
        Assert.True(cards!.Count >= 15);
        Assert.All(cards, c => Assert.Equal("Published", c.GetProperty("state").GetString()));

        var catalogue = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/riga/services?life=Bērna piedzimšana", ct));
        Assert.Contains("Bērna dzimšanas reģistrācija", catalogue);
        Assert.DoesNotContain("Būvatļaujas saņemšana", catalogue);

        var jsonLd = await anonymous.GetAsync("/riga/api/service-cards/cpsv", ct);
        Assert.Equal("application/ld+json", jsonLd.Content.Headers.ContentType!.MediaType);
        using var document = JsonDocument.Parse(await jsonLd.Content.ReadAsStringAsync(ct));
        var services = document.RootElement.GetProperty("@graph").EnumerateArray().ToList();
        Assert.Equal(cards.Count, services.Count);
        foreach (var service in services)
        {
            Assert.Equal("cpsv:PublicService", service.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrEmpty(service.GetProperty("dct:identifier").GetString()));
            Assert.False(string.IsNullOrEmpty(service.GetProperty("dct:title").GetProperty("@value").GetString()));
            Assert.False(string.IsNullOrEmpty(service.GetProperty("dct:description").GetProperty("@value").GetString()));
            Assert.Equal("cv:PublicOrganisation", service.GetProperty("cv:hasCompetentAuthority").GetProperty("@type").GetString());
        }
        Assert.Equal("http://data.europa.eu/m8g/", document.RootElement.GetProperty("@context").GetProperty("cv").GetString());

        var csv = await anonymous.GetByteArrayAsync("/riga/api/service-cards/export.csv", ct);
        var text = Encoding.UTF8.GetString(csv);
        Assert.StartsWith("\uFEFFid;identifier;name", text);
        Assert.Equal(cards.Count + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_catalogue_round_trips_through_csv_and_a_bad_file_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var exported = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/{tenant}/api/service-cards/export.csv", ct)).TrimStart('\uFEFF');
        var lines = exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        // Cells are quoted only where they need it (RFC 4180).
        var declaration = lines.Single(l => l.Contains(";Dzīvesvietas deklarēšana;", StringComparison.Ordinal));
        var edited = lines[0] + "\r\n" + declaration.Replace(";Dzīvesvietas deklarēšana;", ";\"Dzīvesvietas deklarēšana; ar \"\"e-pakalpojumu\"\"\";") + "\r\n"
            + "\"\";\"RIGA-NEW-1\";\"Jauns pakalpojums\";\"\";\"Rīgas valstspilsētas pašvaldība\";\"InPerson, Pigeon\";\"\";\"jā\";\"Citi\";\"\";\"2027-13-01\"\r\n";
        var refused = await admin.PostAsync($"/{tenant}/api/service-cards/import", new StringContent(edited, Encoding.UTF8, "text/csv"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = await refused.Content.ReadAsStringAsync(ct);
        Assert.Contains("rinda 3", problems);
        Assert.Contains("Pigeon", problems);
        Assert.Contains("GGGG-MM-DD", problems);
        Assert.Equal(16, (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/service-cards", ct))!.Count);

        var fixedFile = edited.Replace("InPerson, Pigeon", "InPerson").Replace("2027-13-01", "2027-01-13");
        var imported = await admin.PostAsync($"/{tenant}/api/service-cards/import", new StringContent(fixedFile, Encoding.UTF8, "text/csv"), ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        var cards = await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/service-cards", ct);
        Assert.Contains(cards!, c => c.GetProperty("name").GetString() == "Dzīvesvietas deklarēšana; ar \"e-pakalpojumu\"" && c.GetProperty("state").GetString() == "Draft");
        Assert.Contains(cards!, c => c.GetProperty("identifier").GetString() == "RIGA-NEW-1");
        // The published text stays online until the new draft is approved.
        Assert.Contains((await host.AnonymousClient().GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/service-cards", ct))!, c => c.GetProperty("name").GetString() == "Dzīvesvietas deklarēšana");
    }
}
