using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Workbench.Abstractions.Tenants;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Api;

/// <summary>
/// The council's records as OParl 1.1 objects (OParlResponses.cs), for the routes in <see cref="OParlApi"/>. Every
/// object names itself and what it links to by URL under <c>b</c>, the tenant's <c>…/oparl/v1</c>.
/// </summary>
public static class OParlMapper
{
    public const string Schema = "https://schema.oparl.org/1.1/";
    public const int PageSize = 100;

    public static OParlSystem System(string b, ITenantContext tenant) => new(
        $"{b}/system", Schema + "System", Schema, $"{b}/bodies", $"Workbench: {tenant.Required.Settings.SiteName}", "https://github.com/workbench-lv", "Workbench");

    public static OParlBody Body(string b, ITenantContext tenant) => new(
        $"{b}/body", Schema + "Body", $"{b}/system", tenant.Required.Settings.SiteName, tenant.Required.Name,
        $"{b}/organizations", $"{b}/people", $"{b}/meetings", $"{b}/papers", [], "Pašvaldība");

    public static OParlOrganization Organization(string b, Body body, List<Membership> members) => new(
        $"{b}/organizations/{body.Id}", Schema + "Organization", $"{b}/body", body.Name, body.ShortName,
        body.Kind switch { BodyKind.Council => "Dome", BodyKind.Committee => "Komiteja", _ => "Komisija" }, "Gremium",
        members.Select(m => $"{b}/memberships/{m.Id}").ToList(), $"{b}/meetings?organization={body.Id}", Stamp(body.CreatedUtc), Stamp(body.UpdatedUtc));

    /// <summary>Name, party and seats; never the e-mail address.</summary>
    public static OParlPerson Person(string b, Person person, IEnumerable<Membership> memberships) => new(
        $"{b}/people/{person.Id}", Schema + "Person", $"{b}/body", person.Name, memberships.Select(m => Membership(b, m, embedded: true)).ToList(),
        Stamp(person.CreatedUtc), Stamp(person.UpdatedUtc));

    /// <summary>Inside a Person the person is implied; standing alone it is named.</summary>
    public static OParlMembership Membership(string b, Membership m, bool embedded) => new(
        $"{b}/memberships/{m.Id}", Schema + "Membership", $"{b}/organizations/{m.BodyId}", Labels.Of(m.Role),
        m.VotingRight, m.Start.ToString("yyyy-MM-dd"), m.End?.ToString("yyyy-MM-dd"), Stamp(m.CreatedUtc), Stamp(m.UpdatedUtc),
        embedded ? null : $"{b}/people/{m.PersonId}");

    public static OParlMeeting Meeting(string b, Meeting m, IEnumerable<AgendaItem> agenda) => new(
        $"{b}/meetings/{m.Id}", Schema + "Meeting", $"Sēde Nr. {m.Number}/{m.Year}",
        // OParl's recommended values: invited until the minutes are released, then held.
        m.State == MeetingState.MinutesSigned ? "durchgeführt" : "eingeladen",
        false, Stamp(m.StartsAt), m.Place is null ? null : Location(b, m), [$"{b}/organizations/{m.BodyId}"],
        agenda.Select(i => AgendaItem(b, i)).ToList(), m.State == MeetingState.MinutesSigned ? MinutesFile(b, m) : null,
        Stamp(m.CreatedUtc), Stamp(m.UpdatedUtc));

    public static OParlLocation Location(string b, Meeting m) => new(
        $"{b}/meetings/{m.Id}/location", Schema + "Location", m.Place, [$"{b}/meetings/{m.Id}"], Stamp(m.CreatedUtc), Stamp(m.UpdatedUtc));

    public static OParlAgendaItem AgendaItem(string b, AgendaItem i) => new(
        $"{b}/agenda-items/{i.Id}", Schema + "AgendaItem", $"{b}/meetings/{i.MeetingId}",
        i.Number.ToString(CultureInfo.InvariantCulture) + ".", i.Number, i.Title, true,
        HasPaper(i) ? $"{b}/consultations/{i.Id}" : null,
        i.DecisionRegistrationNumber is null ? null : i.DraftDecision,
        i.DecisionRegistrationNumber is null ? null : DecisionFile(b, i),
        Stamp(i.CreatedUtc), Stamp(i.UpdatedUtc));

    /// <summary>An agenda item with a draft decision is a Paper; adopted and registered, it carries the decision's number.</summary>
    public static bool HasPaper(AgendaItem i) => !string.IsNullOrWhiteSpace(i.DraftDecision);

    public static OParlPaper Paper(string b, AgendaItem i, Meeting m) => new(
        $"{b}/papers/{i.Id}", Schema + "Paper", $"{b}/body", i.Title,
        i.DecisionRegistrationNumber ?? $"{m.Number}/{m.Year}-{i.Number}",
        m.StartsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        i.DecisionRegistrationNumber is null ? "Lēmuma projekts" : "Lēmums",
        i.DecisionRegistrationNumber is null ? null : DecisionFile(b, i),
        [Consultation(b, i, m, embedded: true)],
        Stamp(i.CreatedUtc), Stamp(i.UpdatedUtc));

    /// <summary>Inside its Paper the paper is implied; standing alone it is named.</summary>
    public static OParlConsultation Consultation(string b, AgendaItem i, Meeting m, bool embedded) => new(
        $"{b}/consultations/{i.Id}", Schema + "Consultation", $"{b}/agenda-items/{i.Id}", $"{b}/meetings/{m.Id}",
        [$"{b}/organizations/{m.BodyId}"], i.DecisionRegistrationNumber is not null,
        i.ForwardedFromId is null ? "Izskatīšana" : "Lēmuma pieņemšana pēc komitejas atzinuma",
        Stamp(i.CreatedUtc), Stamp(i.UpdatedUtc),
        embedded ? null : $"{b}/papers/{i.Id}");

    /// <summary>The site's root, where the files' public addresses are.</summary>
    private static string Site(string b) => b[..^"/oparl/v1".Length];

    public static OParlFile MinutesFile(string b, Meeting m) => File(b, $"minutes-{m.Id}", $"Sēdes protokols Nr. {m.Number}/{m.Year}",
        $"protokols-{m.Number}-{m.Year}.html", $"{Site(b)}/api/council/meetings/{m.Id}/minutes.html", m.StartsAt, m.CreatedUtc, m.UpdatedUtc);

    public static OParlFile DecisionFile(string b, AgendaItem i) => File(b, $"decision-{i.Id}", $"Lēmums {i.DecisionRegistrationNumber}: {i.Title}",
        $"lemums-{i.DecisionRegistrationNumber?.Replace('/', '-')}.html", $"{Site(b)}/api/council/agenda-items/{i.Id}/decision.html", i.UpdatedUtc, i.CreatedUtc, i.UpdatedUtc);

    private static OParlFile File(string b, string id, string name, string fileName, string url, DateTime date, DateTime created, DateTime modified) => new(
        $"{b}/files/{id}", Schema + "File", name, fileName, "text/html", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), url, url,
        Stamp(created), Stamp(modified));

    /// <summary>A closed vote with its counts and each member's vote, in Popolo's options (yes, no, abstain).</summary>
    public static PopoloVoteEvent VoteEvent(string b, VoteEvent vote, Meeting meeting, IEnumerable<Vote> votes)
    {
        static string Option(VoteChoice c) => c switch { VoteChoice.For => "yes", VoteChoice.Against => "no", _ => "abstain" };
        return new PopoloVoteEvent(
            $"{b}/vote-events/{vote.Id}", vote.Id.ToString(), new PopoloMotion(vote.Motion),
            $"{b}/organizations/{meeting.BodyId}", $"{b}/agenda-items/{vote.AgendaItemId}",
            Stamp(vote.OpenedUtc), vote.ClosedUtc is { } closed ? Stamp(closed) : null,
            vote.Passed == true ? "pass" : "fail",
            [new PopoloCount("yes", vote.For), new PopoloCount("no", vote.Against), new PopoloCount("abstain", vote.Abstain)],
            votes.Select(v => new PopoloVote($"{b}/people/{v.PersonId}", Option(v.Choice))).ToList());
    }

    public static int Pages(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>
    /// Page <paramref name="current"/> of an external list of <paramref name="total"/> objects; the links keep the
    /// request's other query parameters (the filters) and set <c>page</c>.
    /// </summary>
    public static OParlList<T> List<T>(string b, HttpRequest request, IReadOnlyList<T> data, int total, int current)
    {
        var pages = Pages(total);
        var query = request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => q.Value.ToString());
        var path = request.Path.Value!;
        string Link(int p) => QueryHelpers.AddQueryString($"{b}{path[(path.IndexOf("/oparl/v1", StringComparison.Ordinal) + 9)..]}",
            new Dictionary<string, string?>(query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value))) { ["page"] = p.ToString(CultureInfo.InvariantCulture) });
        return new OParlList<T>(data, new OParlPagination(total, PageSize, current, pages),
            new OParlLinks(Link(1), Link(pages), Link(current), current > 1 ? Link(current - 1) : null, current < pages ? Link(current + 1) : null));
    }

    public static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
}
