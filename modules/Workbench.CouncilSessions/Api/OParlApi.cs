using System.Linq.Expressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
/// which OParl does not model, are at <c>/oparl/v1/vote-events/{id}</c> in Popolo's VoteEvent/Vote shape. The routes
/// and queries are here; the objects are built by <see cref="OParlMapper"/>.
/// </summary>
public static class OParlApi
{
    public static IEndpointRouteBuilder MapOParl(this IEndpointRouteBuilder routes)
    {
        var oparl = routes.MapGroup("/oparl/v1").WithTags("OParl");
        oparl.MapGet("/system", (HttpContext http, ITenantContext tenant) => OParlJson.Ok(OParlMapper.System(Base(http), tenant)));
        oparl.MapGet("/bodies", (HttpContext http, ITenantContext tenant) => OParlJson.Ok(OParlMapper.List(Base(http), http.Request, [OParlMapper.Body(Base(http), tenant)], 1, 1)));
        oparl.MapGet("/body", (HttpContext http, ITenantContext tenant) => OParlJson.Ok(OParlMapper.Body(Base(http), tenant)));
        oparl.MapGet("/organizations", Organizations);
        oparl.MapGet("/organizations/{id:guid}", Organization);
        oparl.MapGet("/people", People);
        oparl.MapGet("/people/{id:guid}", Person);
        oparl.MapGet("/memberships/{id:guid}", Membership);
        oparl.MapGet("/meetings", Meetings);
        oparl.MapGet("/meetings/{id:guid}", Meeting);
        oparl.MapGet("/meetings/{id:guid}/location", Location);
        oparl.MapGet("/agenda-items/{id:guid}", AgendaItem);
        oparl.MapGet("/papers", Papers).WithSummary("Draft decisions of public agenda items; once adopted and registered, the decision with its registration number");
        oparl.MapGet("/papers/{id:guid}", Paper);
        oparl.MapGet("/consultations/{id:guid}", Consultation);
        oparl.MapGet("/files/{id}", File).WithSummary("minutes-{meeting id}: the public minutes; decision-{agenda item id}: an adopted decision");
        oparl.MapGet("/vote-events/{id:guid}", VoteEvent).WithSummary("Popolo VoteEvent with its counts and each member's Vote");
        return routes;
    }

    private static string Base(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/oparl/v1";

    /// <summary>The four filters every OParl external list supports (full date-times; kept on every page's links).</summary>
    private sealed record Filters(DateTime? CreatedSince, DateTime? CreatedUntil, DateTime? ModifiedSince, DateTime? ModifiedUntil)
    {
        public static Filters From(HttpRequest request) => new(At(request, "created_since"), At(request, "created_until"), At(request, "modified_since"), At(request, "modified_until"));

        private static DateTime? At(HttpRequest request, string name) =>
            DateTimeOffset.TryParse(request.Query[name], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null;
    }

    private static IQueryable<T> Filter<T>(IQueryable<T> query, Filters f, Expression<Func<T, DateTime>> created, Expression<Func<T, DateTime>> modified)
    {
        if (f.CreatedSince is { } cs) query = query.Where(Compare(created, cs, since: true));
        if (f.CreatedUntil is { } cu) query = query.Where(Compare(created, cu, since: false));
        if (f.ModifiedSince is { } ms) query = query.Where(Compare(modified, ms, since: true));
        if (f.ModifiedUntil is { } mu) query = query.Where(Compare(modified, mu, since: false));
        return query;
    }

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTime>> stamp, DateTime at, bool since)
    {
        var value = Expression.Constant(at);
        var body = since ? Expression.GreaterThanOrEqual(stamp.Body, value) : Expression.LessThanOrEqual(stamp.Body, value);
        return Expression.Lambda<Func<T, bool>>(body, stamp.Parameters);
    }

    private static async Task<OParlJson<OParlList<OParlOrganization>>> Organizations(HttpContext http, CouncilDbContext db, int? page, CancellationToken ct)
    {
        var query = Filter(db.Bodies.AsNoTracking(), Filters.From(http.Request), o => o.CreatedUtc, o => o.UpdatedUtc);
        return await PageAsync(http, query.OrderBy(o => o.Name).ThenBy(o => o.Id), page, async items =>
        {
            var b = Base(http);
            var members = await MembershipsByBodyAsync(db, items.Select(o => o.Id).ToList(), ct);
            return items.Select(o => OParlMapper.Organization(b, o, members.GetValueOrDefault(o.Id, []))).ToList();
        }, ct);
    }

    private static async Task<Results<OParlJson<OParlOrganization>, NotFound>> Organization(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await db.Bodies.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } body
            ? OParlJson.Ok(OParlMapper.Organization(Base(http), body, (await MembershipsByBodyAsync(db, [id], ct)).GetValueOrDefault(id, [])))
            : TypedResults.NotFound();

    private static async Task<OParlJson<OParlList<OParlPerson>>> People(HttpContext http, CouncilDbContext db, int? page, CancellationToken ct)
    {
        // People appear through a seat in some body: guests and other contacts are not published.
        var seated = db.Memberships.Select(m => m.PersonId);
        var query = Filter(db.People.AsNoTracking().Where(p => seated.Contains(p.Id)), Filters.From(http.Request), p => p.CreatedUtc, p => p.UpdatedUtc);
        return await PageAsync(http, query.OrderBy(p => p.Name).ThenBy(p => p.Id), page, async items =>
        {
            var ids = items.Select(p => p.Id).ToList();
            var memberships = (await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.PersonId)).ToListAsync(ct)).ToLookup(m => m.PersonId);
            return items.Select(p => OParlMapper.Person(Base(http), p, memberships[p.Id])).ToList();
        }, ct);
    }

    private static async Task<Results<OParlJson<OParlPerson>, NotFound>> Person(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct)
    {
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.PersonId == id).ToListAsync(ct);
        return memberships.Count > 0 && await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } person
            ? OParlJson.Ok(OParlMapper.Person(Base(http), person, memberships)) : TypedResults.NotFound();
    }

    private static async Task<Results<OParlJson<OParlMembership>, NotFound>> Membership(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is { } membership
            ? OParlJson.Ok(OParlMapper.Membership(Base(http), membership, embedded: false)) : TypedResults.NotFound();

    /// <summary>Only public meetings from convening on: a planned or closed-door meeting does not exist here.</summary>
    private static IQueryable<Meeting> PublicMeetings(CouncilDbContext db) =>
        db.Meetings.AsNoTracking().Where(Domain.Meeting.Published);

    private static async Task<OParlJson<OParlList<OParlMeeting>>> Meetings(HttpContext http, CouncilDbContext db, Guid? organization, int? page, CancellationToken ct)
    {
        var query = Filter(PublicMeetings(db).Where(m => organization == null || m.BodyId == organization), Filters.From(http.Request), m => m.CreatedUtc, m => m.UpdatedUtc);
        return await PageAsync(http, query.OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id), page, async items =>
        {
            var ids = items.Select(m => m.Id).ToList();
            var agenda = (await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.MeetingId) && i.IsPublic).OrderBy(i => i.Number).ToListAsync(ct)).ToLookup(i => i.MeetingId);
            return items.Select(m => OParlMapper.Meeting(Base(http), m, agenda[m.Id])).ToList();
        }, ct);
    }

    private static async Task<Results<OParlJson<OParlMeeting>, NotFound>> Meeting(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await PublicMeetings(db).SingleOrDefaultAsync(m => m.Id == id, ct) is { } meeting
            ? OParlJson.Ok(OParlMapper.Meeting(Base(http), meeting, await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == id && i.IsPublic).OrderBy(i => i.Number).ToListAsync(ct)))
            : TypedResults.NotFound();

    private static async Task<Results<OParlJson<OParlLocation>, NotFound>> Location(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await PublicMeetings(db).SingleOrDefaultAsync(m => m.Id == id && m.Place != null, ct) is { } meeting
            ? OParlJson.Ok(OParlMapper.Location(Base(http), meeting)) : TypedResults.NotFound();

    private static async Task<Results<OParlJson<OParlAgendaItem>, NotFound>> AgendaItem(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.IsPublic, ct);
        return item is not null && await PublicMeetings(db).AnyAsync(m => m.Id == item.MeetingId, ct) ? OParlJson.Ok(OParlMapper.AgendaItem(Base(http), item)) : TypedResults.NotFound();
    }

    /// <summary>Public agenda items of public meetings that carry a draft decision (<see cref="OParlMapper.HasPaper"/>).</summary>
    private static IQueryable<AgendaItem> PublicPapers(CouncilDbContext db) =>
        from i in db.AgendaItems.AsNoTracking()
        join m in PublicMeetings(db) on i.MeetingId equals m.Id
        where i.IsPublic && i.DraftDecision != null && i.DraftDecision != ""
        select i;

    private static async Task<OParlJson<OParlList<OParlPaper>>> Papers(HttpContext http, CouncilDbContext db, int? page, CancellationToken ct)
    {
        var query = Filter(PublicPapers(db), Filters.From(http.Request), i => i.CreatedUtc, i => i.UpdatedUtc);
        return await PageAsync(http, query.OrderBy(i => i.CreatedUtc).ThenBy(i => i.Id), page, async items =>
        {
            var meetingIds = items.Select(i => i.MeetingId).Distinct().ToList();
            var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            return items.Select(i => OParlMapper.Paper(Base(http), i, meetings[i.MeetingId])).ToList();
        }, ct);
    }

    private static async Task<Results<OParlJson<OParlPaper>, NotFound>> Paper(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await PublicPapers(db).SingleOrDefaultAsync(i => i.Id == id, ct) is { } item
            ? OParlJson.Ok(OParlMapper.Paper(Base(http), item, await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct)))
            : TypedResults.NotFound();

    private static async Task<Results<OParlJson<OParlConsultation>, NotFound>> Consultation(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct) =>
        await PublicPapers(db).SingleOrDefaultAsync(i => i.Id == id, ct) is { } item
            ? OParlJson.Ok(OParlMapper.Consultation(Base(http), item, await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct), embedded: false))
            : TypedResults.NotFound();

    private static async Task<Results<OParlJson<OParlFile>, NotFound>> File(string id, HttpContext http, CouncilDbContext db, CancellationToken ct)
    {
        var b = Base(http);
        if (id.StartsWith("minutes-", StringComparison.Ordinal) && Guid.TryParse(id[8..], out var meetingId)
            && await PublicMeetings(db).SingleOrDefaultAsync(m => m.Id == meetingId && m.State == MeetingState.MinutesSigned, ct) is { } meeting)
            return OParlJson.Ok(OParlMapper.MinutesFile(b, meeting));
        if (id.StartsWith("decision-", StringComparison.Ordinal) && Guid.TryParse(id[9..], out var itemId)
            && await PublicPapers(db).SingleOrDefaultAsync(i => i.Id == itemId && i.DecisionRegistrationNumber != null, ct) is { } item)
            return OParlJson.Ok(OParlMapper.DecisionFile(b, item));
        return TypedResults.NotFound();
    }

    /// <summary>Popolo VoteEvent (<c>popolo-project/popolo-spec schemas/vote_event.json</c>) with counts and Votes.</summary>
    private static async Task<Results<OParlJson<PopoloVoteEvent>, NotFound>> VoteEvent(Guid id, HttpContext http, CouncilDbContext db, CancellationToken ct)
    {
        var vote = await db.VoteEvents.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.State == VoteEventState.Closed, ct);
        if (vote is null || await PublicMeetings(db).SingleOrDefaultAsync(m => m.Id == vote.MeetingId, ct) is not { } meeting
            || !await db.AgendaItems.AnyAsync(i => i.Id == vote.AgendaItemId && i.IsPublic, ct)) return TypedResults.NotFound();
        var votes = await db.Votes.AsNoTracking().Where(v => v.VoteEventId == id).OrderBy(v => v.CastUtc).ToListAsync(ct);
        return OParlJson.Ok(OParlMapper.VoteEvent(Base(http), vote, meeting, votes));
    }

    private static async Task<OParlJson<OParlList<TObject>>> PageAsync<T, TObject>(HttpContext http, IQueryable<T> query, int? page, Func<List<T>, Task<List<TObject>>> render, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var current = Math.Clamp(page ?? 1, 1, OParlMapper.Pages(total));
        var items = await query.Skip((current - 1) * OParlMapper.PageSize).Take(OParlMapper.PageSize).ToListAsync(ct);
        return OParlJson.Ok(OParlMapper.List(Base(http), http.Request, await render(items), total, current));
    }

    private static async Task<Dictionary<Guid, List<Membership>>> MembershipsByBodyAsync(CouncilDbContext db, List<Guid> bodies, CancellationToken ct) =>
        (await db.Memberships.AsNoTracking().Where(m => bodies.Contains(m.BodyId)).ToListAsync(ct)).GroupBy(m => m.BodyId).ToDictionary(g => g.Key, g => g.ToList());
}
