using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Modules;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Pages.Council;

/// <summary>The public meeting calendar: public meetings from convening on, upcoming first.</summary>
[RequiresFeature(PlatformFeatures.PublicSite)]
public sealed class CalendarModel(MeetingService meetingService, BodyService bodies, TimeProvider clock) : PageModel
{
    public List<Meeting> Upcoming { get; private set; } = [];
    public List<Meeting> Past { get; private set; } = [];
    public Dictionary<Guid, string> Bodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = await meetingService.MeetingsAsync(internalToo: false, ct);
        Upcoming = meetings.Where(m => m.StartsAt >= now.Date && m.State != MeetingState.MinutesSigned).OrderBy(m => m.StartsAt).ToList();
        Past = meetings.Except(Upcoming).ToList();
        Bodies = (await bodies.BodiesAsync(ct)).ToDictionary(b => b.Id, b => b.Name);
    }
}
