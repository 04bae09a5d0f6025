using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Security;
using Workbench.CouncilSessions.Data;
using Workbench.Abstractions.Validation;

namespace Workbench.CouncilSessions.Domain;

/// <summary>Thrown for a request the current state refuses (HTTP 409): the message says why.</summary>
public sealed class CouncilConflictException(string message) : Workbench.Abstractions.ConflictException(message);

/// <summary>
/// The council secretariat's rules, shared by the API and the recipe step: bodies, people and their memberships,
/// meetings numbered per body and year with their state machine, agendas kept numbered 1..n.
/// </summary>
public sealed class CouncilService(CouncilDbContext db, IAuditLog audit, ITenantTransaction transaction, ICurrentActor actor, TimeProvider clock, Search.AgendaItemSearchSource search, InvitationService invitations, RecordRegistration records)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static ValidationErrors Validate(BodyInput input) => Errors(
        (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200, "name", "Nosaukums ir obligāts, līdz 200 zīmēm (name is required, up to 200 characters)."),
        (input.ShortName is { Length: > 40 }, "shortName", "Īsais nosaukums līdz 40 zīmēm (short name up to 40 characters)."),
        (input.Template?.Place is { Length: > 300 }, "template.place", "Vieta līdz 300 zīmēm (the place up to 300 characters)."),
        (input.Template?.RemoteLink is { Length: > 0 } link && !Uri.TryCreate(link, UriKind.Absolute, out _), "template.remoteLink", "Saitei jābūt pilnai adresei (the link must be an absolute address)."),
        ((input.Template?.StandingItems ?? []) is var items && (items.Count > 20 || items.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 500)),
            "template.standingItems", "Līdz 20 pastāvīgiem jautājumiem, katrs 1–500 zīmes (up to 20 standing items of 1–500 characters)."));

    public static ValidationErrors Validate(PersonInput input) => Errors(
        (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200, "name", "Vārds ir obligāts, līdz 200 zīmēm (name is required, up to 200 characters)."),
        (input.Email is { Length: > 0 } email && !System.Net.Mail.MailAddress.TryCreate(email, out _), "email", "Nederīga e-pasta adrese (invalid e-mail address)."));

    public static ValidationErrors Validate(MeetingInput input) => Errors(
        (input.StartsAt is null, "startsAt", "Sēdes laiks ir obligāts (the meeting needs a date and time)."),
        (input.Mode != MeetingMode.InPerson && !Uri.TryCreate(input.RemoteLink, UriKind.Absolute, out _), "remoteLink", "Attālinātai sēdei vajag saiti (a remote or hybrid meeting needs a link)."),
        (input.Mode != MeetingMode.Remote && string.IsNullOrWhiteSpace(input.Place), "place", "Klātienes sēdei vajag vietu (a meeting in a room needs a place)."));

    public static ValidationErrors Validate(AgendaItemInput input) => Errors(
        (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 500, "title", "Jautājuma nosaukums ir obligāts, līdz 500 zīmēm (title is required, up to 500 characters)."));

    private static ValidationErrors Errors(params (bool Failed, string Field, string Message)[] checks) =>
        checks.Aggregate(new ValidationErrors(), (errors, check) => errors.When(check.Failed, check.Field, check.Message));

    public async Task<Body> CreateBodyAsync(BodyInput input, CancellationToken ct)
    {
        var body = new Body { Id = Guid.NewGuid(), Name = input.Name!.Trim(), ShortName = input.ShortName?.Trim(), Kind = input.Kind, Rule = input.Rule, Template = input.Template, CreatedUtc = Now, UpdatedUtc = Now };
        return await SaveAsync(body, db.Bodies, "council.body.created", body.Name, ct);
    }

    public async Task<Person> CreatePersonAsync(PersonInput input, CancellationToken ct)
    {
        var person = new Person { Id = Guid.NewGuid(), Name = input.Name!.Trim(), Email = input.Email?.Trim(), Affiliation = input.Affiliation?.Trim(), CreatedUtc = Now, UpdatedUtc = Now };
        return await SaveAsync(person, db.People, "council.person.created", person.Name, ct);
    }

    public async Task<Membership> AddMemberAsync(Guid bodyId, MembershipInput input, CancellationToken ct)
    {
        _ = await db.Bodies.FindAsync([bodyId], ct) ?? throw new KeyNotFoundException("Nav tādas institūcijas (no such body).");
        _ = await db.People.FindAsync([input.PersonId], ct) ?? throw new KeyNotFoundException("Nav tādas personas (no such person).");
        var start = input.Start ?? DateOnly.FromDateTime(Now);
        if (input.End is { } end && end <= start) throw new CouncilConflictException("Dalības beigas jābūt pēc sākuma (a membership must end after it starts).");
        var overlapping = await db.Memberships.AnyAsync(m => m.BodyId == bodyId && m.PersonId == input.PersonId &&
            (m.End == null || m.End > start) && (input.End == null || m.Start < input.End), ct);
        if (overlapping) throw new CouncilConflictException("Personai šajā laikā jau ir dalība šajā institūcijā (the person already sits in this body in that period).");
        var membership = new Membership { Id = Guid.NewGuid(), BodyId = bodyId, PersonId = input.PersonId, Role = input.Role, VotingRight = input.VotingRight, Start = start, End = input.End, CreatedUtc = Now, UpdatedUtc = Now };
        return await SaveAsync(membership, db.Memberships, "council.membership.added", $"{bodyId}/{input.PersonId}", ct);
    }

    /// <summary>Members with voting right on a day: the basis of quorum and results.</summary>
    public Task<List<Body>> BodiesAsync(CancellationToken ct) => db.Bodies.AsNoTracking().OrderBy(b => b.Kind).ThenBy(b => b.Name).ToListAsync(ct);

    public Task<List<Person>> PeopleAsync(CancellationToken ct) => db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    public Task<List<Membership>> MembershipsAsync(Guid bodyId, CancellationToken ct) =>
        db.Memberships.AsNoTracking().Where(m => m.BodyId == bodyId).OrderBy(m => m.Role).ThenBy(m => m.Start).ToListAsync(ct);

    /// <summary>Meetings newest first; without <paramref name="internalToo"/> only public meetings that were convened.</summary>
    public Task<List<Meeting>> MeetingsAsync(bool internalToo, CancellationToken ct) =>
        (internalToo ? db.Meetings.AsNoTracking() : db.Meetings.AsNoTracking().Where(Meeting.Published)).OrderByDescending(m => m.StartsAt).ToListAsync(ct);

    public Task<Meeting?> MeetingAsync(Guid id, CancellationToken ct) => db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);

    public Task<List<AgendaItem>> AgendaAsync(Guid meetingId, bool internalToo, CancellationToken ct) =>
        db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId && (internalToo || i.IsPublic)).OrderBy(i => i.Number).ToListAsync(ct);

    public async Task<List<Membership>> VotingMembersAsync(Guid bodyId, DateOnly day, CancellationToken ct) =>
        (await db.Memberships.AsNoTracking().Where(m => m.BodyId == bodyId && m.VotingRight).ToListAsync(ct)).Where(m => m.IsActiveOn(day)).ToList();

    /// <summary>A new planned meeting, numbered next for its body in its year.</summary>
    public Task<Meeting> CreateMeetingAsync(MeetingInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var body = await db.Bodies.FindAsync([input.BodyId], ct) ?? throw new KeyNotFoundException("Nav tādas institūcijas (no such body).");
        var year = input.StartsAt!.Value.Year;
        var number = (await db.Meetings.Where(m => m.BodyId == input.BodyId && m.Year == year).MaxAsync(m => (int?)m.Number, ct) ?? 0) + 1;
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(), BodyId = input.BodyId, Year = year, Number = number, Kind = input.Kind, Mode = input.Mode,
            StartsAt = DateTime.SpecifyKind(input.StartsAt.Value, DateTimeKind.Utc), Place = input.Place?.Trim(), RemoteLink = input.RemoteLink?.Trim(),
            ChairId = input.ChairId, MinuteTakerId = input.MinuteTakerId, IsPublic = input.IsPublic, State = MeetingState.Planned, CreatedUtc = Now, UpdatedUtc = Now,
        };
        await SaveAsync(meeting, db.Meetings, "council.meeting.created", $"{number}/{year}", ct);
        foreach (var title in body.Template?.StandingItems ?? []) await AddAgendaItemAsync(meeting.Id, new AgendaItemInput(title), ct);
        return meeting;
    }, ct);

    /// <summary>The meeting as planned, with what it leaves out taken from its body's template: place, remote link, and
    /// the usual starting time for a date given without one (midnight UTC).</summary>
    public async Task<MeetingInput> WithTemplateAsync(MeetingInput input, CancellationToken ct)
    {
        if ((await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == input.BodyId, ct))?.Template is not { } template) return input;
        return input with
        {
            StartsAt = input.StartsAt is { TimeOfDay.Ticks: 0 } day && template.StartTime is { } time ? day.Date + time.ToTimeSpan() : input.StartsAt,
            Place = string.IsNullOrWhiteSpace(input.Place) ? template.Place : input.Place,
            RemoteLink = string.IsNullOrWhiteSpace(input.RemoteLink) ? template.RemoteLink : input.RemoteLink,
        };
    }

    public Task<Meeting> TransitionAsync(Guid meetingId, string action, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var meeting = await db.Meetings.FindAsync([meetingId], ct) ?? throw new KeyNotFoundException("Nav tādas sēdes (no such meeting).");
        var (next, refusal) = MeetingStates.Apply(meeting.State, action);
        if (refusal is not null) throw new CouncilConflictException(refusal);
        if (next == MeetingState.Convened && !await db.AgendaItems.AnyAsync(i => i.MeetingId == meetingId, ct))
            throw new CouncilConflictException("Sēdi nevar sasaukt bez darba kārtības (a meeting cannot be convened without an agenda).");
        if (next == MeetingState.Closed && await db.VoteEvents.AnyAsync(v => v.MeetingId == meetingId && v.State == VoteEventState.Open, ct))
            throw new CouncilConflictException("Vispirms slēdziet notiekošo balsojumu (close the open vote before closing the meeting).");
        var from = meeting.State;
        meeting.State = next!.Value;
        meeting.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.meeting." + action, meetingId.ToString(), new { from, to = meeting.State }, ct);
        await search.ReindexMeetingAsync(meetingId, ct);
        if (meeting.State == MeetingState.Convened) await invitations.InviteAsync(meeting, ct);
        if (meeting.State == MeetingState.MinutesSigned) await records.RegisterAsync(meeting, ct);
        return meeting;
    }, ct);

    public Task<AgendaItem> AddAgendaItemAsync(Guid meetingId, AgendaItemInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var meeting = await OpenMeetingAsync(meetingId, ct);
        var number = (await db.AgendaItems.Where(i => i.MeetingId == meetingId).MaxAsync(i => (int?)i.Number, ct) ?? 0) + 1;
        var item = new AgendaItem
        {
            Id = Guid.NewGuid(), MeetingId = meetingId, Number = number, Title = input.Title!.Trim(), RapporteurId = input.RapporteurId,
            DraftDecision = input.DraftDecision, IsPublic = input.IsPublic, IsAdditional = meeting.State != MeetingState.Planned, CreatedUtc = Now, UpdatedUtc = Now,
        };
        await SaveAsync(item, db.AgendaItems, "council.agenda.added", $"{meetingId}/{number}", ct);
        await search.ReindexMeetingAsync(meetingId, ct);
        if (item.IsAdditional) await invitations.AnnounceChangeAsync(meeting, ct);
        return item;
    }, ct);

    /// <summary>
    /// Forwards a committee's (or commission's) item to the council: into <paramref name="targetMeetingId"/>, or the
    /// council's next meeting still open for its agenda. The new item remembers where it came from.
    /// </summary>
    public Task<AgendaItem> ForwardAsync(Guid itemId, Guid? targetMeetingId, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var source = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new KeyNotFoundException("Nav tāda jautājuma (no such agenda item).");
        var from = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == source.MeetingId, ct);
        var fromBody = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == from.BodyId, ct);
        if (fromBody.Kind == BodyKind.Council) throw new CouncilConflictException("Domes jautājumu tālāk nenodod (only committee and commission items are forwarded to the council).");
        if (from.State is MeetingState.Planned or MeetingState.Convened)
            throw new CouncilConflictException("Jautājumu nodod pēc tam, kad komiteja to izskatījusi (an item is forwarded once the committee has dealt with it).");
        if (await db.AgendaItems.AnyAsync(i => i.ForwardedFromId == itemId, ct)) throw new CouncilConflictException("Jautājums jau nodots domei (the item was already forwarded).");
        var councils = db.Bodies.Where(b => b.Kind == BodyKind.Council).Select(b => b.Id);
        var target = targetMeetingId is { } chosen
            ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == chosen, ct) ?? throw new KeyNotFoundException("Nav tādas sēdes (no such meeting).")
            : await db.Meetings.AsNoTracking().Where(m => councils.Contains(m.BodyId) && m.StartsAt > from.StartsAt && (m.State == MeetingState.Planned || m.State == MeetingState.Convened))
                .OrderBy(m => m.StartsAt).FirstOrDefaultAsync(ct) ?? throw new CouncilConflictException("Domei nav nākamās sēdes, kurā iekļaut jautājumu (the council has no upcoming meeting to take the item).");
        if (!await councils.ContainsAsync(target.BodyId, ct)) throw new CouncilConflictException("Jautājumu nodod domes sēdei (items are forwarded to a council meeting).");
        var item = await AddAgendaItemAsync(target.Id, new AgendaItemInput(source.Title, source.RapporteurId, source.DraftDecision, source.IsPublic), ct);
        item.ForwardedFromId = itemId;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.agenda.forwarded", item.Id.ToString(), new { from = itemId, meeting = target.Id }, ct);
        return item;
    }, ct);

    /// <summary>An item and the items it was forwarded from, newest first, each with its meeting and body.</summary>
    /// <summary>An agenda item with its meeting.</summary>
    /// <summary>Attaches a file to an agenda item while the agenda can still change; refused when empty, too large or unnamed.</summary>
    public Task<AgendaAttachment> AttachAsync(Guid itemId, string? fileName, string? contentType, byte[] content, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new KeyNotFoundException("Nav tāda darba kārtības jautājuma (no such agenda item).");
        await OpenMeetingAsync(item.MeetingId, ct);
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200) throw new ArgumentException("Datnei vajag nosaukumu, līdz 200 zīmēm (the file needs a name, up to 200 characters).");
        if (content.Length == 0 || content.Length > AgendaAttachment.MaxBytes) throw new ArgumentException("Datne ir tukša vai lielāka par 20 MB (the file is empty or larger than 20 MB).");
        var attachment = new AgendaAttachment
        {
            Id = Guid.NewGuid(), AgendaItemId = itemId, FileName = name, ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType,
            Size = content.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), Content = content,
            UploadedBy = actor.Name, UploadedUtc = Now,
        };
        db.AgendaAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.agenda.attached", itemId.ToString(), new { attachment.Id, name, attachment.Size, attachment.Sha256 }, ct);
        return attachment;
    }, ct);

    /// <summary>The files of these agenda items (without their content), in the order attached.</summary>
    public async Task<ILookup<Guid, AgendaAttachment>> AttachmentsAsync(IEnumerable<Guid> itemIds, CancellationToken ct)
    {
        var ids = itemIds.ToList();
        return (await db.AgendaAttachments.AsNoTracking().Where(a => ids.Contains(a.AgendaItemId)).OrderBy(a => a.UploadedUtc)
            .Select(a => new AgendaAttachment { Id = a.Id, AgendaItemId = a.AgendaItemId, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, Sha256 = a.Sha256, Content = Array.Empty<byte>(), UploadedBy = a.UploadedBy, UploadedUtc = a.UploadedUtc })
            .ToListAsync(ct)).ToLookup(a => a.AgendaItemId);
    }

    public Task<AgendaAttachment?> AttachmentAsync(Guid id, CancellationToken ct) => db.AgendaAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);

    public async Task<(AgendaItem Item, Meeting Meeting)?> AgendaItemAsync(Guid id, CancellationToken ct) =>
        await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } item
            ? (item, await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct))
            : null;

    public async Task<List<(AgendaItem Item, Meeting Meeting, Body Body)>> HistoryAsync(Guid itemId, CancellationToken ct)
    {
        var history = new List<(AgendaItem, Meeting, Body)>();
        for (Guid? id = itemId; id is { } current && history.Count < 20;)
        {
            var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == current, ct);
            if (item is null) break;
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct);
            history.Add((item, meeting, await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct)));
            id = item.ForwardedFromId;
        }
        return history;
    }

    /// <summary>Puts the items in the given order and numbers them 1..n; the list must name every item once.</summary>
    public Task<List<AgendaItem>> ReorderAsync(Guid meetingId, IReadOnlyList<Guid> order, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var meeting = await OpenMeetingAsync(meetingId, ct);
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        if (order.Count != items.Count || order.Distinct().Count() != order.Count || order.Any(id => items.All(i => i.Id != id)))
            throw new ArgumentException("Secībā jābūt katram šīs sēdes jautājumam tieši vienreiz (the order must list every item of this meeting exactly once).");
        for (var i = 0; i < order.Count; i++)
        {
            var item = items.Single(x => x.Id == order[i]);
            item.Number = i + 1;
            item.UpdatedUtc = Now;
        }
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.agenda.reordered", meetingId.ToString(), new { order }, ct);
        if (meeting.State != MeetingState.Planned) await invitations.AnnounceChangeAsync(meeting, ct);
        return items.OrderBy(i => i.Number).ToList();
    }, ct);

    private async Task<Meeting> OpenMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.FindAsync([meetingId], ct) ?? throw new KeyNotFoundException("Nav tādas sēdes (no such meeting).");
        if (!MeetingStates.AgendaOpen(meeting.State))
            throw new CouncilConflictException($"Slēgtas sēdes darba kārtību nemaina (the agenda of a {meeting.State} meeting cannot change).");
        return meeting;
    }

    private async Task<T> SaveAsync<T>(T entity, DbSet<T> set, string action, string subject, CancellationToken ct) where T : class
    {
        set.Add(entity);
        return await transaction.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(action, subject, null, ct);
            return entity;
        }, ct);
    }
}
