using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Security;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Pages.Admin.Council;

/// <summary>The secretariat's list of meetings (closed-door and planned ones too) and the form that plans a new one.</summary>
[Authorize(Policy = "permission:" + CouncilSessionsManifest.ViewCouncil)]
public sealed class IndexModel(MeetingService meetings, BodyService bodies, IPermissionService permissions) : CouncilPageModel
{
    public List<Meeting> Meetings { get; private set; } = [];
    public List<Body> Bodies { get; private set; } = [];
    public List<Person> People { get; private set; } = [];
    public bool CanManage => permissions.HasPermission(User, CouncilSessionsManifest.ManageCouncil);

    public string BodyName(Guid id) => Bodies.FirstOrDefault(b => b.Id == id)?.Name ?? "?";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Meetings = await meetings.MeetingsAsync(internalToo: true, ct);
        Bodies = await bodies.BodiesAsync(ct);
        People = await bodies.PeopleAsync(ct);
    }

    /// <summary>Plans a meeting and opens its console, where the agenda is prepared.</summary>
    public async Task<IActionResult> OnPostCreateAsync(MeetingInput input, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        input = await meetings.WithTemplateAsync(input, ct);
        if (MeetingService.Validate(input) is { Count: > 0 } errors)
        {
            (Message, IsError) = (string.Join(" ", errors.SelectMany(e => e.Value)), true);
            return RedirectToPage();
        }
        Meeting meeting;
        try { meeting = await meetings.CreateMeetingAsync(input, ct); }
        catch (KeyNotFoundException refusal)
        {
            (Message, IsError) = (refusal.Message, true);
            return RedirectToPage();
        }
        (Message, IsError) = ($"Sēde Nr. {meeting.Number}/{meeting.Year} ieplānota.", false);
        return RedirectToPage("Meeting", new { id = meeting.Id });
    }
}
