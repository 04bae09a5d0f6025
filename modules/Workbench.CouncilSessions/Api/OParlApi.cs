using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;
using Workbench.CouncilSessions.Data;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Api;

/// <summary>
/// OParl 1.1 (read-only, anonymous): <c>/{tenant}/oparl/v1/system</c> and everything it links to. The municipality is
/// the Body; its council, committees and commissions are Organizations. Only what the public may see is served:
/// meetings once convened and public, their public agenda items; people through their memberships. Individual votes,
/// which OParl does not model, are at <c>/oparl/v1/vote-events/{id}</c> in Popolo's VoteEvent/Vote shape.
/// </summary>
public static class OParlApi
{
    private const string Schema = "https://schema.oparl.org/1.1/";
    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapOParl(this IEndpointRouteBuilder routes)
    {
        var oparl = routes.MapGroup("/oparl/v1").WithTags("OParl");
        oparl.MapGet("/system", (HttpContext http, ITenantContext tenant) => Json(SystemObject(Base(http), tenant)));
        oparl.MapGet("/bodies", (HttpContext http, ITenantContext tenant) => Json(List(http, [BodyObject(Base(http), tenant)], 1, 1)));
        oparl.MapGet("/body", (HttpContext http, ITenantContext tenant) => Json(BodyObject(Base(http), tenant)));
        oparl.MapGet("/organizations", Organizations);
        oparl.MapGet("/organizations/{id:guid}", Organization);
        oparl.MapGet("/people", People);
        oparl.MapGet("/people/{id:guid}", Person);
        oparl.MapGet("/memberships/{id:guid}", Membership);
        oparl.MapGet("/meetings", Meetings);
        oparl.MapGet("/meetings/{id:guid}", Meeting);
        oparl.MapGet("/meetings/{id:guid}/location", async (Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
            await PublicMeetings(db).SingleOrDefaultAsync(m => m.Id == id && m.Place != null, ct) is { } meeting ? Json(LocationObject(Base(http), meeting)) : Results.NotFound());
        oparl.MapGet("/agenda-items/{id:guid}", AgendaItem);
        oparl.MapGet("/papers", Papers).WithSummary("Draft decisions of public agenda items; once adopted and registered, the decision with its registration number");
        oparl.MapGet("/papers/{id:guid}", Paper);
        oparl.MapGet("/consultations/{id:guid}", Consultation);
        oparl.MapGet("/files/{id}", File).WithSummary("minutes-{meeting id}: the public minutes; decision-{agenda item id}: an adopted decision");
        oparl.MapGet("/vote-events/{id:guid}", VoteEvent).WithSummary("Popolo VoteEvent with its counts and each member's Vote");
        return routes;
    }

    private static string Base(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/oparl/v1";

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json; charset=utf-8");

    private static JsonObject SystemObject(string b, ITenantContext tenant) => new()
    {
        ["id"] = $"{b}/system", ["type"] = Schema + "System", ["oparlVersion"] = Schema, ["body"] = $"{b}/bodies",
        ["name"] = $"Workbench: {tenant.Required.Settings.SiteName}", ["vendor"] = "https://github.com/workbench-lv", ["product"] = "Workbench",
    };

    private static JsonObject BodyObject(string b, ITenantContext tenant) => new()
    {
        ["id"] = $"{b}/body", ["type"] = Schema + "Body", ["system"] = $"{b}/system", ["name"] = tenant.Required.Settings.SiteName,
        ["shortName"] = tenant.Required.Name,
        ["organization"] = $"{b}/organizations", ["person"] = $"{b}/people", ["meeting"] = $"{b}/meetings", ["paper"] = $"{b}/papers",
        ["legislativeTerm"] = new JsonArray(), ["classification"] = "Pašvaldība",
    };

    /// <summary>The four filters every OParl external list supports (full date-times; kept on every page's links).</summary>
    private sealed record Filters(DateTime? CreatedSince, DateTime? CreatedUntil, DateTime? ModifiedSince, DateTime? ModifiedUntil)
    {
        public static Filters From(HttpRequest request) => new(At(request, "created_since"), At(request, "created_until"), At(request, "modified_since"), At(request, "modified_until"));

        private static DateTime? At(HttpRequest request, string name) =>
            DateTimeOffset.TryParse(request.Query[name], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null;
    }

    private static IQueryable<T> Filter<T>(IQueryable<T> query, Filters f, System.Linq.Expressions.Expression<Func<T, DateTime>> created, System.Linq.Expressions.Expression<Func<T, DateTime>> modified)
    {
        if (f.CreatedSince is { } cs) query = query.Where(Compare(created, cs, since: true));
        if (f.CreatedUntil is { } cu) query = query.Where(Compare(created, cu, since: false));
        if (f.ModifiedSince is { } ms) query = query.Where(Compare(modified, ms, since: true));
        if (f.ModifiedUntil is { } mu) query = query.Where(Compare(modified, mu, since: false));
        return query;
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> Compare<T>(System.Linq.Expressions.Expression<Func<T, DateTime>> stamp, DateTime at, bool since)
    {
        var value = System.Linq.Expressions.Expression.Constant(at);
        var body = since ? System.Linq.Expressions.Expression.GreaterThanOrEqual(stamp.Body, value) : System.Linq.Expressions.Expression.LessThanOrEqual(stamp.Body, value);
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, stamp.Parameters);
    }

    private static async Task<IResult> Organizations(HttpContext http, CouncilDbContext db, int? page, CancellationToken ct)
    {
        var query = Filter(db.Bodies.AsNoTracking(), Filters.From(http.Request), o => o.CreatedUtc, o => o.UpdatedUtc);
        return await PageAsync(http, query.OrderBy(o => o.Name).ThenBy(o => o.Id), page, async items =>
        {
            var b = Base(http);
            var members = await MembershipsByBodyAsync(db, items.Select(o => o.Id).ToList(), ct);
            return items.Select(o => OrganizationObject(b, o, members.GetValueOrDefault(o.Id, []))).ToList();
        }, ct);
    }

    private static async Task<IResult> Organization(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await db.Bodies.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } body
            ? Json(OrganizationObject(Base(http), body, (await MembershipsByBodyAsync(db, [id], ct)).GetValueOrDefault(id, [])))
            : Results.NotFound();

    private static JsonObject OrganizationObject(string b, Body body, List<Membership> members) => new()
    {
        ["id"] = $"{b}/organizations/{body.Id}", ["type"] = Schema + "Organization", ["body"] = $"{b}/body", ["name"] = body.Name,
        ["shortName"] = body.ShortName, ["classification"] = body.Kind switch { BodyKind.Council => "Dome", BodyKind.Committee => "Komiteja", _ => "Komisija" },
        ["organizationType"] = "Gremium",
        ["membership"] = new JsonArray(members.Select(m => (JsonNode)$"{b}/memberships/{m.Id}").ToArray()),
        ["meeting"] = $"{b}/meetings?organization={body.Id}",
        ["created"] = Stamp(body.CreatedUtc), ["modified"] = Stamp(body.UpdatedUtc),
    };

    private static async Task<IResult> People(HttpContext http, CouncilDbContext db, int? page, CancellationToken ct)
    {
        // People appear through a seat in some body: guests and other contacts are not published.
        var seated = db.Memberships.Select(m => m.PersonId);
        var query = Filter(db.People.AsNoTracking().Where(p => seated.Contains(p.Id)), Filters.From(http.Request), p => p.CreatedUtc, p => p.UpdatedUtc);
        return await PageAsync(http, query.OrderBy(p => p.Name).ThenBy(p => p.Id), page, async items =>
        {
            var ids = items.Select(p => p.Id).ToList();
            var memberships = (await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.PersonId)).ToListAsync(ct)).ToLookup(m => m.PersonId);
            return items.Select(p => PersonObject(Base(http), p, memberships[p.Id])).ToList();
        }, ct);
    }

    private static async Task<IResult> Person(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct)
    {
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.PersonId == id).ToListAsync(ct);
        return memberships.Count > 0 && await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } person
            ? Json(PersonObject(Base(http), person, memberships)) : Results.NotFound();
    }

    /// <summary>Name, party and seats; never the e-mail address.</summary>
    private static JsonObject PersonObject(string b, Person person, IEnumerable<Membership> memberships) => new()
    {
        ["id"] = $"{b}/people/{person.Id}", ["type"] = Schema + "Person", ["body"] = $"{b}/body", ["name"] = person.Name,
        ["membership"] = new JsonArray(memberships.Select(m => (JsonNode)MembershipObject(b, m, embedded: true)).ToArray()),
        ["created"] = Stamp(person.CreatedUtc), ["modified"] = Stamp(person.UpdatedUtc),
    };

    private static async Task<IResult> Membership(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is { } membership
            ? Json(MembershipObject(Base(http), membership, embedded: false)) : Results.NotFound();

    private static JsonObject MembershipObject(string b, Membership m, bool embedded)
    {
        var membership = new JsonObject
        {
            ["id"] = $"{b}/memberships/{m.Id}", ["type"] = Schema + "Membership", ["organization"] = $"{b}/organizations/{m.BodyId}",
            ["role"] = Labels.Of(m.Role),
            ["votingRight"] = m.VotingRight, ["startDate"] = m.Start.ToString("yyyy-MM-dd"), ["endDate"] = m.End?.ToString("yyyy-MM-dd"),
            ["created"] = Stamp(m.CreatedUtc), ["modified"] = Stamp(m.UpdatedUtc),
        };
        // Inside a Person the person is implied; standing alone it is named.
        if (!embedded) membership["person"] = $"{b}/people/{m.PersonId}";
        return membership;
    }

    /// <summary>Only public meetings from convening on: a planned or closed-door meeting does not exist here.</summary>
    private static IQueryable<Meeting> PublicMeetings(CouncilDbContext db) =>
        db.Meetings.AsNoTracking().Where(Domain.Meeting.Published);

    private static async Task<IResult> Meetings(HttpContext http, CouncilDbContext db, Guid? organization, int? page, CancellationToken ct)
    {
        var query = Filter(PublicMeetings(db).Where(m => organization == null || m.BodyId == organization), Filters.From(http.Request), m => m.CreatedUtc, m => m.UpdatedUtc);
        return await PageAsync(http, query.OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id), page, async items =>
        {
            var ids = items.Select(m => m.Id).ToList();
            var agenda = (await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.MeetingId) && i.IsPublic).OrderBy(i => i.Number).ToListAsync(ct)).ToLookup(i => i.MeetingId);
            return items.Select(m => MeetingObject(Base(http), m, agenda[m.Id])).ToList();
        }, ct);
    }

    private static async Task<IResult> Meeting(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await PublicMeetings(db).SingleOrDefaultAsync(m => m.Id == id, ct) is { } meeting
            ? Json(MeetingObject(Base(http), meeting, await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id && i.IsPublic).OrderBy(i => i.Number).ToListAsync(ct)))
            : Results.NotFound();

    private static JsonObject MeetingObject(string b, Meeting m, IEnumerable<AgendaItem> agenda) => new()
    {
        ["id"] = $"{b}/meetings/{m.Id}", ["type"] = Schema + "Meeting", ["name"] = $"Sēde Nr. {m.Number}/{m.Year}",
        // OParl's recommended values: invited until the minutes are released, then held.
        ["meetingState"] = m.State == MeetingState.MinutesSigned ? "durchgeführt" : "eingeladen",
        ["cancelled"] = false, ["start"] = Stamp(m.StartsAt),
        ["location"] = m.Place is null ? null : LocationObject(b, m),
        ["organization"] = new JsonArray((JsonNode)$"{b}/organizations/{m.BodyId}"),
        ["agendaItem"] = new JsonArray(agenda.Select(i => (JsonNode)AgendaItemObject(b, i)).ToArray()),
        ["resultsProtocol"] = m.State == MeetingState.MinutesSigned ? MinutesFile(b, m) : null,
        ["created"] = Stamp(m.CreatedUtc), ["modified"] = Stamp(m.UpdatedUtc),
    };

    private static JsonObject LocationObject(string b, Meeting m) => new()
    {
        ["id"] = $"{b}/meetings/{m.Id}/location", ["type"] = Schema + "Location", ["description"] = m.Place,
        ["meetings"] = new JsonArray((JsonNode)$"{b}/meetings/{m.Id}"), ["created"] = Stamp(m.CreatedUtc), ["modified"] = Stamp(m.UpdatedUtc),
    };

    private static async Task<IResult> AgendaItem(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.IsPublic, ct);
        return item is not null && await PublicMeetings(db).AnyAsync(m => m.Id == item.MeetingId, ct) ? Json(AgendaItemObject(Base(http), item)) : Results.NotFound();
    }

    private static JsonObject AgendaItemObject(string b, AgendaItem i) => new()
    {
        ["id"] = $"{b}/agenda-items/{i.Id}", ["type"] = Schema + "AgendaItem", ["meeting"] = $"{b}/meetings/{i.MeetingId}",
        ["number"] = i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".", ["order"] = i.Number, ["name"] = i.Title, ["public"] = true,
        ["consultation"] = HasPaper(i) ? $"{b}/consultations/{i.Id}" : null,
        ["resolutionText"] = i.DecisionRegistrationNumber is null ? null : i.DraftDecision,
        ["resolutionFile"] = i.DecisionRegistrationNumber is null ? null : DecisionFile(b, i),
        ["created"] = Stamp(i.CreatedUtc), ["modified"] = Stamp(i.UpdatedUtc),
    };

    /// <summary>An agenda item with a draft decision is a Paper; adopted and registered, it carries the decision's number.</summary>
    private static bool HasPaper(AgendaItem i) => !string.IsNullOrWhiteSpace(i.DraftDecision);

    private static IQueryable<AgendaItem> PublicPapers(CouncilDbContext db) =>
        from i in db.AgendaItems.AsNoTracking()
        join m in PublicMeetings(db) on i.MeetingId equals m.Id
        where i.IsPublic && i.DraftDecision != null && i.DraftDecision != ""
        select i;

    private static async Task<IResult> Papers(HttpContext http, CouncilDbContext db, int? page, CancellationToken ct)
    {
        var query = Filter(PublicPapers(db), Filters.From(http.Request), i => i.CreatedUtc, i => i.UpdatedUtc);
        return await PageAsync(http, query.OrderBy(i => i.CreatedUtc).ThenBy(i => i.Id), page, async items =>
        {
            var meetingIds = items.Select(i => i.MeetingId).Distinct().ToList();
            var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            return items.Select(i => PaperObject(Base(http), i, meetings[i.MeetingId])).ToList();
        }, ct);
    }

    private static async Task<IResult> Paper(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await PublicPapers(db).SingleOrDefaultAsync(i => i.Id == id, ct) is { } item
            ? Json(PaperObject(Base(http), item, await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct)))
            : Results.NotFound();

    private static async Task<IResult> Consultation(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await PublicPapers(db).SingleOrDefaultAsync(i => i.Id == id, ct) is { } item
            ? Json(ConsultationObject(Base(http), item, await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct), embedded: false))
            : Results.NotFound();

    private static JsonObject PaperObject(string b, AgendaItem i, Meeting m) => new()
    {
        ["id"] = $"{b}/papers/{i.Id}", ["type"] = Schema + "Paper", ["body"] = $"{b}/body", ["name"] = i.Title,
        ["reference"] = i.DecisionRegistrationNumber ?? $"{m.Number}/{m.Year}-{i.Number}",
        ["date"] = m.StartsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["paperType"] = i.DecisionRegistrationNumber is null ? "Lēmuma projekts" : "Lēmums",
        ["mainFile"] = i.DecisionRegistrationNumber is null ? null : DecisionFile(b, i),
        ["consultation"] = new JsonArray(ConsultationObject(b, i, m, embedded: true)),
        ["created"] = Stamp(i.CreatedUtc), ["modified"] = Stamp(i.UpdatedUtc),
    };

    private static JsonObject ConsultationObject(string b, AgendaItem i, Meeting m, bool embedded)
    {
        var consultation = new JsonObject
        {
            ["id"] = $"{b}/consultations/{i.Id}", ["type"] = Schema + "Consultation", ["agendaItem"] = $"{b}/agenda-items/{i.Id}", ["meeting"] = $"{b}/meetings/{m.Id}",
            ["organization"] = new JsonArray((JsonNode)$"{b}/organizations/{m.BodyId}"), ["authoritative"] = i.DecisionRegistrationNumber is not null,
            ["role"] = i.ForwardedFromId is null ? "Izskatīšana" : "Lēmuma pieņemšana pēc komitejas atzinuma",
            ["created"] = Stamp(i.CreatedUtc), ["modified"] = Stamp(i.UpdatedUtc),
        };
        // Inside its Paper the paper is implied; standing alone it is named.
        if (!embedded) consultation["paper"] = $"{b}/papers/{i.Id}";
        return consultation;
    }

    private static async Task<IResult> File(string id, HttpContext http, CouncilDbContext db, CancellationToken ct)
    {
        var b = Base(http);
        if (id.StartsWith("minutes-", StringComparison.Ordinal) && Guid.TryParse(id[8..], out var meetingId)
            && await PublicMeetings(db).SingleOrDefaultAsync(m => m.Id == meetingId && m.State == MeetingState.MinutesSigned, ct) is { } meeting)
            return Json(MinutesFile(b, meeting));
        if (id.StartsWith("decision-", StringComparison.Ordinal) && Guid.TryParse(id[9..], out var itemId)
            && await PublicPapers(db).SingleOrDefaultAsync(i => i.Id == itemId && i.DecisionRegistrationNumber != null, ct) is { } item)
            return Json(DecisionFile(b, item));
        return Results.NotFound();
    }

    /// <summary>The site's root, where the files' public addresses are.</summary>
    private static string Site(string b) => b[..^"/oparl/v1".Length];

    private static JsonObject MinutesFile(string b, Meeting m) => FileObject(b, $"minutes-{m.Id}", $"Sēdes protokols Nr. {m.Number}/{m.Year}",
        $"protokols-{m.Number}-{m.Year}.html", $"{Site(b)}/api/council/meetings/{m.Id}/minutes.html", m.StartsAt, m.CreatedUtc, m.UpdatedUtc);

    private static JsonObject DecisionFile(string b, AgendaItem i) => FileObject(b, $"decision-{i.Id}", $"Lēmums {i.DecisionRegistrationNumber}: {i.Title}",
        $"lemums-{i.DecisionRegistrationNumber?.Replace('/', '-')}.html", $"{Site(b)}/api/council/agenda-items/{i.Id}/decision.html", i.UpdatedUtc, i.CreatedUtc, i.UpdatedUtc);

    private static JsonObject FileObject(string b, string id, string name, string fileName, string url, DateTime date, DateTime created, DateTime modified) => new()
    {
        ["id"] = $"{b}/files/{id}", ["type"] = Schema + "File", ["name"] = name, ["fileName"] = fileName, ["mimeType"] = "text/html",
        ["date"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["accessUrl"] = url, ["downloadUrl"] = url,
        ["created"] = Stamp(created), ["modified"] = Stamp(modified),
    };

    /// <summary>Popolo VoteEvent (<c>popolo-project/popolo-spec schemas/vote_event.json</c>) with counts and Votes.</summary>
    private static async Task<IResult> VoteEvent(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct)
    {
        var vote = await db.VoteEvents.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.State == VoteEventState.Closed, ct);
        if (vote is null || await PublicMeetings(db).SingleOrDefaultAsync(m => m.Id == vote.MeetingId, ct) is not { } meeting
            || !await db.AgendaItems.AnyAsync(i => i.Id == vote.AgendaItemId && i.IsPublic, ct)) return Results.NotFound();
        var b = Base(http);
        var votes = await db.Votes.AsNoTracking().Where(v => v.VoteEventId == id).OrderBy(v => v.CastUtc).ToListAsync(ct);
        static string Option(VoteChoice c) => c switch { VoteChoice.For => "yes", VoteChoice.Against => "no", _ => "abstain" };
        return Json(new JsonObject
        {
            ["id"] = $"{b}/vote-events/{id}", ["identifier"] = id.ToString(), ["motion"] = new JsonObject { ["text"] = vote.Motion },
            ["organization_id"] = $"{b}/organizations/{meeting.BodyId}", ["agenda_item"] = $"{b}/agenda-items/{vote.AgendaItemId}",
            ["start_date"] = Stamp(vote.OpenedUtc), ["end_date"] = vote.ClosedUtc is { } closed ? Stamp(closed) : null,
            ["result"] = vote.Passed == true ? "pass" : "fail",
            ["counts"] = new JsonArray(
                new JsonObject { ["option"] = "yes", ["value"] = vote.For }, new JsonObject { ["option"] = "no", ["value"] = vote.Against },
                new JsonObject { ["option"] = "abstain", ["value"] = vote.Abstain }),
            ["votes"] = new JsonArray(votes.Select(v => (JsonNode)new JsonObject { ["voter_id"] = $"{b}/people/{v.PersonId}", ["option"] = Option(v.Choice) }).ToArray()),
        });
    }

    private static async Task<IResult> PageAsync<T>(HttpContext http, IQueryable<T> query, int? page, Func<List<T>, Task<List<JsonObject>>> render, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pages);
        var items = await query.Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Json(List(http, await render(items), total, current));
    }

    /// <summary>An OParl external list: <c>data</c>, <c>pagination</c> and <c>links</c> (first, prev, next, last, self).</summary>
    private static JsonObject List(HttpContext http, IReadOnlyList<JsonObject> data, int total, int current)
    {
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var query = http.Request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => q.Value.ToString());
        string Link(int p) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"{Base(http)}{http.Request.Path.Value![(http.Request.Path.Value!.IndexOf("/oparl/v1", StringComparison.Ordinal) + 9)..]}",
            new Dictionary<string, string?>(query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value))) { ["page"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var links = new JsonObject { ["first"] = Link(1), ["last"] = Link(pages), ["self"] = Link(current) };
        if (current > 1) links["prev"] = Link(current - 1);
        if (current < pages) links["next"] = Link(current + 1);
        return new JsonObject
        {
            ["data"] = new JsonArray(data.Select(d => (JsonNode)d).ToArray()),
            ["pagination"] = new JsonObject { ["totalElements"] = total, ["elementsPerPage"] = PageSize, ["currentPage"] = current, ["totalPages"] = pages },
            ["links"] = links,
        };
    }

    private static async Task<Dictionary<Guid, List<Membership>>> MembershipsByBodyAsync(CouncilDbContext db, List<Guid> bodies, CancellationToken ct) =>
        (await db.Memberships.AsNoTracking().Where(m => bodies.Contains(m.BodyId)).ToListAsync(ct)).GroupBy(m => m.BodyId).ToDictionary(g => g.Key, g => g.ToList());

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
}
