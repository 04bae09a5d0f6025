using System.Text;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Records;
using Workbench.CouncilSessions.Data;

namespace Workbench.CouncilSessions.Domain;

/// <summary>
/// When the minutes are signed, they and each adopted decision become registered documents — if the tenant has the
/// document register (through <see cref="IRecordRegistry"/>; without it nothing happens). In the signing's transaction:
/// if registration fails, the minutes are not signed.
/// </summary>
public sealed class RecordRegistration(CouncilDbContext db, MinutesService minutes, IModuleContract<IRecordRegistry> registries)
{
    public async Task RegisterAsync(Meeting meeting, CancellationToken ct)
    {
        try { await RegisterRecordsAsync(meeting, ct); }
        catch (RecordRegistryException refused) { throw new CouncilConflictException($"Protokolu nevar reģistrēt: {refused.Message}"); }
    }

    private async Task RegisterRecordsAsync(Meeting meeting, CancellationToken ct)
    {
        if (registries.Current is not { } registry) return;
        var model = await minutes.BuildAsync(meeting.Id, internalEdition: true, ct);
        var day = DateOnly.FromDateTime(meeting.StartsAt);
        var items = await db.AgendaItems.Where(i => i.MeetingId == meeting.Id).ToListAsync(ct);
        // The internal edition holds closed items too: from a closed meeting, or with a closed item, it is restricted.
        var registered = await registry.RegisterAsync(new RecordToRegister(
            "Protokols", $"{model.Body}: {model.Title}", $"{model.Items.Count} jautājumi", model.MinuteTaker ?? model.Chair, day, $"council:minutes:{meeting.Id}",
            [new RecordFile($"protokols-{meeting.Number}-{meeting.Year}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MinutesService.Docx(model))],
            Restricted: !meeting.IsPublic || items.Any(i => !i.IsPublic)), ct);
        if (registered is null) return;
        var stored = await db.Meetings.SingleAsync(m => m.Id == meeting.Id, ct);
        (stored.MinutesDocumentId, stored.MinutesRegistrationNumber) = (registered.Id, registered.RegistrationNumber);
        foreach (var adopted in model.Items.Where(i => i.Votes.LastOrDefault()?.Passed == true))
        {
            var item = items.Single(i => i.Number == adopted.Number);
            var decision = await registry.RegisterAsync(new RecordToRegister(
                "Lēmums", adopted.Title, adopted.DraftDecision, model.Body, day, $"council:decision:{item.Id}",
                [new RecordFile($"lemums-{meeting.Number}-{meeting.Year}-{adopted.Number}.html", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(MinutesService.DecisionHtml(model, adopted)))],
                Restricted: !meeting.IsPublic || !item.IsPublic), ct);
            (item.DecisionDocumentId, item.DecisionRegistrationNumber) = (decision?.Id, decision?.RegistrationNumber);
        }
        await db.SaveChangesAsync(ct);
    }
}
