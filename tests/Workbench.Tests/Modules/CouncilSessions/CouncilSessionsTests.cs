using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.CouncilSessions;

/// <summary>Council sessions over the REST API: bodies from the recipe, a meeting through its whole life, refusals.</summary>
public sealed class CouncilSessionsTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bodys_meeting_template_fills_in_the_place_the_time_and_the_standing_items()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);
        var invalid = await secretary.PostAsJsonAsync($"/{tenant}/api/council/bodies", new { name = "X", template = new { remoteLink = "nav saite", standingItems = new[] { "" } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("template.remoteLink", out _) && errors.TryGetProperty("template.standingItems", out _));
        var body = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/bodies", new
        {
            name = "Attīstības komiteja", kind = "Committee",
            template = new { place = "Komiteju zāle, 2. stāvs", startTime = "13:30:00", standingItems = new[] { "Darba kārtības apstiprināšana", "Informācija par iepriekšējās sēdes lēmumu izpildi" } },
        })).GetProperty("id").GetGuid();

        // A date without a time and no place: the template's are taken, and the agenda opens with the standing items.
        var meeting = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings", new { bodyId = body, startsAt = "2026-12-22T00:00:00Z" });
        Assert.Equal(("Komiteju zāle, 2. stāvs", new DateTime(2026, 12, 22, 13, 30, 0, DateTimeKind.Utc)), (meeting.GetProperty("place").GetString(), meeting.GetProperty("startsAt").GetDateTime().ToUniversalTime()));
        var detail = await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/meetings/{meeting.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(["Darba kārtības apstiprināšana", "Informācija par iepriekšējās sēdes lēmumu izpildi"], detail.GetProperty("agenda").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        // What the secretary gives wins over the template.
        var elsewhere = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings", new { bodyId = body, startsAt = "2026-12-29T09:00:00Z", place = "Izbraukuma sēde, Pārventa" });
        Assert.Equal(("Izbraukuma sēde, Pārventa", 9), (elsewhere.GetProperty("place").GetString(), elsewhere.GetProperty("startsAt").GetDateTime().ToUniversalTime().Hour));
    }

    [Fact]
    public async Task Agenda_items_carry_attachments_that_are_public_with_their_item()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);
        var resident = host.AnonymousClient();
        var council = (await resident.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/bodies", Ct)).EnumerateArray().Single(b => b.GetProperty("kind").GetString() == "Council").GetProperty("id").GetGuid();
        var meeting = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings", new { bodyId = council, startsAt = "2026-12-21T10:00:00Z", place = "Domes sēžu zāle" })).GetProperty("id").GetGuid();
        var open = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{meeting}/agenda", new { title = "Par ielu apgaismojuma tāmi" })).GetProperty("id").GetGuid();
        var closed = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{meeting}/agenda", new { title = "Par darbinieka atlīdzību", isPublic = false })).GetProperty("id").GetGuid();
        Task<HttpResponseMessage> UploadAsync(Guid item, string name, byte[] bytes)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
            return secretary.PostAsync($"/{tenant}/api/council/agenda-items/{item}/attachments", form, Ct);
        }
        var estimate = "Tāme: 12 400 EUR"u8.ToArray();
        var uploaded = await UploadAsync(open, "tame.txt", estimate);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var file = await uploaded.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("tame.txt", (long)estimate.Length), (file.GetProperty("fileName").GetString(), file.GetProperty("size").GetInt64()));
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(closed, "alga.txt", "konfidenciāli"u8.ToArray())).StatusCode);
        // An empty file, or no file at all, is refused and nothing is attached.
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(open, "tukšs.txt", [])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsync($"/{tenant}/api/council/agenda-items/{open}/attachments", new StringContent("x"), Ct)).StatusCode);

        // Before convening nothing of the meeting is public; afterwards the public item's file is, the closed item's is not.
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/{tenant}/api/council/agenda-items/{open}/attachments", Ct)).StatusCode);
        (await secretary.PostAsync($"/{tenant}/api/council/meetings/{meeting}/convene", null, Ct)).EnsureSuccessStatusCode();
        var listed = await resident.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/agenda-items/{open}/attachments", Ct);
        Assert.Equal(1, listed.GetArrayLength());
        Assert.Equal(estimate, await resident.GetByteArrayAsync($"/{tenant}/{listed[0].GetProperty("url").GetString()}", Ct));
        Assert.Contains("tame.txt", System.Net.WebUtility.HtmlDecode(await resident.GetStringAsync($"/{tenant}/council/meetings/{meeting}", Ct)));
        var secret = (await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/agenda-items/{closed}/attachments", Ct))[0].GetProperty("url").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/{tenant}/api/council/agenda-items/{closed}/attachments", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/{tenant}/{secret}", Ct)).StatusCode);
        Assert.Equal("konfidenciāli", await secretary.GetStringAsync($"/{tenant}/{secret}", Ct));
    }

    [Fact]
    public async Task The_secretariat_plans_a_meeting_orders_its_agenda_and_takes_it_to_signed_minutes_while_the_public_sees_only_public_parts()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);
        var resident = host.AnonymousClient();

        // The recipe's council of 15 and three committees.
        var bodies = (await resident.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/bodies", Ct)).EnumerateArray().ToList();
        Assert.Equal(4, bodies.Count);
        var council = bodies.Single(b => b.GetProperty("kind").GetString() == "Council").GetProperty("id").GetGuid();
        var members = (await resident.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/bodies/{council}/members", Ct)).EnumerateArray().ToList();
        Assert.Equal(15, members.Count);
        Assert.Single(members, m => m.GetProperty("role").GetString() == "Chair");

        var invalid = await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings", new { bodyId = council, startsAt = "2026-12-17T10:00:00Z", mode = "Hybrid" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        // A hybrid meeting needs its link; the place comes from the council's meeting template.
        Assert.True(errors.TryGetProperty("remoteLink", out _) && !errors.TryGetProperty("place", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.PostAsJsonAsync($"/{tenant}/api/council/meetings", new { bodyId = council, startsAt = "2026-12-17T10:00:00Z", place = "Sēžu zāle" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings", new { bodyId = Guid.NewGuid(), startsAt = "2026-12-17T10:00:00Z", place = "Sēžu zāle" }, Ct)).StatusCode);

        var meeting = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings", new { bodyId = council, startsAt = "2026-12-17T10:00:00Z", place = "Domes sēžu zāle", mode = "Hybrid", remoteLink = "https://video.ventspils.lv/dome" });
        // The recipe's two past council meetings of 2026 came first.
        Assert.Equal((3, 2026, "Planned"), (meeting.GetProperty("number").GetInt32(), meeting.GetProperty("year").GetInt32(), meeting.GetProperty("state").GetString()));
        var id = meeting.GetProperty("id").GetGuid();
        var second = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings", new { bodyId = council, startsAt = "2026-12-28T10:00:00Z", place = "Domes sēžu zāle" });
        Assert.Equal(4, second.GetProperty("number").GetInt32());

        var conveneEmpty = await secretary.PostAsync($"/{tenant}/api/council/meetings/{id}/convene", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, conveneEmpty.StatusCode);
        Assert.Contains("bez darba kārtības", await conveneEmpty.Content.ReadAsStringAsync(Ct));

        var budget = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{id}/agenda", new { title = "Par pašvaldības 2027. gada budžetu", draftDecision = "Apstiprināt budžetu." });
        var land = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{id}/agenda", new { title = "Par zemes gabala nomu", isPublic = false });
        var school = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{id}/agenda", new { title = "Par skolas reorganizāciju" });
        Assert.Equal([1, 2, 3], new[] { budget, land, school }.Select(i => i.GetProperty("number").GetInt32()));
        Assert.False(school.GetProperty("isAdditional").GetBoolean());

        var order = new[] { school, budget, land }.Select(i => i.GetProperty("id").GetGuid()).ToArray();
        var reordered = await secretary.PutAsJsonAsync($"/{tenant}/api/council/meetings/{id}/agenda/order", order, Ct);
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal(order, (await reordered.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().OrderBy(i => i.GetProperty("number").GetInt32()).Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PutAsJsonAsync($"/{tenant}/api/council/meetings/{id}/agenda/order", order[..2], Ct)).StatusCode);

        // Nothing of a planned meeting is public yet, not even in search.
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/{tenant}/api/council/meetings/{id}", Ct)).StatusCode);
        Assert.Equal(0, await HitsAsync(resident, tenant, "skolas reorganizācija"));
        await StepAsync(secretary, tenant, id, "convene", "Convened");
        var additional = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{id}/agenda", new { title = "Par ārkārtas situāciju" });
        Assert.True(additional.GetProperty("isAdditional").GetBoolean());
        Assert.Equal(4, additional.GetProperty("number").GetInt32());

        // Search finds the public items of the convened meeting for everyone, the closed item only for staff.
        Assert.Equal(1, await HitsAsync(resident, tenant, "skolas reorganizācija"));
        Assert.Equal(0, await HitsAsync(resident, tenant, "zemes gabala noma"));
        Assert.Equal(1, await HitsAsync(secretary, tenant, "zemes gabala noma"));
        var published = await resident.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/meetings/{id}", Ct);
        var titles = published.GetProperty("agenda").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Par skolas reorganizāciju", "Par pašvaldības 2027. gada budžetu", "Par ārkārtas situāciju"], titles);
        Assert.Equal(4, (await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/meetings/{id}", Ct)).GetProperty("agenda").GetArrayLength());
        Assert.DoesNotContain((await resident.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/meetings", Ct)).EnumerateArray(), m => m.GetProperty("id").GetGuid() == second.GetProperty("id").GetGuid());

        var skip = await secretary.PostAsync($"/{tenant}/api/council/meetings/{id}/close", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("tai jābūt stāvoklī InProgress", await skip.Content.ReadAsStringAsync(Ct));
        await StepAsync(secretary, tenant, id, "open", "InProgress");
        await StepAsync(secretary, tenant, id, "close", "Closed");
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PutAsJsonAsync($"/{tenant}/api/council/meetings/{id}/agenda/order", order, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings/{id}/agenda", new { title = "Par vēlu jautājumu" }, Ct)).StatusCode);
        await StepAsync(secretary, tenant, id, "sign-minutes", "MinutesSigned");

        var audit = await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/audit", Ct);
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("council.meeting.convene", actions);
        Assert.Contains("council.agenda.reordered", actions);
    }

    [Fact]
    public async Task The_recipes_past_meetings_were_held_with_every_vote_recorded()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);
        var past = (await host.AnonymousClient().GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/meetings", Ct)).EnumerateArray()
            .Where(m => m.GetProperty("state").GetString() == "MinutesSigned").ToList();
        Assert.Equal(2, past.Count);
        var minutes = System.Net.WebUtility.HtmlDecode(await host.AnonymousClient().GetStringAsync($"/{tenant}/api/council/meetings/{past.Last().GetProperty("id").GetGuid()}/minutes.html", Ct));
        Assert.Contains("par 11, pret 2, atturas 2: <strong>pieņemts</strong>", minutes);
        Assert.Contains("par 6, pret 8, atturas 1: <strong>noraidīts</strong>", minutes);
        var audit = await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/audit?page=1", Ct);
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "council.meeting.sign-minutes");
    }

    [Fact]
    public async Task A_person_cannot_hold_two_overlapping_seats_in_one_body()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);
        var body = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/bodies", new { name = "Administratīvā komisija", kind = "Commission" });
        var person = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/people", new { name = "Aija Priede", email = "aija.priede@ventspils.lv" });
        var seat = new { personId = person.GetProperty("id").GetGuid(), role = "Member", start = "2026-01-01", end = "2027-01-01" };
        var path = $"/{tenant}/api/council/bodies/{body.GetProperty("id").GetGuid()}/members";
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync(path, seat, Ct)).StatusCode);
        var overlap = await secretary.PostAsJsonAsync(path, seat with { start = "2026-06-01", end = "2026-12-01" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync(path, seat with { start = "2027-01-01", end = "2028-01-01" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"/{tenant}/api/council/people", new { name = "", email = "not-an-address" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_committee_item_goes_on_to_the_councils_next_meeting_with_its_history()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);
        var bodies = (await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/bodies", Ct)).EnumerateArray().ToList();
        var council = bodies.Single(b => b.GetProperty("kind").GetString() == "Council").GetProperty("id").GetGuid();
        var committee = bodies.First(b => b.GetProperty("kind").GetString() == "Committee").GetProperty("id").GetGuid();
        var committeeMeeting = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings", new { bodyId = committee, startsAt = "2026-12-03T09:00:00Z", place = "Komiteju zāle" })).GetProperty("id").GetGuid();
        var item = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{committeeMeeting}/agenda", new { title = "Par nekustamā īpašuma nodokļa atvieglojumiem", draftDecision = "Noteikt atvieglojumus." })).GetProperty("id").GetGuid();
        var tooEarly = await secretary.PostAsJsonAsync($"/{tenant}/api/council/agenda-items/{item}/forward", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("kad komiteja to izskatījusi", await tooEarly.Content.ReadAsStringAsync(Ct));
        foreach (var step in new[] { "convene", "open" }) (await secretary.PostAsync($"/{tenant}/api/council/meetings/{committeeMeeting}/{step}", null, Ct)).EnsureSuccessStatusCode();
        Assert.Contains("nav nākamās sēdes", await (await secretary.PostAsJsonAsync($"/{tenant}/api/council/agenda-items/{item}/forward", new { }, Ct)).Content.ReadAsStringAsync(Ct));

        var later = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings", new { bodyId = council, startsAt = "2026-12-30T10:00:00Z", place = "Domes zāle" })).GetProperty("id").GetGuid();
        var next = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings", new { bodyId = council, startsAt = "2026-12-17T10:00:00Z", place = "Domes zāle" })).GetProperty("id").GetGuid();
        var forwarded = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/agenda-items/{item}/forward", new { });
        Assert.Equal(next, forwarded.GetProperty("meetingId").GetGuid());
        Assert.Equal(item, forwarded.GetProperty("forwardedFromId").GetGuid());
        Assert.Equal("Noteikt atvieglojumus.", forwarded.GetProperty("draftDecision").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync($"/{tenant}/api/council/agenda-items/{item}/forward", new { meetingId = later }, Ct)).StatusCode);
        var councilItem = forwarded.GetProperty("id").GetGuid();
        Assert.Contains("Domes jautājumu tālāk nenodod", await (await secretary.PostAsJsonAsync($"/{tenant}/api/council/agenda-items/{councilItem}/forward", new { }, Ct)).Content.ReadAsStringAsync(Ct));

        var history = (await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/agenda-items/{councilItem}/history", Ct)).EnumerateArray().ToList();
        Assert.Equal(["Council", "Committee"], history.Select(h => h.GetProperty("body").GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AnonymousClient().GetAsync($"/{tenant}/api/council/agenda-items/{councilItem}/history", Ct)).StatusCode);
    }

    private static async Task<int> HitsAsync(HttpClient client, string tenant, string query)
    {
        var result = await client.GetFromJsonAsync<JsonElement>($"/{tenant}/api/search?q={Uri.EscapeDataString(query)}&module=Workbench.CouncilSessions", Ct);
        return result.GetProperty("total").GetInt32();
    }

    private static async Task StepAsync(HttpClient client, string tenant, Guid meeting, string action, string expected)
    {
        var response = await client.PostAsync($"/{tenant}/api/council/meetings/{meeting}/{action}", null, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());
    }
}
