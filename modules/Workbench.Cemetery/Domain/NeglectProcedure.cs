using Workbench.Abstractions.Data;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions;
using Workbench.Abstractions.Records;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Cemetery.Data;

namespace Workbench.Cemetery.Domain;

/// <summary>
/// Runs the neglect procedure in order: an inspection first; a warning letter after an inspection; the act no sooner
/// than the cemetery's <c>NeglectWaitDays</c> after the warning (the site becomes neglected); the withdrawal of the
/// current use right after the act. Each step is dated, names who took it and is audited. Where the document register
/// is enabled, the warning letter ("Vēstule") and the act ("Akts") are registered through <see cref="IRecordRegistry"/>
/// in the step's transaction — a register that cannot take them refuses the step.
/// </summary>
public sealed class NeglectProcedure(CemeteryDbContext db, AuditedWriter<CemeteryDbContext> writer, ICurrentActor actor, IModuleContract<IRecordRegistry> registries, ITenantContext tenant, TimeProvider clock)
{
    private DateOnly Today => tenant.Current?.Settings.Today() ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<List<NeglectStep>> StepsAsync(Guid siteId, CancellationToken ct) =>
        db.NeglectSteps.AsNoTracking().Where(s => s.SiteId == siteId).OrderBy(s => s.Date).ThenBy(s => s.CreatedUtc).ToListAsync(ct);

    public Task<NeglectStep> TakeAsync(Guid siteId, NeglectStepInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, ct) ?? throw new KeyNotFoundException("Nav tādas kapavietas.");
        var cemetery = await db.Cemeteries.AsNoTracking().SingleAsync(c => c.Id == site.CemeteryId, ct);
        var date = input.Date ?? Today;
        if (date > Today) throw new ArgumentException("Soļa datums nevar būt nākotnē.");
        if (input.Note is { Length: > 2000 }) throw new ArgumentException("Piezīme līdz 2000 zīmēm.");
        var steps = await db.NeglectSteps.AsNoTracking().Where(s => s.SiteId == siteId).OrderBy(s => s.Date).ToListAsync(ct);
        // The procedure starts anew after a withdrawal.
        var current = steps.Count > 0 && steps.FindLastIndex(s => s.Kind == NeglectStepKind.Withdrawal) is var w and >= 0 ? steps[(w + 1)..] : steps;
        NeglectStep? Last(NeglectStepKind kind) => current.LastOrDefault(s => s.Kind == kind);
        var right = await db.UseRights.Where(u => u.SiteId == siteId && u.State == UseRightState.Active).OrderByDescending(u => u.End).FirstOrDefaultAsync(ct);
        switch (input.Kind)
        {
            case NeglectStepKind.Warning when Last(NeglectStepKind.Inspection) is null:
                throw new ConflictException("Brīdinājumu sūta pēc apsekošanas.");
            case NeglectStepKind.Act when Last(NeglectStepKind.Warning) is not { } warning:
                throw new ConflictException("Aktu sastāda pēc brīdinājuma.");
            case NeglectStepKind.Act when Last(NeglectStepKind.Warning)!.Date.AddDays(cemetery.NeglectWaitDays) > date:
                throw new ConflictException($"Aktu var sastādīt ne agrāk kā {Last(NeglectStepKind.Warning)!.Date.AddDays(cemetery.NeglectWaitDays):dd.MM.yyyy} ({cemetery.NeglectWaitDays} dienas pēc brīdinājuma).");
            case NeglectStepKind.Withdrawal when Last(NeglectStepKind.Act) is null:
                throw new ConflictException("Tiesības atņem pēc akta.");
            case NeglectStepKind.Withdrawal when right is null:
                throw new ConflictException("Kapavietai nav spēkā esošu uzturēšanas tiesību, ko atņemt.");
            case NeglectStepKind.Warning when right is null:
                throw new ConflictException("Brīdinājumu sūta turētājam, bet kapavietai nav spēkā esošu tiesību.");
        }
        var step = new NeglectStep { Id = Guid.NewGuid(), SiteId = siteId, Kind = input.Kind, Date = date, By = actor.Name, Note = input.Note?.Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.NeglectSteps.Add(step);
        if (input.Kind == NeglectStepKind.Act) site.State = SiteState.Neglected;
        if (input.Kind == NeglectStepKind.Withdrawal) right!.State = UseRightState.Withdrawn;
        if (input.Kind is NeglectStepKind.Warning or NeglectStepKind.Act && registries.Current is { } registry)
        {
            var (kind, title) = input.Kind == NeglectStepKind.Warning
                ? ("Vēstule", $"Brīdinājums par nekoptu kapavietu {site.Number}, {cemetery.Name}")
                : ("Akts", $"Akts par nekoptu kapavietu {site.Number}, {cemetery.Name}");
            var text = $"{title}\nTurētājs: {right?.HolderName}\nDatums: {date:dd.MM.yyyy}\n{step.Note}";
            try
            {
                var registered = await registry.RegisterAsync(new RecordToRegister(kind, title, step.Note, actor.Name, date, $"cemetery:neglect:{step.Id}",
                    [new RecordFile($"{(input.Kind == NeglectStepKind.Warning ? "bridinajums" : "akts")}-{site.Number}.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text))]), ct);
                (step.DocumentId, step.RegistrationNumber) = (registered?.Id, registered?.RegistrationNumber);
            }
            catch (RecordRegistryException refused) { throw new ConflictException($"Dokumentu reģistrs nevar reģistrēt: {refused.Message}"); }
        }
        await writer.SaveAsync($"cemetery.neglect.{input.Kind.ToString().ToLowerInvariant()}", siteId.ToString(), new { site.Number, date, step.RegistrationNumber }, ct);
        return step;
    }, ct);
}
