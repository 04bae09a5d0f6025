using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Security;
using Workbench.CouncilSessions.Data;

namespace Workbench.CouncilSessions.Domain;

/// <summary>
/// Attendance, quorum and electronic voting (balsošana). Every refusal says why and changes nothing; every vote is
/// stored with its time and channel, audited, and announced to the watching screens after it is committed.
/// </summary>
public sealed class VotingService(CouncilDbContext db, BodyService bodies, IAuditLog audit, ITenantTransaction transaction, IChangeSignals signals, TimeProvider clock, Search.AgendaItemSearchSource search)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records that a person joined (in the room or remotely) or is absent; joining again after leaving starts a new presence.</summary>
    public Task<Attendance> SetAttendanceAsync(Guid meetingId, Guid personId, AttendanceMode mode, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var meeting = await MeetingAsync(meetingId, ct);
        if (meeting.State is not (MeetingState.Convened or MeetingState.InProgress))
            throw new CouncilConflictException($"Klātesošos reģistrē sasauktai vai notiekošai sēdei, ne sēdei stāvoklī {meeting.State}.");
        _ = await db.People.FindAsync([personId], ct) ?? throw new KeyNotFoundException("Nav tādas personas.");
        var attendance = await db.Attendance.SingleOrDefaultAsync(a => a.MeetingId == meetingId && a.PersonId == personId, ct);
        if (attendance is null)
        {
            attendance = new Attendance { Id = Guid.NewGuid(), MeetingId = meetingId, PersonId = personId };
            db.Attendance.Add(attendance);
        }
        attendance.Mode = mode;
        attendance.JoinedUtc = mode == AttendanceMode.Absent ? null : Now;
        attendance.LeftUtc = null;
        attendance.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.attendance." + mode.ToString().ToLowerInvariant(), $"{meetingId}/{personId}", null, ct);
        await AnnounceQuorumAsync(meetingId);
        return attendance;
    }, ct);

    public Task<Attendance> LeaveAsync(Guid meetingId, Guid personId, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var attendance = await db.Attendance.SingleOrDefaultAsync(a => a.MeetingId == meetingId && a.PersonId == personId, ct);
        if (attendance is not { IsPresent: true }) throw new CouncilConflictException("Persona sēdē nav klāt.");
        attendance.LeftUtc = Now;
        attendance.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.attendance.left", $"{meetingId}/{personId}", null, ct);
        await AnnounceQuorumAsync(meetingId);
        return attendance;
    }, ct);

    /// <summary>Members with voting right on the meeting's day, and how many of them are present now.</summary>
    public async Task<(int VotingMembers, int Present, bool HasQuorum)> QuorumAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await MeetingAsync(meetingId, ct);
        var members = (await bodies.VotingMembersAsync(meeting.BodyId, DateOnly.FromDateTime(meeting.StartsAt), ct)).Select(m => m.PersonId).ToHashSet();
        var present = (await db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(ct)).Count(a => a.IsPresent && members.Contains(a.PersonId));
        return (members.Count, present, VotingRules.HasQuorum(members.Count, present));
    }

    public async Task<QuorumStatus> QuorumStatusAsync(Guid meetingId, CancellationToken ct)
    {
        var (members, present, quorum) = await QuorumAsync(meetingId, ct);
        return new QuorumStatus(meetingId, members, present, quorum);
    }

    public Task<VoteEvent> OpenAsync(Guid meetingId, Guid agendaItemId, string? motion, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var meeting = await MeetingAsync(meetingId, ct);
        if (meeting.State != MeetingState.InProgress) throw new CouncilConflictException("Balsot var tikai notiekošā sēdē.");
        if (!await db.AgendaItems.AnyAsync(i => i.Id == agendaItemId && i.MeetingId == meetingId, ct)) throw new KeyNotFoundException("Šajā sēdē nav tāda jautājuma.");
        if (string.IsNullOrWhiteSpace(motion) || motion.Length > 2000) throw new ArgumentException("Balsojuma formulējums ir obligāts, līdz 2000 zīmēm.");
        if (await db.VoteEvents.AnyAsync(v => v.MeetingId == meetingId && v.State == VoteEventState.Open, ct))
            throw new CouncilConflictException("Sēdē jau notiek balsojums; vispirms to slēdziet.");
        var (members, present, quorum) = await QuorumAsync(meetingId, ct);
        if (!quorum) throw new CouncilConflictException($"Nav kvoruma: klāt {present} no {members} balsstiesīgajiem.");
        var vote = new VoteEvent { Id = Guid.NewGuid(), MeetingId = meetingId, AgendaItemId = agendaItemId, Motion = motion.Trim(), State = VoteEventState.Open, OpenedUtc = Now, VotingMembers = members, Present = present };
        db.VoteEvents.Add(vote);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.vote.opened", vote.Id.ToString(), new { meetingId, agendaItemId, members, present }, ct);
        await AnnounceTallyAsync(vote.Id, vote.MeetingId);
        return vote;
    }, ct);

    /// <summary>One vote of one member, once, while the vote is open and they are present with voting right.</summary>
    public async Task<Tally> CastAsync(Guid voteEventId, Guid personId, VoteChoice choice, string channel, CancellationToken ct)
    {
        try
        {
            return await transaction.InTransactionAsync(async () =>
            {
                var vote = await db.VoteEvents.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteEventId, ct) ?? throw new KeyNotFoundException("Nav tāda balsojuma.");
                if (vote.State != VoteEventState.Open) throw new CouncilConflictException("Balsojums ir slēgts; balsis vairs nemaina.");
                var meeting = await MeetingAsync(vote.MeetingId, ct);
                var seat = (await bodies.VotingMembersAsync(meeting.BodyId, DateOnly.FromDateTime(meeting.StartsAt), ct)).Any(m => m.PersonId == personId);
                if (!seat) throw new CouncilConflictException("Jums šajā institūcijā nav balsstiesību.");
                var attendance = await db.Attendance.AsNoTracking().SingleOrDefaultAsync(a => a.MeetingId == vote.MeetingId && a.PersonId == personId, ct);
                if (attendance is not { IsPresent: true }) throw new CouncilConflictException("Balsot var tikai sēdē klātesošs.");
                if (await db.Votes.AnyAsync(v => v.VoteEventId == voteEventId && v.PersonId == personId, ct))
                    throw new CouncilConflictException("Jūs šajā balsojumā jau nobalsojāt.");
                db.Votes.Add(new Vote { Id = Guid.NewGuid(), VoteEventId = voteEventId, PersonId = personId, Choice = choice, CastUtc = Now, Channel = channel });
                await db.SaveChangesAsync(ct);
                await audit.AppendAsync("council.vote.cast", $"{voteEventId}/{personId}", new { choice, channel }, ct);
                var tally = await TallyAsync(voteEventId, ct);
                await AnnounceTallyAsync(voteEventId, vote.MeetingId);
                return tally;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Two votes of the same person at the same instant: the unique index kept the first.
            throw new CouncilConflictException("Jūs šajā balsojumā jau nobalsojāt.");
        }
    }

    /// <summary>Closes the vote, fixes its counts and computes the result by the body's rule; from now on nothing changes.</summary>
    public Task<Tally> CloseAsync(Guid voteEventId, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var vote = await db.VoteEvents.SingleOrDefaultAsync(v => v.Id == voteEventId, ct) ?? throw new KeyNotFoundException("Nav tāda balsojuma.");
        if (vote.State != VoteEventState.Open) throw new CouncilConflictException("Balsojums jau ir slēgts.");
        var meeting = await MeetingAsync(vote.MeetingId, ct);
        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct);
        var counts = await db.Votes.AsNoTracking().Where(v => v.VoteEventId == voteEventId).GroupBy(v => v.Choice).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(VoteChoice c) => counts.SingleOrDefault(x => x.Key == c)?.Count ?? 0;
        (vote.For, vote.Against, vote.Abstain) = (Count(VoteChoice.For), Count(VoteChoice.Against), Count(VoteChoice.Abstain));
        vote.State = VoteEventState.Closed;
        vote.ClosedUtc = Now;
        vote.Passed = VotingRules.Passes(body.Rule, vote.VotingMembers, vote.Present, vote.For);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.vote.closed", voteEventId.ToString(), new { vote.For, vote.Against, vote.Abstain, vote.Passed }, ct);
        await search.ReindexMeetingAsync(vote.MeetingId, ct);
        await AnnounceTallyAsync(vote.Id, vote.MeetingId);
        return ToTally(vote, vote.For, vote.Against, vote.Abstain);
    }, ct);

    public async Task<Tally> TallyAsync(Guid voteEventId, CancellationToken ct)
    {
        var vote = await db.VoteEvents.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteEventId, ct) ?? throw new KeyNotFoundException("Nav tāda balsojuma.");
        if (vote.State == VoteEventState.Closed) return ToTally(vote, vote.For, vote.Against, vote.Abstain);
        var choices = await db.Votes.AsNoTracking().Where(v => v.VoteEventId == voteEventId).Select(v => v.Choice).ToListAsync(ct);
        return ToTally(vote, choices.Count(c => c == VoteChoice.For), choices.Count(c => c == VoteChoice.Against), choices.Count(c => c == VoteChoice.Abstain));
    }

    /// <summary>Each member's vote (for the minutes and the public record), in the order cast.</summary>
    public Task<List<Vote>> VotesAsync(Guid voteEventId, CancellationToken ct) =>
        db.Votes.AsNoTracking().Where(v => v.VoteEventId == voteEventId).OrderBy(v => v.CastUtc).ToListAsync(ct);

    public Task<List<VoteEvent>> ItemVotesAsync(Guid agendaItemId, CancellationToken ct) =>
        db.VoteEvents.AsNoTracking().Where(v => v.AgendaItemId == agendaItemId).OrderBy(v => v.OpenedUtc).ToListAsync(ct);

    public Task<VoteEvent?> FindAsync(Guid voteEventId, CancellationToken ct) => db.VoteEvents.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteEventId, ct);

    /// <summary>The meeting's open vote, else its latest one, else none.</summary>
    public Task<VoteEvent?> CurrentVoteAsync(Guid meetingId, CancellationToken ct) =>
        db.VoteEvents.AsNoTracking().Where(v => v.MeetingId == meetingId)
            .OrderBy(v => v.State == VoteEventState.Open ? 0 : 1).ThenByDescending(v => v.OpenedUtc).FirstOrDefaultAsync(ct);

    public Task<List<Attendance>> AttendanceAsync(Guid meetingId, CancellationToken ct) =>
        db.Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(ct);

    /// <summary>Who may open and close votes: the secretariat, or the person chairing this meeting.</summary>
    public async Task<bool> MayConductAsync(Guid meetingId, ClaimsPrincipal user, IPermissionService permissions, CancellationToken ct)
    {
        if (permissions.HasPermission(user, CouncilSessionsManifest.ManageCouncil)) return true;
        var meeting = await MeetingAsync(meetingId, ct);
        return meeting.ChairId is { } chair && (await PersonByEmailAsync(user.FindFirstValue(ClaimTypes.Email), ct))?.Id == chair;
    }

    /// <summary>The person a signed-in member is, by the e-mail address of their account.</summary>
    public Task<Person?> PersonByEmailAsync(string? email, CancellationToken ct) =>
        email is null ? Task.FromResult<Person?>(null) : db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email != null && p.Email.ToLower() == email.ToLower(), ct);

    private Task AnnounceQuorumAsync(Guid meetingId) => signals.SignalAsync(LiveTopics.Quorum, meetingId);

    private static Tally ToTally(VoteEvent vote, int votesFor, int against, int abstain) =>
        new(vote.Id, vote.State, vote.VotingMembers, vote.Present, votesFor, against, abstain, vote.Passed);

    /// <summary>To the screens watching this vote, and to those watching every vote of its meeting (a new vote appears on them); after commit.</summary>
    private async Task AnnounceTallyAsync(Guid voteEventId, Guid meetingId)
    {
        await signals.SignalAsync(LiveTopics.Tally, voteEventId);
        await signals.SignalAsync(LiveTopics.MeetingVotes, meetingId);
    }

    private async Task<Meeting> MeetingAsync(Guid meetingId, CancellationToken ct) =>
        await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new KeyNotFoundException("Nav tādas sēdes.");
}
