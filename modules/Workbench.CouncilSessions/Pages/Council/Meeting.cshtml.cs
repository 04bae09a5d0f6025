using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Modules;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Pages.Council;

/// <summary>A public meeting: its agenda, the decisions and each member's vote; an open vote's tally follows live.</summary>
[RequiresFeature(PlatformFeatures.PublicSite)]
public sealed class MeetingModel(MeetingService meetings, BodyService bodies, AgendaService agenda, VotingService voting) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public string Body { get; private set; } = "";
    /// <summary>While the meeting is held: members with voting right present.</summary>
    public QuorumStatus? Quorum { get; private set; }
    public List<(AgendaItem Item, List<(VoteEvent Vote, Tally Tally, List<(string Name, VoteChoice Choice)> Ballots)> Votes)> Items { get; } = [];
    public ILookup<Guid, AgendaAttachment> Attachments { get; private set; } = Array.Empty<AgendaAttachment>().ToLookup(a => a.AgendaItemId);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // A closed-door or not yet convened meeting does not exist on the public site.
        if (await meetings.MeetingAsync(id, ct) is not { IsPublished: true } meeting) return NotFound();
        Meeting = meeting;
        Body = (await bodies.BodiesAsync(ct)).Single(b => b.Id == meeting.BodyId).Name;
        if (meeting.State is MeetingState.Convened or MeetingState.InProgress) Quorum = await voting.QuorumStatusAsync(id, ct);
        var names = (await bodies.PeopleAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        foreach (var item in await agenda.AgendaAsync(id, internalToo: false, ct))
        {
            var votes = new List<(VoteEvent, Tally, List<(string, VoteChoice)>)>();
            foreach (var vote in await voting.ItemVotesAsync(item.Id, ct))
            {
                var ballots = vote.State == VoteEventState.Closed
                    ? (await voting.VotesAsync(vote.Id, ct)).Select(b => (names.GetValueOrDefault(b.PersonId, "?"), b.Choice)).OrderBy(b => b.Item1, StringComparer.Ordinal).ToList()
                    : [];
                votes.Add((vote, await voting.TallyAsync(vote.Id, ct), ballots));
            }
            Items.Add((item, votes));
        }
        Attachments = await agenda.AttachmentsAsync(Items.Select(i => i.Item.Id), ct);
        return Page();
    }
}
