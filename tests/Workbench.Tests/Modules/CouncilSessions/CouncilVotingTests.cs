using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.CouncilSessions;

/// <summary>Attendance, quorum and electronic voting over the API, with a live tally on a public screen.</summary>
public sealed class CouncilVotingTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Password = "Member-Password-2026";

    [Fact]
    public async Task Members_vote_once_each_while_present_the_screen_follows_the_tally_and_the_closed_result_is_fixed()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);
        var body = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/bodies", new { name = "Finanšu komiteja (tests)", kind = "Committee" });
        var bodyId = body.GetProperty("id").GetGuid();
        var people = new Dictionary<string, Guid>();
        foreach (var (key, votingRight) in new[] { ("m1", true), ("m2", true), ("m3", true), ("sec", false) })
        {
            var email = $"{key}-{tenant}@ventspils.lv";
            people[key] = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/people", new { name = $"Loceklis {key}", email })).GetProperty("id").GetGuid();
            await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/bodies/{bodyId}/members", new { personId = people[key], role = votingRight ? "Member" : "Secretary", votingRight, start = "2026-01-01" });
            (await secretary.PostAsJsonAsync($"/{tenant}/api/admin/users", new { email, displayName = key, password = Password, roles = new[] { "Viewer" } }, Ct)).EnsureSuccessStatusCode();
        }
        var meeting = await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings", new { bodyId, startsAt = "2026-12-10T09:00:00Z", place = "Komiteju zāle", chairId = people["m1"] });
        var meetingId = meeting.GetProperty("id").GetGuid();
        var item = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{meetingId}/agenda", new { title = "Par budžeta grozījumiem" })).GetProperty("id").GetGuid();
        foreach (var step in new[] { "convene", "open" }) (await secretary.PostAsync($"/{tenant}/api/council/meetings/{meetingId}/{step}", null, Ct)).EnsureSuccessStatusCode();

        // No quorum with one of three present.
        await AttendAsync(secretary, tenant, meetingId, people["m1"], "InRoom");
        var noQuorum = await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings/{meetingId}/votes", new { agendaItemId = item, motion = "Atbalstīt grozījumus" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, noQuorum.StatusCode);
        Assert.Contains("Nav kvoruma: klāt 1 no 3", await noQuorum.Content.ReadAsStringAsync(Ct));
        await AttendAsync(secretary, tenant, meetingId, people["m2"], "Remote");
        await AttendAsync(secretary, tenant, meetingId, people["sec"], "InRoom");
        var quorum = await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/meetings/{meetingId}/quorum", Ct);
        Assert.Equal((3, 2, true), (quorum.GetProperty("votingMembers").GetInt32(), quorum.GetProperty("present").GetInt32(), quorum.GetProperty("quorum").GetBoolean()));

        // The chair (member m1, signed in with their own account) opens the vote.
        var m1 = await MemberAsync(tenant, "m1");
        var vote = await JsonApi.CreatedAsync(m1, $"/{tenant}/api/council/meetings/{meetingId}/votes", new { agendaItemId = item, motion = "Atbalstīt budžeta grozījumus" });
        var voteId = vote.GetProperty("id").GetGuid();
        var m3 = await MemberAsync(tenant, "m3");
        Assert.Equal(HttpStatusCode.Forbidden, (await m3.PostAsJsonAsync($"/{tenant}/api/council/meetings/{meetingId}/votes", new { agendaItemId = item, motion = "x" }, Ct)).StatusCode);

        // A public screen follows the tally.
        using var screen = new HttpClient(host.Server.CreateHandler()) { BaseAddress = host.Server.BaseAddress };
        var stream = await screen.GetStreamAsync($"/{tenant}/api/council/votes/{voteId}/stream", Ct);
        var events = ReadEventsAsync(stream);

        Assert.Equal(1, (await BallotAsync(m1, tenant, voteId, "For")).GetProperty("for").GetInt32());
        var twice = await m1.PostAsJsonAsync($"/{tenant}/api/council/votes/{voteId}/ballot", new { choice = "Against" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("jau nobalsojāt", await twice.Content.ReadAsStringAsync(Ct));
        Assert.Contains("tikai sēdē klātesošs", await (await m3.PostAsJsonAsync($"/{tenant}/api/council/votes/{voteId}/ballot", new { choice = "For" }, Ct)).Content.ReadAsStringAsync(Ct));
        var sec = await MemberAsync(tenant, "sec");
        Assert.Contains("nav balsstiesību", await (await sec.PostAsJsonAsync($"/{tenant}/api/council/votes/{voteId}/ballot", new { choice = "For" }, Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync($"/{tenant}/api/council/votes/{voteId}/ballot", new { choice = "For" }, Ct)).StatusCode);
        var m2 = await MemberAsync(tenant, "m2");
        Assert.Equal(1, (await BallotAsync(m2, tenant, voteId, "Against", "remote")).GetProperty("against").GetInt32());

        var closed = await m1.PostAsync($"/{tenant}/api/council/votes/{voteId}/close", null, Ct);
        var result = await closed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Closed", 1, 1, false), (result.GetProperty("state").GetString(), result.GetProperty("for").GetInt32(), result.GetProperty("against").GetInt32(), result.GetProperty("passed").GetBoolean()));
        Assert.Contains("Balsojums ir slēgts", await (await m3.PostAsJsonAsync($"/{tenant}/api/council/votes/{voteId}/ballot", new { choice = "For" }, Ct)).Content.ReadAsStringAsync(Ct));

        // The screen saw each change and the final result, then the stream ended.
        var seen = await events.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal("Closed", seen[^1].GetProperty("state").GetString());
        Assert.Equal(2, seen[^1].GetProperty("for").GetInt32() + seen[^1].GetProperty("against").GetInt32());

        var record = await host.AnonymousClient().GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/votes/{voteId}", Ct);
        var votes = record.GetProperty("votes").EnumerateArray().ToList();
        Assert.Equal([(people["m1"], "For", "device"), (people["m2"], "Against", "remote")],
            votes.Select(v => (v.GetProperty("personId").GetGuid(), v.GetProperty("choice").GetString()!, v.GetProperty("channel").GetString()!)));

        // The same record in Popolo's VoteEvent/Vote shape beside the OParl API; an open vote is not there yet.
        var popolo = await host.AnonymousClient().GetFromJsonAsync<JsonElement>($"/{tenant}/oparl/v1/vote-events/{voteId}", Ct);
        Assert.Equal("fail", popolo.GetProperty("result").GetString());
        Assert.Equal([("yes", 1), ("no", 1), ("abstain", 0)], popolo.GetProperty("counts").EnumerateArray().Select(c => (c.GetProperty("option").GetString()!, c.GetProperty("value").GetInt32())));
        Assert.Equal(["yes", "no"], popolo.GetProperty("votes").EnumerateArray().Select(v => v.GetProperty("option").GetString()));
        Assert.EndsWith($"/oparl/v1/people/{people["m1"]}", popolo.GetProperty("votes")[0].GetProperty("voter_id").GetString());

        // Leaving ends the right to vote in the next vote.
        (await secretary.PostAsync($"/{tenant}/api/council/meetings/{meetingId}/attendance/{people["m2"]}/leave", null, Ct)).EnsureSuccessStatusCode();
        await AttendAsync(secretary, tenant, meetingId, people["m3"], "InRoom");
        var revote = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{meetingId}/votes", new { agendaItemId = item, motion = "Atkārtots balsojums" })).GetProperty("id").GetGuid();
        Assert.Contains("tikai sēdē klātesošs", await (await m2.PostAsJsonAsync($"/{tenant}/api/council/votes/{revote}/ballot", new { choice = "For" }, Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync($"/{tenant}/oparl/v1/vote-events/{revote}", Ct)).StatusCode);

        // Minutes: only once the meeting is closed, which waits for the open vote; the public edition once signed.
        var early = await secretary.PostAsync($"/{tenant}/api/council/meetings/{meetingId}/close", null, Ct);
        Assert.Contains("slēdziet notiekošo balsojumu", await early.Content.ReadAsStringAsync(Ct));
        (await secretary.PostAsync($"/{tenant}/api/council/votes/{revote}/close", null, Ct)).EnsureSuccessStatusCode();

        // A vote on a closed item of this public meeting stays inside: not in the public vote record, its stream or Popolo.
        var closedItem = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{meetingId}/agenda", new { title = "Par personāla jautājumu", isPublic = false })).GetProperty("id").GetGuid();
        var closedVote = (await JsonApi.CreatedAsync(secretary, $"/{tenant}/api/council/meetings/{meetingId}/votes", new { agendaItemId = closedItem, motion = "Slēgts balsojums" })).GetProperty("id").GetGuid();
        (await secretary.PostAsync($"/{tenant}/api/council/votes/{closedVote}/close", null, Ct)).EnsureSuccessStatusCode();
        foreach (var path in new[] { $"/{tenant}/api/council/votes/{closedVote}", $"/{tenant}/api/council/votes/{closedVote}/stream", $"/{tenant}/oparl/v1/vote-events/{closedVote}" })
            Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync(path, Ct)).StatusCode);
        Assert.Equal("Slēgts balsojums", (await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/votes/{closedVote}", Ct)).GetProperty("motion").GetString());
        (await secretary.PostAsync($"/{tenant}/api/council/meetings/{meetingId}/close", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync($"/{tenant}/api/council/meetings/{meetingId}/minutes.html", Ct)).StatusCode);
        var docx = await secretary.GetByteArrayAsync($"/{tenant}/api/council/meetings/{meetingId}/minutes.docx", Ct);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            foreach (var expected in new[] { "Sēdes protokols Nr. 1/2026", "Loceklis m1", "Par budžeta grozījumiem", "Atbalstīt budžeta grozījumus", "par 1, pret 1, atturas 0", "noraidīts", "attālināti" })
                Assert.Contains(expected, text);
        }
        (await secretary.PostAsync($"/{tenant}/api/council/meetings/{meetingId}/sign-minutes", null, Ct)).EnsureSuccessStatusCode();
        var html = System.Net.WebUtility.HtmlDecode(await host.AnonymousClient().GetStringAsync($"/{tenant}/api/council/meetings/{meetingId}/minutes.html", Ct));
        Assert.Contains("<td>Loceklis m2</td><td>pret</td>", html);
        var audit = await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/audit", Ct);
        Assert.Equal(2, audit.EnumerateArray().Count(e => e.GetProperty("action").GetString() == "council.vote.cast" && e.GetProperty("subject").GetString()!.StartsWith(voteId.ToString())));
        // The refusals are in the audit log too, each with who, what and why — and nothing else changed.
        var refusals = audit.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "council.refused").ToList();
        static string Reason(JsonElement entry) => JsonDocument.Parse(entry.GetProperty("details").GetString()!).RootElement.GetProperty("reason").GetString()!;
        Assert.Contains(refusals, e => e.GetProperty("subject").GetString() == $"/api/council/votes/{voteId}/ballot" && Reason(e).Contains("jau nobalsojāt")
            && e.GetProperty("actor").GetString() == $"m1-{tenant}@ventspils.lv");
        Assert.Contains(refusals, e => e.GetProperty("subject").GetString() == $"/api/council/meetings/{meetingId}/votes" && Reason(e).Contains("Nav kvoruma"));
    }

    private async Task<HttpClient> MemberAsync(string tenant, string key)
    {
        var client = host.AnonymousClient();
        (await client.PostAsJsonAsync($"/{tenant}/api/session", new { email = $"{key}-{tenant}@ventspils.lv", password = Password }, Ct)).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task AttendAsync(HttpClient secretary, string tenant, Guid meeting, Guid person, string mode) =>
        (await secretary.PutAsJsonAsync($"/{tenant}/api/council/meetings/{meeting}/attendance/{person}", new { mode }, Ct)).EnsureSuccessStatusCode();

    private static async Task<JsonElement> BallotAsync(HttpClient member, string tenant, Guid vote, string choice, string? channel = null)
    {
        var response = await member.PostAsJsonAsync($"/{tenant}/api/council/votes/{vote}/ballot", new { choice, channel }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Every <c>tally</c> event of a server-sent-events stream until it ends.</summary>
    private static async Task<List<JsonElement>> ReadEventsAsync(Stream stream)
    {
        var events = new List<JsonElement>();
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync() is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add(JsonDocument.Parse(line[6..]).RootElement);
        return events;
    }
}
