using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Pages.Council;

/// <summary>The link in an invitation: shows what it is for and acknowledges it with a button (never just by opening).</summary>
public sealed class InvitationModel(InvitationService invitations, MeetingService meetings) : PageModel
{
    public Invitation Invitation { get; private set; } = null!;
    public Meeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await invitations.AcknowledgeAsync(token, ct) is null) return NotFound();
        return await LoadAsync(token, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await invitations.FindAsync(token, ct) is not { } invitation || await meetings.MeetingAsync(invitation.MeetingId, ct) is not { } meeting) return false;
        (Invitation, Meeting) = (invitation, meeting);
        return true;
    }
}
