using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.CouncilSessions.Data;
using Workbench.Abstractions.Validation;

namespace Workbench.CouncilSessions.Domain;

/// <summary>
/// Meetings numbered per body and year, planned from their body's template, and their state machine (convening
/// invites, signed minutes are registered as a document).
/// </summary>
public sealed class MeetingService(
    CouncilDbContext db, IAuditLog audit, ITenantTransaction transaction, TimeProvider clock, Search.AgendaItemSearchSource search, InvitationService invitations,
    RecordRegistration records, AgendaService agenda, CouncilWriter writer)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static ValidationErrors Validate(MeetingInput input) => CouncilValidation.Errors(
        (input.StartsAt is null, "startsAt", "Sēdes laiks ir obligāts."),
        (input.Mode != MeetingMode.InPerson && !Uri.TryCreate(input.RemoteLink, UriKind.Absolute, out _), "remoteLink", "Attālinātai sēdei vajag saiti."),
        (input.Mode != MeetingMode.Remote && string.IsNullOrWhiteSpace(input.Place), "place", "Klātienes sēdei vajag vietu."));

    /// <summary>Meetings newest first; without <paramref name="internalToo"/> only public meetings that were convened.</summary>
    public Task<List<Meeting>> MeetingsAsync(bool internalToo, CancellationToken ct) =>
        (internalToo ? db.Meetings.AsNoTracking() : db.Meetings.AsNoTracking().Where(Meeting.Published)).OrderByDescending(m => m.StartsAt).ToListAsync(ct);

    public Task<Meeting?> MeetingAsync(Guid id, CancellationToken ct) => db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>A new planned meeting, numbered next for its body in its year.</summary>
    public Task<Meeting> CreateMeetingAsync(MeetingInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var body = await db.Bodies.FindAsync([input.BodyId], ct) ?? throw new KeyNotFoundException("Nav tādas institūcijas.");
        var year = input.StartsAt!.Value.Year;
        var number = (await db.Meetings.Where(m => m.BodyId == input.BodyId && m.Year == year).MaxAsync(m => (int?)m.Number, ct) ?? 0) + 1;
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(), BodyId = input.BodyId, Year = year, Number = number, Kind = input.Kind, Mode = input.Mode,
            StartsAt = DateTime.SpecifyKind(input.StartsAt.Value, DateTimeKind.Utc), Place = input.Place?.Trim(), RemoteLink = input.RemoteLink?.Trim(),
            ChairId = input.ChairId, MinuteTakerId = input.MinuteTakerId, IsPublic = input.IsPublic, State = MeetingState.Planned, CreatedUtc = Now, UpdatedUtc = Now,
        };
        await writer.SaveAsync(meeting, db.Meetings, "council.meeting.created", $"{number}/{year}", ct);
        foreach (var title in body.Template?.StandingItems ?? []) await agenda.AddAgendaItemAsync(meeting.Id, new AgendaItemInput(title), ct);
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
        var meeting = await db.Meetings.FindAsync([meetingId], ct) ?? throw new KeyNotFoundException("Nav tādas sēdes.");
        var (next, refusal) = MeetingStates.Apply(meeting.State, action);
        if (refusal is not null) throw new CouncilConflictException(refusal);
        if (next == MeetingState.Convened && !await db.AgendaItems.AnyAsync(i => i.MeetingId == meetingId, ct))
            throw new CouncilConflictException("Sēdi nevar sasaukt bez darba kārtības.");
        if (next == MeetingState.Closed && await db.VoteEvents.AnyAsync(v => v.MeetingId == meetingId && v.State == VoteEventState.Open, ct))
            throw new CouncilConflictException("Vispirms slēdziet notiekošo balsojumu.");
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
}
