using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Search;
using Workbench.CouncilSessions.Data;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Search;

/// <summary>
/// Agenda items and their decisions in the shared index. Residents find the public items of public meetings from
/// convening on (what the public pages show); ViewCouncil finds all. Votes' motions and results are searchable too.
/// </summary>
public sealed class AgendaItemSearchSource(CouncilDbContext db, ISearchIndex index) : ISearchSource
{
    public const string Type = "agenda-item";

    public string Feature => CouncilSessionsManifest.Feature;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var meeting in await db.Meetings.AsNoTracking().ToListAsync(cancellationToken))
            foreach (var document in await DocumentsAsync(meeting, cancellationToken))
                yield return document;
    }

    /// <summary>Re-indexes a meeting's items: after any change to the meeting, its agenda or its votes (visibility follows the meeting's state).</summary>
    public async Task ReindexMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
        foreach (var document in await DocumentsAsync(meeting, ct)) await index.IndexAsync(document, ct);
    }

    private async Task<List<SearchDocument>> DocumentsAsync(Meeting meeting, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meeting.Id).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var votes = (await db.VoteEvents.AsNoTracking().Where(v => ids.Contains(v.AgendaItemId)).ToListAsync(ct)).ToLookup(v => v.AgendaItemId);
        var published = meeting.IsPublished;
        return items.Select(item => new SearchDocument(
            CouncilSessionsManifest.Feature, Type, item.Id.ToString(), item.Title,
            string.Join('\n', new[] { $"{body.Name}, sēde Nr. {meeting.Number}/{meeting.Year}", item.DraftDecision }
                .Concat(votes[item.Id].Select(v => $"{v.Motion}: {(v.Passed is null ? "" : v.Passed.Value ? "pieņemts" : "noraidīts")}"))
                .Where(t => !string.IsNullOrEmpty(t))),
            $"council/meetings/{meeting.Id}#item-{item.Id}",
            published && item.IsPublic ? [SearchAccess.Public, SearchAccess.Permission(CouncilSessionsManifest.ViewCouncil)] : [SearchAccess.Permission(CouncilSessionsManifest.ViewCouncil)]))
            .ToList();
    }
}
