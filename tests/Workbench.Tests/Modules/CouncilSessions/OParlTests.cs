using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.CouncilSessions;

/// <summary>
/// The OParl 1.1 endpoints checked against the specification's schemas (OParl/spec schema/*.json, 1.1): each object's
/// type and required properties, external lists with data/pagination/links, the date filters, retrieval by id, and
/// nothing closed or private exposed.
/// </summary>
public sealed class OParlTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Schema = "https://schema.oparl.org/1.1/";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Required properties per type (schema "required" arrays; AgendaItem also needs "order").</summary>
    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["System"] = ["id", "type", "oparlVersion", "body"],
        ["Body"] = ["id", "type", "name", "organization", "person", "meeting", "paper", "legislativeTerm"],
        ["Organization"] = ["id", "type"],
        ["Person"] = ["id", "type"],
        ["Membership"] = ["id", "type"],
        ["Meeting"] = ["id", "type"],
        ["AgendaItem"] = ["id", "type", "order"],
        ["Location"] = ["id", "type"],
        ["Paper"] = ["id", "type"],
        ["Consultation"] = ["id", "type"],
        ["File"] = ["id", "type", "accessUrl"],
    };

    private static void AssertObject(JsonElement o, string type)
    {
        Assert.Equal(Schema + type, o.GetProperty("type").GetString());
        foreach (var property in Required[type]) Assert.True(o.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null, $"{type} lacks {property}: {o}");
        Assert.True(Uri.IsWellFormedUriString(o.GetProperty("id").GetString(), UriKind.Absolute));
        foreach (var stamp in new[] { "created", "modified" })
            if (o.TryGetProperty(stamp, out var at)) Assert.True(DateTimeOffset.TryParse(at.GetString(), out _), $"{type}.{stamp} is not a date-time");
    }

    private static void AssertList(JsonElement list)
    {
        Assert.Equal(JsonValueKind.Array, list.GetProperty("data").ValueKind);
        var pagination = list.GetProperty("pagination");
        foreach (var field in new[] { "totalElements", "elementsPerPage", "currentPage", "totalPages" }) Assert.Equal(JsonValueKind.Number, pagination.GetProperty(field).ValueKind);
        var links = list.GetProperty("links");
        Assert.True(links.TryGetProperty("self", out _) && links.TryGetProperty("first", out _) && links.TryGetProperty("last", out _));
        // "next" on every page but the last.
        Assert.Equal(pagination.GetProperty("currentPage").GetInt32() < pagination.GetProperty("totalPages").GetInt32(), links.TryGetProperty("next", out _));
    }

    private async Task<JsonElement> GetAsync(string url) =>
        await host.AnonymousClient().GetFromJsonAsync<JsonElement>(url.StartsWith("http", StringComparison.Ordinal) ? new Uri(url).PathAndQuery : url, Ct);

    [Fact]
    public async Task From_the_system_object_every_linked_list_and_object_follows_the_schema_and_only_public_data_appears()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);
        var council = (await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/bodies", Ct)).EnumerateArray().Single(b => b.GetProperty("kind").GetString() == "Council").GetProperty("id").GetGuid();
        async Task<Guid> MeetingAsync(bool isPublic, bool convene, params (string Title, bool Public)[] items)
        {
            var meeting = await (await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings", new { bodyId = council, startsAt = "2026-12-17T10:00:00Z", place = "Domes zāle", isPublic }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            var id = meeting.GetProperty("id").GetGuid();
            foreach (var (title, isPublicItem) in items) (await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings/{id}/agenda", new { title, isPublic = isPublicItem }, Ct)).EnsureSuccessStatusCode();
            if (convene) (await secretary.PostAsync($"/{tenant}/api/council/meetings/{id}/convene", null, Ct)).EnsureSuccessStatusCode();
            return id;
        }
        var open = await MeetingAsync(true, true, ("Par budžetu", true), ("Par personāla jautājumu", false));
        var closedDoors = await MeetingAsync(false, true, ("Slēgts jautājums", true));
        var planned = await MeetingAsync(true, false, ("Plānots jautājums", true));

        var system = await GetAsync($"/{tenant}/oparl/v1/system");
        AssertObject(system, "System");
        Assert.Equal(Schema, system.GetProperty("oparlVersion").GetString());
        var bodies = await GetAsync(system.GetProperty("body").GetString()!);
        AssertList(bodies);
        var body = Assert.Single(bodies.GetProperty("data").EnumerateArray());
        AssertObject(body, "Body");
        Assert.Equal(JsonValueKind.Array, body.GetProperty("legislativeTerm").ValueKind);

        var organizations = await GetAsync(body.GetProperty("organization").GetString()!);
        AssertList(organizations);
        Assert.Equal(4, organizations.GetProperty("data").GetArrayLength());
        foreach (var organization in organizations.GetProperty("data").EnumerateArray())
        {
            AssertObject(organization, "Organization");
            Assert.Equal(organization.GetProperty("name").GetString(), (await GetAsync(organization.GetProperty("id").GetString()!)).GetProperty("name").GetString());
        }

        var people = await GetAsync(body.GetProperty("person").GetString()!);
        AssertList(people);
        Assert.Equal(15, people.GetProperty("data").GetArrayLength());
        foreach (var person in people.GetProperty("data").EnumerateArray())
        {
            AssertObject(person, "Person");
            Assert.False(person.TryGetProperty("email", out _));
            foreach (var membership in person.GetProperty("membership").EnumerateArray())
            {
                AssertObject(membership, "Membership");
                AssertObject(await GetAsync(membership.GetProperty("id").GetString()!), "Membership");
            }
        }

        var meetings = await GetAsync(body.GetProperty("meeting").GetString()!);
        AssertList(meetings);
        // The one convened here and the recipe's two past meetings; not the closed-door or planned ones.
        Assert.Equal(3, meetings.GetProperty("data").GetArrayLength());
        foreach (var any in meetings.GetProperty("data").EnumerateArray()) AssertObject(any, "Meeting");
        var meeting = meetings.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("id").GetString()!.EndsWith(open.ToString()));
        Assert.Equal("durchgeführt", meetings.GetProperty("data").EnumerateArray().Last().GetProperty("meetingState").GetString());
        Assert.Equal("eingeladen", meeting.GetProperty("meetingState").GetString());
        AssertObject(meeting.GetProperty("location"), "Location");
        AssertObject(await GetAsync(meeting.GetProperty("location").GetProperty("id").GetString()!), "Location");
        var item = Assert.Single(meeting.GetProperty("agendaItem").EnumerateArray());
        AssertObject(item, "AgendaItem");
        Assert.Equal("Par budžetu", item.GetProperty("name").GetString());
        AssertObject(await GetAsync(item.GetProperty("id").GetString()!), "AgendaItem");
        foreach (var hidden in new[] { closedDoors, planned })
            Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync($"/{tenant}/oparl/v1/meetings/{hidden}", Ct)).StatusCode);
        AssertList(await GetAsync(body.GetProperty("paper").GetString()!));

        // The date filters, full date-times as the specification asks.
        var later = Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(5).ToString("O"));
        var earlier = Uri.EscapeDataString(DateTime.UtcNow.AddDays(-1).ToString("O"));
        Assert.Equal(0, (await GetAsync($"/{tenant}/oparl/v1/organizations?modified_since={later}")).GetProperty("data").GetArrayLength());
        Assert.Equal(4, (await GetAsync($"/{tenant}/oparl/v1/organizations?created_since={earlier}")).GetProperty("data").GetArrayLength());
        Assert.Equal(0, (await GetAsync($"/{tenant}/oparl/v1/people?created_until={earlier}")).GetProperty("data").GetArrayLength());
        Assert.Equal(3, (await GetAsync($"/{tenant}/oparl/v1/meetings?modified_until={later}")).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Signed_minutes_and_adopted_decisions_are_registered_documents_and_appear_as_papers_consultations_and_files()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        // The recipe held two council meetings and signed their minutes: each became a registered document, and each adopted decision too.
        var registers = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/document-registers", Ct);
        Guid Register(string code) => registers.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var minutes = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents?registerId={Register("PRT")}", Ct);
        Assert.Equal(2, minutes.GetProperty("total").GetInt32());
        var decisions = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents?registerId={Register("LEM")}", Ct);
        Assert.Equal(3, decisions.GetProperty("total").GetInt32());
        var registeredMinutes = minutes.GetProperty("items")[0];
        var files = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/documents/{registeredMinutes.GetProperty("id").GetGuid()}/attachments", Ct);
        Assert.EndsWith(".docx", files[0].GetProperty("fileName").GetString());

        var papers = await GetAsync($"/{tenant}/oparl/v1/papers");
        AssertList(papers);
        Assert.Equal(4, papers.GetProperty("data").GetArrayLength());
        var adopted = 0;
        foreach (var paper in papers.GetProperty("data").EnumerateArray())
        {
            AssertObject(paper, "Paper");
            AssertObject(await GetAsync(paper.GetProperty("id").GetString()!), "Paper");
            var consultation = Assert.Single(paper.GetProperty("consultation").EnumerateArray());
            AssertObject(consultation, "Consultation");
            var standing = await GetAsync(consultation.GetProperty("id").GetString()!);
            Assert.Equal(paper.GetProperty("id").GetString(), standing.GetProperty("paper").GetString());
            AssertObject(await GetAsync(consultation.GetProperty("agendaItem").GetString()!), "AgendaItem");
            if (paper.GetProperty("mainFile").ValueKind == JsonValueKind.Null) continue;
            adopted++;
            Assert.Equal("Lēmums", paper.GetProperty("paperType").GetString());
            Assert.Contains(paper.GetProperty("reference").GetString(), decisions.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("registrationNumber").GetString()));
            var file = paper.GetProperty("mainFile");
            AssertObject(file, "File");
            AssertObject(await GetAsync(file.GetProperty("id").GetString()!), "File");
            var decision = await host.AnonymousClient().GetStringAsync(new Uri(file.GetProperty("accessUrl").GetString()!).PathAndQuery, Ct);
            Assert.Contains(paper.GetProperty("name").GetString()!, System.Net.WebUtility.HtmlDecode(decision));
        }
        Assert.Equal(3, adopted);
        var meeting = (await GetAsync($"/{tenant}/oparl/v1/meetings")).GetProperty("data").EnumerateArray().First();
        AssertObject(meeting.GetProperty("resultsProtocol"), "File");
        Assert.Equal(HttpStatusCode.OK, (await host.AnonymousClient().GetAsync(new Uri(meeting.GetProperty("resultsProtocol").GetProperty("accessUrl").GetString()!).PathAndQuery, Ct)).StatusCode);
    }

    [Fact]
    public async Task Without_the_document_register_signing_the_minutes_registers_nothing_and_still_succeeds()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        (await admin.PostAsync($"/{tenant}/api/admin/features/Workbench.DocumentRegister/disable", null, Ct)).EnsureSuccessStatusCode();
        var committee = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/council/bodies", new { name = "Revīzijas komisija", kind = "Commission" });
        var meeting = await JsonApi.CreatedAsync(admin, $"/{tenant}/api/council/meetings", new { bodyId = committee.GetProperty("id").GetGuid(), startsAt = "2026-12-01T10:00:00Z", place = "Zāle" });
        var id = meeting.GetProperty("id").GetGuid();
        await JsonApi.CreatedAsync(admin, $"/{tenant}/api/council/meetings/{id}/agenda", new { title = "Par revīziju", draftDecision = "Pieņemt zināšanai" });
        foreach (var step in new[] { "convene", "open", "close", "sign-minutes" })
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{tenant}/api/council/meetings/{id}/{step}", null, Ct)).StatusCode);
        var signed = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/meetings/{id}", Ct);
        Assert.Equal(JsonValueKind.Null, signed.GetProperty("meeting").GetProperty("minutesRegistrationNumber").ValueKind);
    }

    [Fact]
    public async Task A_list_longer_than_a_page_links_to_the_next_page_and_keeps_its_filters()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);
        var commission = (await (await secretary.PostAsJsonAsync($"/{tenant}/api/council/bodies", new { name = "Iedzīvotāju padome", kind = "Commission" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        for (var i = 0; i < 90; i++)
        {
            var person = await (await secretary.PostAsJsonAsync($"/{tenant}/api/council/people", new { name = $"Iedzīvotājs {i:D3}" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            (await secretary.PostAsJsonAsync($"/{tenant}/api/council/bodies/{commission}/members", new { personId = person.GetProperty("id").GetGuid(), votingRight = false }, Ct)).EnsureSuccessStatusCode();
        }
        var since = Uri.EscapeDataString(DateTime.UtcNow.AddDays(-1).ToString("O"));
        var first = await GetAsync($"/{tenant}/oparl/v1/people?modified_since={since}");
        AssertList(first);
        Assert.Equal((105, 100, 2), (first.GetProperty("pagination").GetProperty("totalElements").GetInt32(), first.GetProperty("data").GetArrayLength(), first.GetProperty("pagination").GetProperty("totalPages").GetInt32()));
        var next = first.GetProperty("links").GetProperty("next").GetString()!;
        Assert.Contains("modified_since=", next);
        var second = await GetAsync(next);
        AssertList(second);
        Assert.Equal(5, second.GetProperty("data").GetArrayLength());
        Assert.Empty(first.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Intersect(second.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString())));
    }
}
