using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Security;
using Workbench.CouncilSessions.Domain;
using Workbench.Abstractions.Http;

namespace Workbench.CouncilSessions.Pages.Admin.Council;

/// <summary>
/// The secretariat's meeting console: the agenda (drag and drop, or the arrow buttons), convening and the other
/// steps of the meeting, attendance with the live quorum, and votes with the live tally.
/// </summary>
[Authorize(Policy = "permission:" + CouncilSessionsManifest.ViewCouncil)]
public sealed class MeetingModel(MeetingService meetings, BodyService bodies, AgendaService agenda, VotingService voting, InvitationService invitations, IPermissionService permissions) : CouncilPageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public string Body { get; private set; } = "";
    public List<AgendaItem> Agenda { get; private set; } = [];
    public ILookup<Guid, AgendaAttachment> Attachments { get; private set; } = Array.Empty<AgendaAttachment>().ToLookup(a => a.AgendaItemId);
    public List<(Membership Seat, Person Person, Attendance? Attendance)> Members { get; private set; } = [];
    public QuorumStatus Quorum { get; private set; } = null!;
    public CurrentVote? Vote { get; private set; }
    public List<Invitation> Invitations { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public bool CanManage => permissions.HasPermission(User, CouncilSessionsManifest.ManageCouncil);
    public bool AgendaOpen => MeetingStates.AgendaOpen(Meeting.State);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await meetings.MeetingAsync(id, ct) is not { } meeting) return NotFound();
        Meeting = meeting;
        Body = (await bodies.BodiesAsync(ct)).Single(b => b.Id == meeting.BodyId).Name;
        Agenda = await agenda.AgendaAsync(id, internalToo: true, ct);
        Attachments = await agenda.AttachmentsAsync(Agenda.Select(i => i.Id), ct);
        var people = await bodies.PeopleAsync(ct);
        Names = people.ToDictionary(p => p.Id, p => p.Name);
        var attendance = (await voting.AttendanceAsync(id, ct)).ToDictionary(a => a.PersonId);
        var day = DateOnly.FromDateTime(meeting.StartsAt);
        Members = (await bodies.MembershipsAsync(meeting.BodyId, ct)).Where(m => m.IsActiveOn(day))
            .Select(m => (m, people.Single(p => p.Id == m.PersonId), attendance.GetValueOrDefault(m.PersonId)))
            .OrderBy(m => m.Item2.Name, StringComparer.Ordinal).ToList();
        Quorum = await voting.QuorumStatusAsync(id, ct);
        Vote = await CurrentVoteAsync(voting, id, Agenda, ct);
        Invitations = await invitations.ListAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostTransitionAsync(Guid id, string step, CancellationToken ct) => ManageAsync(async () =>
        $"Sēdes stāvoklis: {(await meetings.TransitionAsync(id, step, ct)).State}.");

    public Task<IActionResult> OnPostAddItemAsync(Guid id, string? title, string? draftDecision, bool isPublic, CancellationToken ct) => ManageAsync(async () =>
    {
        var input = new AgendaItemInput(title, null, draftDecision, isPublic);
        if (AgendaService.Validate(input) is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors.SelectMany(e => e.Value)));
        var item = await agenda.AddAgendaItemAsync(id, input, ct);
        return $"Jautājums Nr. {item.Number} \"{item.Title}\" pievienots darba kārtībai.";
    });

    /// <summary>The new order of all items, as the drag and drop left it.</summary>
    public Task<IActionResult> OnPostReorderAsync(Guid id, List<Guid> order, CancellationToken ct) => ManageAsync(async () =>
    {
        await agenda.ReorderAsync(id, order, ct);
        return "Darba kārtība pārkārtota.";
    });

    /// <summary>The keyboard alternative: one item one place up (-1) or down (+1).</summary>
    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid itemId, int offset, CancellationToken ct) => ManageAsync(async () =>
    {
        var order = (await agenda.AgendaAsync(id, internalToo: true, ct)).Select(i => i.Id).ToList();
        var from = order.IndexOf(itemId);
        var to = from + Math.Sign(offset);
        if (from < 0 || to < 0 || to >= order.Count) throw new ArgumentException("Jautājumu tālāk pārvietot nevar.");
        (order[from], order[to]) = (order[to], order[from]);
        await agenda.ReorderAsync(id, order, ct);
        return $"Jautājums tagad ir Nr. {to + 1}.";
    });

    public Task<IActionResult> OnPostAttendAsync(Guid id, Guid personId, AttendanceMode mode, CancellationToken ct) => ManageAsync(async () =>
    {
        await voting.SetAttendanceAsync(id, personId, mode, ct);
        return $"{await NameAsync(personId, ct)}: {mode}.";
    });

    public Task<IActionResult> OnPostLeaveAsync(Guid id, Guid personId, CancellationToken ct) => ManageAsync(async () =>
    {
        await voting.LeaveAsync(id, personId, ct);
        return $"{await NameAsync(personId, ct)} atstāja sēdi.";
    });

    public Task<IActionResult> OnPostOpenVoteAsync(Guid id, Guid itemId, string? motion, CancellationToken ct) =>
        CanManage ? OpenVoteAsync(voting, id, itemId, motion, ct) : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostCloseVoteAsync(Guid id, Guid voteId, CancellationToken ct) =>
        CanManage ? CloseVoteAsync(voting, id, voteId, ct) : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostAttachAsync(Guid id, Guid itemId, IFormFile? file, CancellationToken ct) => ManageAsync(async () =>
    {
        var (upload, problem) = await Uploads.ReadAsync(file, AgendaAttachment.MaxBytes, ct);
        if (upload is null) throw new ArgumentException(problem);
        if ((await agenda.AgendaItemAsync(itemId, ct))?.Meeting.Id != id) throw new KeyNotFoundException("Šajā sēdē nav tāda jautājuma.");
        return $"Pievienota datne \"{(await agenda.AttachAsync(itemId, upload.FileName, upload.ContentType, upload.Content, ct)).FileName}\".";
    });

    private Task<IActionResult> ManageAsync(Func<Task<string>> work) => CanManage ? ActAsync(work) : Task.FromResult<IActionResult>(Forbid());

    private async Task<string> NameAsync(Guid personId, CancellationToken ct) =>
        (await bodies.PeopleAsync(ct)).FirstOrDefault(p => p.Id == personId)?.Name ?? "?";
}
