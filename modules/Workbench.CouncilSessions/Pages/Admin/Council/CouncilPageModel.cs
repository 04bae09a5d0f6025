using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Pages.Admin.Council;

/// <summary>What the staff council screens share: one line saying what happened or why it was refused.</summary>
public abstract class CouncilPageModel : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public bool IsError { get; set; }

    /// <summary>Does the work and comes back to the page with its outcome; a refusal changes nothing and says why.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task<string>> work)
    {
        try { (Message, IsError) = (await work(), false); }
        catch (Exception refusal) when (Refusals.StatusOf(refusal) is { } status)
        {
            (Message, IsError) = (refusal.Message, true);
            await Api.RefusalAudit.RecordAsync(HttpContext, status, refusal.Message);
        }
        return RedirectToPage();
    }

    protected Task<IActionResult> OpenVoteAsync(VotingService voting, Guid meetingId, Guid itemId, string? motion, CancellationToken ct) =>
        ActAsync(async () => $"Balsojums \"{(await voting.OpenAsync(meetingId, itemId, motion, ct)).Motion}\" atklāts.");

    /// <summary>Closes a vote of this meeting (the right to conduct was checked for this meeting, so only its votes).</summary>
    protected Task<IActionResult> CloseVoteAsync(VotingService voting, Guid meetingId, Guid voteId, CancellationToken ct) =>
        ActAsync(async () =>
        {
            if ((await voting.FindAsync(voteId, ct))?.MeetingId != meetingId) throw new KeyNotFoundException("Šajā sēdē nav tāda balsojuma.");
            return (await voting.CloseAsync(voteId, ct)).Passed == true ? "Balsojums slēgts: pieņemts." : "Balsojums slēgts: noraidīts.";
        });

    /// <summary>The vote of the meeting the screens show: its tally, and the agenda item it is about.</summary>
    public sealed record CurrentVote(VoteEvent Vote, Tally Tally, string ItemTitle);

    protected static async Task<CurrentVote?> CurrentVoteAsync(VotingService voting, Guid meetingId, IEnumerable<AgendaItem> agenda, CancellationToken ct) =>
        await voting.CurrentVoteAsync(meetingId, ct) is { } vote
            ? new CurrentVote(vote, await voting.TallyAsync(vote.Id, ct), agenda.FirstOrDefault(i => i.Id == vote.AgendaItemId)?.Title ?? "")
            : null;
}
