using Workbench.Abstractions.Data;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Tenants;
using Workbench.Cemetery.Data;
using Workbench.Cemetery.Integration;
using Workbench.Cemetery.Search;

namespace Workbench.Cemetery.Domain;

/// <summary>
/// Records burials under the cemetery's rules (capacity, reuse period, status, allowed types, slots), in one transaction
/// with the site's state, the audit entry, the search entry and the FPRIS notification in the outbox.
/// </summary>
public sealed class BurialService(
    CemeteryDbContext db, AuditedWriter<CemeteryDbContext> writer, CemeterySearchSource search, IOutbox outbox, ITenantContext tenant, TimeProvider clock)
{
    public DateOnly Today => tenant.Current?.Settings.Today() ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<Burial> RecordAsync(BurialInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        // Touching the site first serialises burials into one site (PostgreSQL locks the row until commit), so two at once
        // cannot both see a free place.
        var touched = await db.Sites.Where(s => s.Id == input.SiteId).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedUtc, clock.GetUtcNow().UtcDateTime), ct);
        if (touched == 0) throw new KeyNotFoundException("Nav tādas kapavietas.");
        var site = await db.Sites.SingleAsync(s => s.Id == input.SiteId, ct);
        var cemetery = await db.Cemeteries.AsNoTracking().SingleAsync(c => c.Id == site.CemeteryId, ct);
        var existing = await db.Burials.AsNoTracking().Where(b => b.SiteId == site.Id).ToListAsync(ct);
        var date = input.BurialDate!.Value;
        if (BurialRules.Refusal(cemetery, site, existing, input.Type, date) is { } refusal) throw new ConflictException(refusal);
        if (input.SlotStart is { } slot)
        {
            if (BurialRules.SlotRefusal(cemetery, slot) is { } wrongSlot) throw new ArgumentException(wrongSlot);
            if (await db.Burials.AnyAsync(b => b.CemeteryId == cemetery.Id && b.BurialDate == date && b.SlotStart == slot, ct))
                throw new ConflictException(SlotTaken(cemetery, date, slot));
        }
        var burial = New(input, cemetery.Id, site.Id, clock.GetUtcNow().UtcDateTime);
        db.Burials.Add(burial);
        site.State = SiteState.Occupied;
        // The audit entry names the site and the date, never the personal code.
        await writer.SaveAsync("cemetery.burial.recorded", burial.Id.ToString(), new { site = site.Number, cemetery = cemetery.Name, date, input.Type }, ct, SlotTaken(cemetery, date, input.SlotStart));
        await search.IndexBurialAsync(burial, cemetery, site, ct);
        if (IsNews(date)) await NotifyFprisAsync(burial, cemetery, site, ct);
        return burial;
    }, ct);

    /// <summary>
    /// A burial recorded within <see cref="FprisWindowDays"/> days of taking place (or booked ahead) is news for FPRIS;
    /// older ones are a register being digitised from the books and are not reported again.
    /// </summary>
    public const int FprisWindowDays = 30;

    private bool IsNews(DateOnly burialDate) => burialDate >= Today.AddDays(-FprisWindowDays);

    private Task NotifyFprisAsync(Burial burial, Cemetery cemetery, GraveSite site, CancellationToken ct) =>
        outbox.EnqueueAsync(FprisAdapter.AdapterName, FprisNotification.KeyOf(tenant.Current?.Name ?? "", burial.Id), FprisNotification.Of(tenant.Current?.Name ?? "", burial, cemetery, site), ct);

    /// <summary>
    /// Many burials of one cemetery at once (recipe, import): every rule checked in order against what the site holds by
    /// then, every refusal collected with its position; saved only when there is none, in one transaction.
    /// </summary>
    public Task<(int Saved, List<(int Index, string Message)> Errors)> RecordManyAsync(Guid cemeteryId, IReadOnlyList<BurialInput> inputs, bool dryRun, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var cemetery = await db.Cemeteries.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cemeteryId, ct) ?? throw new KeyNotFoundException("Nav tādas kapsētas.");
        var sites = await db.Sites.Where(s => s.CemeteryId == cemeteryId).ToDictionaryAsync(s => s.Id, ct);
        var held = (await db.Burials.AsNoTracking().Where(b => b.CemeteryId == cemeteryId).ToListAsync(ct)).GroupBy(b => b.SiteId).ToDictionary(g => g.Key, g => g.ToList());
        var slots = (await db.Burials.AsNoTracking().Where(b => b.CemeteryId == cemeteryId && b.SlotStart != null).Select(b => new { b.BurialDate, b.SlotStart }).ToListAsync(ct))
            .Select(b => (b.BurialDate, b.SlotStart!.Value)).ToHashSet();
        var errors = new List<(int, string)>();
        var created = new List<Burial>();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (!sites.TryGetValue(input.SiteId, out var site)) { errors.Add((i, "Šajā kapsētā nav tādas kapavietas.")); continue; }
            var date = input.BurialDate!.Value;
            var existing = held.TryGetValue(site.Id, out var list) ? list : held[site.Id] = [];
            if (BurialRules.Refusal(cemetery, site, existing, input.Type, date) is { } refusal) { errors.Add((i, refusal)); continue; }
            if (input.SlotStart is { } slot && (BurialRules.SlotRefusal(cemetery, slot) ?? (slots.Add((date, slot)) ? null : SlotTaken(cemetery, date, slot))) is { } slotProblem)
            { errors.Add((i, slotProblem)); continue; }
            var burial = New(input, cemetery.Id, site.Id, now);
            existing.Add(burial);
            created.Add(burial);
            site.State = SiteState.Occupied;
        }
        if (errors.Count > 0 || dryRun)
        {
            db.ChangeTracker.Clear();
            return (0, errors);
        }
        db.Burials.AddRange(created);
        await writer.SaveAsync("cemetery.burials.recorded", cemeteryId.ToString(), new { count = created.Count }, ct);
        foreach (var burial in created)
        {
            await search.IndexBurialAsync(burial, cemetery, sites[burial.SiteId], ct);
            if (IsNews(burial.BurialDate)) await NotifyFprisAsync(burial, cemetery, sites[burial.SiteId], ct);
        }
        return (created.Count, errors);
    }, ct);

    private static Burial New(BurialInput input, Guid cemeteryId, Guid siteId, DateTime now) => new()
    {
        Id = Guid.NewGuid(), CemeteryId = cemeteryId, SiteId = siteId, GivenName = input.GivenName?.Trim(), FamilyName = input.FamilyName?.Trim(),
        PersonalCode = string.IsNullOrWhiteSpace(input.PersonalCode) ? null : CemeteryValidation.NormalizeCode(input.PersonalCode),
        BirthDate = input.BirthDate, DeathDate = input.DeathDate, Unidentified = input.Unidentified, BurialDate = input.BurialDate!.Value, SlotStart = input.SlotStart,
        Type = input.Type, DepthM = input.DepthM, DoNotPublish = input.DoNotPublish,
        FamilyKey = NameKeys.Family(input.FamilyName), NameKeys = NameKeys.Padded(input.GivenName, input.FamilyName), CreatedUtc = now,
    };

    private static string SlotTaken(Cemetery cemetery, DateOnly date, TimeOnly? slot) =>
        $"Kapsētā \"{cemetery.Name}\" {date:dd.MM.yyyy} plkst. {slot:HH\\:mm} jau ir apbedīšana.";

    public Task<Burial?> FindAsync(Guid id, CancellationToken ct) => db.Burials.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);

    public Task<List<Burial>> ListAsync(Guid? cemeteryId, Guid? siteId, DateOnly? on, int take, CancellationToken ct)
    {
        var query = db.Burials.AsNoTracking();
        if (cemeteryId is { } c) query = query.Where(b => b.CemeteryId == c);
        if (siteId is { } s) query = query.Where(b => b.SiteId == s);
        if (on is { } day) query = query.Where(b => b.BurialDate == day);
        return query.OrderByDescending(b => b.BurialDate).ThenBy(b => b.FamilyName).Take(take).ToListAsync(ct);
    }

    /// <summary>Staff's name search within a cemetery (unpublished and recent burials too): the scheme lights their sites up.</summary>
    public async Task<List<Burial>> FindByNameAsync(Guid cemeteryId, string? name, CancellationToken ct)
    {
        var keys = NameKeys.Of(name).Where(k => k.Length >= 2).ToList();
        if (keys.Count == 0) return [];
        var found = await db.Burials.AsNoTracking().Where(b => b.CemeteryId == cemeteryId && keys.Contains(b.FamilyKey)).Take(2000).ToListAsync(ct);
        if (found.Count == 0)
        {
            var first = $" {keys[0]} ";
            found = await db.Burials.AsNoTracking().Where(b => b.CemeteryId == cemeteryId && b.NameKeys.Contains(first)).Take(2000).ToListAsync(ct);
        }
        return found.Where(b => NameKeys.Matches(b.NameKeys, keys)).OrderBy(b => b.FamilyName).ThenBy(b => b.GivenName).Take(200).ToList();
    }

    /// <summary>The caretaker's day: each slot of the cemetery with the burial booked into it (who, where), plus burials of the day without a slot.</summary>
    public async Task<DaySchedule> DayAsync(Guid cemeteryId, DateOnly day, CancellationToken ct)
    {
        var cemetery = await db.Cemeteries.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cemeteryId, ct) ?? throw new KeyNotFoundException("Nav tādas kapsētas.");
        var burials = await (from b in db.Burials.AsNoTracking()
                             join s in db.Sites.AsNoTracking() on b.SiteId equals s.Id
                             where b.CemeteryId == cemeteryId && b.BurialDate == day
                             select new { Burial = b, s.Number }).ToListAsync(ct);
        var slots = cemetery.Slots().Select(slot => burials.FirstOrDefault(b => b.Burial.SlotStart == slot) is { } booked
            ? new DaySlot(slot, slot.AddMinutes(cemetery.SlotMinutes), booked.Burial.Id, booked.Burial.DisplayName, booked.Number, booked.Burial.SiteId, booked.Burial.Type, booked.Burial.DepthM)
            : new DaySlot(slot, slot.AddMinutes(cemetery.SlotMinutes), null, null, null, null, null, null)).ToList();
        var unslotted = burials.Where(b => b.Burial.SlotStart is null)
            .Select(b => new DaySlot(null, null, b.Burial.Id, b.Burial.DisplayName, b.Number, b.Burial.SiteId, b.Burial.Type, b.Burial.DepthM)).ToList();
        return new DaySchedule(cemetery.Id, cemetery.Name, day, slots, unslotted);
    }
}

public sealed record DaySchedule(Guid CemeteryId, string Cemetery, DateOnly Day, List<DaySlot> Slots, List<DaySlot> WithoutSlot);

/// <summary>One slot of a day: free (no burial) or who is buried where, in what, how deep.</summary>
public sealed record DaySlot(TimeOnly? Start, TimeOnly? End, Guid? BurialId, string? Deceased, string? SiteNumber, Guid? SiteId, BurialType? Type, double? DepthM);
