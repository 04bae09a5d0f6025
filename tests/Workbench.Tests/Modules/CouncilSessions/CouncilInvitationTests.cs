using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.CouncilSessions;

/// <summary>Invitations by e-mail with an iCalendar request, through the outbox and SMTP to a local SMTP sink (smtp-server on Node).</summary>
public sealed partial class CouncilInvitationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Convening_mails_each_member_and_guest_an_ics_invitation_they_acknowledge_and_an_agenda_change_sends_the_next_version()
    {
        var (sink, port) = await SmtpSink.StartAsync();
        await using var _ = sink;
        await using var host = new WorkbenchFactory();
        SmtpSink.Use(host, port, "dome@ventspils.lv");
        await host.StartAsync();
        var tenant = await host.CreateTenantAsync("ventspils");
        var secretary = await host.AdminClientAsync(tenant);

        async Task<Guid> IdAsync(string path, object body) =>
            (await (await secretary.PostAsJsonAsync(path, body, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var commission = await IdAsync($"/{tenant}/api/council/bodies", new { name = "Dzīvokļu komisija", kind = "Commission" });
        var people = new List<Guid>();
        foreach (var name in new[] { "ilze", "andris" })
        {
            var person = await IdAsync($"/{tenant}/api/council/people", new { name, email = $"{name}@ventspils.lv" });
            (await secretary.PostAsJsonAsync($"/{tenant}/api/council/bodies/{commission}/members", new { personId = person, start = "2026-01-01" }, Ct)).EnsureSuccessStatusCode();
            people.Add(person);
        }
        var meeting = await IdAsync($"/{tenant}/api/council/meetings", new { bodyId = commission, startsAt = "2026-12-17T10:00:00Z", place = "Rātsnams, 2. stāvs", chairId = people[1] });
        await IdAsync($"/{tenant}/api/council/meetings/{meeting}/agenda", new { title = "Par dzīvokļu rindu" });
        // A guest (a social worker) is invited with the members; a guest without an e-mail address cannot be.
        var guest = await IdAsync($"/{tenant}/api/council/people", new { name = "Sociālā darbiniece", email = "soc@ventspils.lv" });
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings/{meeting}/guests", new { personId = guest }, Ct)).StatusCode);
        var noAddress = await IdAsync($"/{tenant}/api/council/people", new { name = "Bez adreses" });
        Assert.Contains("derīgu e-pasta adresi", await (await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings/{meeting}/guests", new { personId = noAddress }, Ct)).Content.ReadAsStringAsync(Ct));
        (await secretary.PostAsync($"/{tenant}/api/council/meetings/{meeting}/convene", null, Ct)).EnsureSuccessStatusCode();

        var first = await SmtpSink.MailsAsync(sink, 3);
        Assert.Equal(["andris@ventspils.lv", "ilze@ventspils.lv", "soc@ventspils.lv"], first.Select(m => m.GetProperty("to")[0].GetString()).Order());
        var mail = first.Single(m => m.GetProperty("to")[0].GetString() == "ilze@ventspils.lv");
        Assert.Equal("dome@ventspils.lv", mail.GetProperty("from").GetString());
        Assert.StartsWith("Uzaicinājums: Dzīvokļu komisija: sēde Nr. 1/2026", mail.GetProperty("subject").GetString());
        var ics = mail.GetProperty("attachments")[0];
        Assert.StartsWith("text/calendar", ics.GetProperty("contentType").GetString());
        var calendar = ics.GetProperty("content").GetString()!;
        foreach (var line in new[] { "BEGIN:VCALENDAR", "METHOD:REQUEST", $"UID:{meeting}@workbench", "SEQUENCE:0", "DTSTART:20261217T100000Z", "LOCATION:Rātsnams\\, 2. stāvs", "mailto:ilze@ventspils.lv", "ORGANIZER;CN=\"andris\":mailto:andris@ventspils.lv", "END:VCALENDAR" })
            Assert.Contains(line, calendar);
        Assert.All(calendar.Split("\r\n"), l => Assert.True(System.Text.Encoding.UTF8.GetByteCount(l) <= 75, l));

        // Ilze acknowledges through the link in her e-mail.
        var link = AckLink().Match(mail.GetProperty("text").GetString()!).Value;
        var resident = host.AnonymousClient();
        var page = await resident.GetStringAsync(link, Ct);
        var token = Forms.AntiforgeryToken(page);
        var acknowledged = await resident.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Contains("Saņemšana apstiprināta", WebUtility.HtmlDecode(await acknowledged.Content.ReadAsStringAsync(Ct)));
        var invitations = (await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/meetings/{meeting}/invitations", Ct)).EnumerateArray().ToList();
        Assert.Equal(1, invitations.Count(i => i.GetProperty("acknowledgedUtc").ValueKind == JsonValueKind.String));
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/{tenant}/council/invitations/not-a-token", Ct)).StatusCode);

        // A guest added after convening is invited at once, and only once.
        var lateGuest = await IdAsync($"/{tenant}/api/council/people", new { name = "Būvinženieris", email = "buve@ventspils.lv" });
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings/{meeting}/guests", new { personId = lateGuest }, Ct)).StatusCode);
        Assert.Equal("buve@ventspils.lv", (await SmtpSink.MailsAsync(sink, 4))[3].GetProperty("to")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync($"/{tenant}/api/council/meetings/{meeting}/guests", new { personId = lateGuest }, Ct)).StatusCode);

        // An item added after convening: everyone gets the next version of the invitation.
        await IdAsync($"/{tenant}/api/council/meetings/{meeting}/agenda", new { title = "Par ārkārtas remontu" });
        var second = (await SmtpSink.MailsAsync(sink, 8)).Skip(4).ToList();
        Assert.All(second, m => Assert.StartsWith("Darba kārtība mainīta", m.GetProperty("subject").GetString()));
        Assert.All(second, m => Assert.Contains("SEQUENCE:1", m.GetProperty("attachments")[0].GetProperty("content").GetString()));
        Assert.Contains("2. Par ārkārtas remontu (papildu jautājums)", second[0].GetProperty("text").GetString());
        invitations = (await secretary.GetFromJsonAsync<JsonElement>($"/{tenant}/api/council/meetings/{meeting}/invitations", Ct)).EnumerateArray().ToList();
        Assert.All(invitations, i => Assert.Equal((1, JsonValueKind.Null), (i.GetProperty("sequence").GetInt32(), i.GetProperty("acknowledgedUtc").ValueKind)));
    }

    [GeneratedRegex(@"/[a-z0-9-]+/council/invitations/[0-9a-f]+")]
    private static partial Regex AckLink();

}
