using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Security;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Pages.Admin.Council;

/// <summary>
/// A member's voting screen, on their own device in the room or at home: the open vote with par / pret / atturas,
/// the live tally and the result. The meeting's chair also opens and closes votes here.
/// </summary>
[Authorize]
public sealed class VotingModel(MeetingService meetings, BodyService bodies, AgendaService agenda, VotingService voting, IPermissionService permissions) : CouncilPageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public string Body { get; private set; } = "";
    /// <summary>The signed-in person as a member of the bodies (by their account's e-mail), if they are one.</summary>
    public Person? Member { get; private set; }
    public Attendance? Attendance { get; private set; }
    public bool HasVotingRight { get; private set; }
    public bool Conducts { get; private set; }
    public List<AgendaItem> Agenda { get; private set; } = [];
    public QuorumStatus Quorum { get; private set; } = null!;
    public CurrentVote? Vote { get; private set; }
    public VoteChoice? MyChoice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await meetings.MeetingAsync(id, ct) is not { } meeting || !await SeesAsync(meeting, ct)) return NotFound();
        Meeting = meeting;
        Body = (await bodies.BodiesAsync(ct)).Single(b => b.Id == meeting.BodyId).Name;
        Conducts = await voting.MayConductAsync(id, User, permissions, ct);
        HasVotingRight = Member is not null && (await bodies.VotingMembersAsync(meeting.BodyId, DateOnly.FromDateTime(meeting.StartsAt), ct)).Any(m => m.PersonId == Member.Id);
        Attendance = Member is null ? null : (await voting.AttendanceAsync(id, ct)).SingleOrDefault(a => a.PersonId == Member.Id);
        Agenda = await agenda.AgendaAsync(id, internalToo: true, ct);
        Quorum = await voting.QuorumStatusAsync(id, ct);
        Vote = await CurrentVoteAsync(voting, id, Agenda, ct);
        if (Vote is not null && Member is not null)
            MyChoice = (await voting.VotesAsync(Vote.Vote.Id, ct)).SingleOrDefault(v => v.PersonId == Member.Id)?.Choice;
        return Page();
    }

    public async Task<IActionResult> OnPostCastAsync(Guid id, Guid voteId, VoteChoice choice, CancellationToken ct)
    {
        if (await MemberAsync(ct) is not { } member) return Forbid();
        return await ActAsync(async () =>
        {
            var attendance = (await voting.AttendanceAsync(id, ct)).SingleOrDefault(a => a.PersonId == member.Id);
            await voting.CastAsync(voteId, member.Id, choice, attendance?.Mode == AttendanceMode.Remote ? "remote" : "room", ct);
            return "Jūsu balss ir saskaitīta.";
        });
    }

    public async Task<IActionResult> OnPostOpenVoteAsync(Guid id, Guid itemId, string? motion, CancellationToken ct) =>
        await voting.MayConductAsync(id, User, permissions, ct)
            ? await OpenVoteAsync(voting, id, itemId, motion, ct)
            : Forbid();

    public async Task<IActionResult> OnPostCloseVoteAsync(Guid id, Guid voteId, CancellationToken ct) =>
        await voting.MayConductAsync(id, User, permissions, ct)
            ? await CloseVoteAsync(voting, id, voteId, ct)
            : Forbid();

    /// <summary>Staff who see the council's internal work, and the body's own members for their meetings.</summary>
    private async Task<bool> SeesAsync(Meeting meeting, CancellationToken ct)
    {
        Member = await MemberAsync(ct);
        return permissions.HasPermission(User, CouncilSessionsManifest.ViewCouncil)
            || Member is not null && (await bodies.MembershipsAsync(meeting.BodyId, ct)).Any(m => m.PersonId == Member.Id);
    }

    private Task<Person?> MemberAsync(CancellationToken ct) => voting.PersonByEmailAsync(User.FindFirstValue(ClaimTypes.Email), ct);
}
