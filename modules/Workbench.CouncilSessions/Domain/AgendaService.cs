using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Files;
using Workbench.Abstractions.Security;
using Workbench.CouncilSessions.Data;
using Workbench.Abstractions.Validation;

namespace Workbench.CouncilSessions.Domain;

/// <summary>
/// A meeting's agenda kept numbered 1..n: items added and reordered while it is open, their files, committee items
/// forwarded to the council, and where an item came from.
/// </summary>
public sealed class AgendaService(
    CouncilDbContext db, IFileStore files, IAuditLog audit, ITenantTransaction transaction, ICurrentActor actor, TimeProvider clock, Search.AgendaItemSearchSource search,
    InvitationService invitations, CouncilWriter writer)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static ValidationErrors Validate(AgendaItemInput input) => CouncilValidation.Errors(
        (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 500, "title", "Jautājuma nosaukums ir obligāts, līdz 500 zīmēm."));

    public Task<List<AgendaItem>> AgendaAsync(Guid meetingId, bool internalToo, CancellationToken ct) =>
        db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId && (internalToo || i.IsPublic)).OrderBy(i => i.Number).ToListAsync(ct);

    public Task<AgendaItem> AddAgendaItemAsync(Guid meetingId, AgendaItemInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var meeting = await OpenMeetingAsync(meetingId, ct);
        var number = (await db.AgendaItems.Where(i => i.MeetingId == meetingId).MaxAsync(i => (int?)i.Number, ct) ?? 0) + 1;
        var item = new AgendaItem
        {
            Id = Guid.NewGuid(), MeetingId = meetingId, Number = number, Title = input.Title!.Trim(), RapporteurId = input.RapporteurId,
            DraftDecision = input.DraftDecision, IsPublic = input.IsPublic, IsAdditional = meeting.State != MeetingState.Planned, CreatedUtc = Now, UpdatedUtc = Now,
        };
        await writer.SaveAsync(item, db.AgendaItems, "council.agenda.added", $"{meetingId}/{number}", ct);
        await search.ReindexMeetingAsync(meetingId, ct);
        if (item.IsAdditional) await invitations.AnnounceChangeAsync(meeting, ct);
        return item;
    }, ct);

    /// <summary>
    /// Forwards a committee's (or commission's) item to the council: into <paramref name="targetMeetingId"/>, or the
    /// council's next meeting still open for its agenda. The new item remembers where it came from.
    /// </summary>
    public Task<AgendaItem> ForwardAsync(Guid itemId, Guid? targetMeetingId, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var source = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new KeyNotFoundException("Nav tāda jautājuma.");
        var from = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == source.MeetingId, ct);
        var fromBody = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == from.BodyId, ct);
        if (fromBody.Kind == BodyKind.Council) throw new CouncilConflictException("Domes jautājumu tālāk nenodod.");
        if (from.State is MeetingState.Planned or MeetingState.Convened)
            throw new CouncilConflictException("Jautājumu nodod pēc tam, kad komiteja to izskatījusi.");
        if (await db.AgendaItems.AnyAsync(i => i.ForwardedFromId == itemId, ct)) throw new CouncilConflictException("Jautājums jau nodots domei.");
        var councils = db.Bodies.Where(b => b.Kind == BodyKind.Council).Select(b => b.Id);
        var target = targetMeetingId is { } chosen
            ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == chosen, ct) ?? throw new KeyNotFoundException("Nav tādas sēdes.")
            : await db.Meetings.AsNoTracking().Where(m => councils.Contains(m.BodyId) && m.StartsAt > from.StartsAt && (m.State == MeetingState.Planned || m.State == MeetingState.Convened))
                .OrderBy(m => m.StartsAt).FirstOrDefaultAsync(ct) ?? throw new CouncilConflictException("Domei nav nākamās sēdes, kurā iekļaut jautājumu.");
        if (!await councils.ContainsAsync(target.BodyId, ct)) throw new CouncilConflictException("Jautājumu nodod domes sēdei.");
        var item = await AddAgendaItemAsync(target.Id, new AgendaItemInput(source.Title, source.RapporteurId, source.DraftDecision, source.IsPublic), ct);
        item.ForwardedFromId = itemId;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.agenda.forwarded", item.Id.ToString(), new { from = itemId, meeting = target.Id }, ct);
        return item;
    }, ct);

    /// <summary>An agenda item with its meeting.</summary>
    public async Task<(AgendaItem Item, Meeting Meeting)?> AgendaItemAsync(Guid id, CancellationToken ct) =>
        await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } item
            ? (item, await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct))
            : null;

    /// <summary>An item and the items it was forwarded from, newest first, each with its meeting and body.</summary>
    public async Task<List<(AgendaItem Item, Meeting Meeting, Body Body)>> HistoryAsync(Guid itemId, CancellationToken ct)
    {
        var history = new List<(AgendaItem, Meeting, Body)>();
        for (Guid? id = itemId; id is { } current && history.Count < 20;)
        {
            var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == current, ct);
            if (item is null) break;
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct);
            history.Add((item, meeting, await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct)));
            id = item.ForwardedFromId;
        }
        return history;
    }

    /// <summary>Attaches a file to an agenda item while the agenda can still change; refused when empty, too large or unnamed.</summary>
    public Task<AgendaAttachment> AttachAsync(Guid itemId, string? fileName, string? contentType, byte[] content, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new KeyNotFoundException("Nav tāda darba kārtības jautājuma.");
        await OpenMeetingAsync(item.MeetingId, ct);
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200) throw new ArgumentException("Datnei vajag nosaukumu, līdz 200 zīmēm.");
        if (content.Length == 0 || content.Length > AgendaAttachment.MaxBytes) throw new ArgumentException("Datne ir tukša vai lielāka par 20 MB.");
        if (string.IsNullOrWhiteSpace(contentType)) contentType = "application/octet-stream";
        var stored = await files.PutAsync(content, contentType, ct);
        var attachment = new AgendaAttachment
        {
            Id = Guid.NewGuid(), AgendaItemId = itemId, FileName = name, ContentType = contentType, Size = stored.Size, Sha256 = stored.Sha256,
            UploadedBy = actor.Name, UploadedUtc = Now,
        };
        db.AgendaAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.agenda.attached", itemId.ToString(), new { attachment.Id, name, attachment.Size, attachment.Sha256 }, ct);
        return attachment;
    }, ct);

    /// <summary>The files of these agenda items, in the order attached.</summary>
    public async Task<ILookup<Guid, AgendaAttachment>> AttachmentsAsync(IEnumerable<Guid> itemIds, CancellationToken ct)
    {
        var ids = itemIds.ToList();
        return (await db.AgendaAttachments.AsNoTracking().Where(a => ids.Contains(a.AgendaItemId)).OrderBy(a => a.UploadedUtc)
            .ToListAsync(ct)).ToLookup(a => a.AgendaItemId);
    }

    public Task<AgendaAttachment?> AttachmentAsync(Guid id, CancellationToken ct) => db.AgendaAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);

    public Task<byte[]> ContentAsync(AgendaAttachment attachment, CancellationToken ct) => files.ReadReferencedAsync(attachment.Sha256, ct);

    /// <summary>Puts the items in the given order and numbers them 1..n; the list must name every item once.</summary>
    public Task<List<AgendaItem>> ReorderAsync(Guid meetingId, IReadOnlyList<Guid> order, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var meeting = await OpenMeetingAsync(meetingId, ct);
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        if (order.Count != items.Count || order.Distinct().Count() != order.Count || order.Any(id => items.All(i => i.Id != id)))
            throw new ArgumentException("Secībā jābūt katram šīs sēdes jautājumam tieši vienreiz.");
        for (var i = 0; i < order.Count; i++)
        {
            var item = items.Single(x => x.Id == order[i]);
            item.Number = i + 1;
            item.UpdatedUtc = Now;
        }
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("council.agenda.reordered", meetingId.ToString(), new { order }, ct);
        if (meeting.State != MeetingState.Planned) await invitations.AnnounceChangeAsync(meeting, ct);
        return items.OrderBy(i => i.Number).ToList();
    }, ct);

    private async Task<Meeting> OpenMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.FindAsync([meetingId], ct) ?? throw new KeyNotFoundException("Nav tādas sēdes.");
        if (!MeetingStates.AgendaOpen(meeting.State))
            throw new CouncilConflictException($"Sēdes stāvoklī {meeting.State} darba kārtību nemaina.");
        return meeting;
    }
}
