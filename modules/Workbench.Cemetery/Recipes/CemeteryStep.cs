using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Tenants;
using Workbench.Cemetery.Data;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Recipes;

/// <summary>
/// <c>{"name": "cemetery", "items": [{"id": "…", "name": "…", …create-API fields…, "ranges": [{"from": "1A-1", "to": "3C-6",
/// "type": "Family", "grid": {…}}], "sites": [{"number": "…", …}], "burials": [{"siteNumber": "1A-1", …burial fields…}],
/// "useRights": [{"siteNumber": "1A-1", …use-right fields…}], "demo": {"seed": 13, "burials": 400}}]}</c>.
/// Burials are recorded under the rules of an open cemetery (they are history); the item's status applies after them.
/// An item whose id exists updates the cemetery and adds only sites it lacks; burials, use rights and demo data are
/// written only when the cemetery is new, so running the recipe again changes nothing.
/// </summary>
public sealed class CemeteryStep : IRecipeStepHandler
{
    public string StepName => "cemetery";
    public string? RequiredFeature => CemeteryManifest.Feature;

    public Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var today = context.Services.GetRequiredService<ITenantContext>().Current?.Settings.Today() ?? DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (i, item) in context.ReadItems<Item>())
        {
            var path = $"$.items[{i}]";
            if (item.Id is null) context.Error($"{path}.id", "Recipē kapsētai vajag id.");
            foreach (var (field, message) in CemeteryValidation.Validate(item.Cemetery).Entries) context.Error($"{path}.{field}", message);
            var numbers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (range, r) in (item.Ranges ?? []).Select((x, r) => (x, r)))
            {
                var (created, problem) = SiteNumbers.Range(range.From, range.To);
                if (problem is not null) context.Error($"{path}.ranges[{r}]", problem);
                foreach (var n in created) if (!numbers.Add(n.ToString())) context.Error($"{path}.ranges[{r}]", $"Kapavieta {n} atkārtojas.");
            }
            foreach (var (site, s) in (item.Sites ?? []).Select((x, s) => (x, s)))
            {
                foreach (var (field, message) in CemeteryValidation.Validate(site, item.SchemeWidth, item.SchemeHeight).Entries) context.Error($"{path}.sites[{s}].{field}", message);
                if (site.Number is not null && !numbers.Add(site.Number.Trim())) context.Error($"{path}.sites[{s}].number", $"Kapavieta {site.Number} atkārtojas.");
            }
            foreach (var (burial, b) in (item.Burials ?? []).Select((x, b) => (x, b)))
            {
                if (!numbers.Contains(burial.SiteNumber ?? "")) context.Error($"{path}.burials[{b}].siteNumber", $"Šajā kapsētā nav kapavietas \"{burial.SiteNumber}\".");
                foreach (var (field, message) in CemeteryValidation.Validate(burial.ToInput(Guid.Empty), today).Entries) context.Error($"{path}.burials[{b}].{field}", message);
            }
            foreach (var (right, u) in (item.UseRights ?? []).Select((x, u) => (x, u)))
            {
                if (!numbers.Contains(right.SiteNumber ?? "")) context.Error($"{path}.useRights[{u}].siteNumber", $"Šajā kapsētā nav kapavietas \"{right.SiteNumber}\".");
                foreach (var (field, message) in CemeteryValidation.Validate(right.ToInput(Guid.Empty)).Entries) context.Error($"{path}.useRights[{u}].{field}", message);
            }
            if (item.Demo is { } demo && (demo.Burials is < 0 or > 20_000 || numbers.Count == 0))
                context.Error($"{path}.demo", "Demonstrācijas datiem vajag kapavietas un līdz 20000 apbedījumu.");
        }
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var services = context.Services;
        var (cemeteries, burials, rights, db) = (services.GetRequiredService<CemeteryService>(), services.GetRequiredService<BurialService>(),
            services.GetRequiredService<UseRightService>(), services.GetRequiredService<CemeteryDbContext>());
        foreach (var (_, item) in context.ReadItems<Item>())
        {
            var id = item.Id!.Value;
            var isNew = await cemeteries.FindAsync(id, ct) is null;
            // A new cemetery's recorded burials happened while it was open: it takes its status once they are in.
            var cemetery = isNew ? await cemeteries.CreateAsync(item.Cemetery with { Status = CemeteryStatus.Open }, ct) : await cemeteries.UpdateAsync(id, item.Cemetery, ct);
            var used = (await db.Sites.AsNoTracking().Where(s => s.CemeteryId == id).Select(s => s.Number).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var range in item.Ranges ?? [])
                if (!SiteNumbers.Range(range.From, range.To).Numbers.Any(n => used.Contains(n.ToString())))
                    await cemeteries.CreateRangeAsync(id, range, ct);
            foreach (var site in (item.Sites ?? []).Where(s => !used.Contains(s.Number!.Trim())))
                await cemeteries.CreateSiteAsync(id, site, ct);
            if (!isNew) continue;

            var sites = (await cemeteries.SitesAsync(id, ct)).OrderBy(s => s.Number, SiteNumberOrder.Instance).ToList();
            var byNumber = sites.ToDictionary(s => s.Number, s => s.Id, StringComparer.Ordinal);
            var toBury = (item.Burials ?? []).Select(b => b.ToInput(byNumber[b.SiteNumber!])).ToList();
            var toGrant = (item.UseRights ?? []).Select(u => u.ToInput(byNumber[u.SiteNumber!])).ToList();
            if (item.Demo is { } demo)
            {
                var generated = DemoRegister.Generate(demo.Seed, sites.Where(s => s.Polygon != null || demo.IncludeUnplaced).Select(s => (s.Number, s.Type, s.Capacity)).ToList(),
                    demo.Burials, burials.Today, cemetery.ReuseYears);
                toBury.AddRange(generated.Burials.Select(b => b.Burial with { SiteId = byNumber[b.SiteNumber] }));
                toGrant.AddRange(generated.UseRights.Select(u => u.UseRight with { SiteId = byNumber[u.SiteNumber] }));
            }
            var (_, errors) = await burials.RecordManyAsync(id, toBury.OrderBy(b => b.BurialDate).ToList(), dryRun: false, ct);
            if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors.Take(3).Select(e => $"{cemetery.Name}, apbedījums {e.Index + 1}: {e.Message}")));
            foreach (var right in toGrant) await rights.CreateAsync(right, ct);
            if (item.Status != CemeteryStatus.Open) await cemeteries.UpdateAsync(id, item.Cemetery, ct);
        }
    }

    private sealed record Item(
        Guid? Id, string? Name, CemeteryStatus Status = CemeteryStatus.Open, string? Address = null, double? Latitude = null, double? Longitude = null,
        string? OpeningHours = null, string? Caretaker = null, int ReuseYears = 20, bool AllowsCoffins = true, bool AllowsUrns = true, bool UrnsIntoOccupied = true,
        int PublishAfterDays = 30, TimeOnly? DayStart = null, TimeOnly? DayEnd = null, int SlotMinutes = 120, int SchemeWidth = 1000, int SchemeHeight = 1000, int NeglectWaitDays = 90, string? ReminderEmail = null,
        List<SiteRangeInput>? Ranges = null, List<SiteInput>? Sites = null, List<BurialItem>? Burials = null, List<UseRightItem>? UseRights = null, DemoItem? Demo = null)
    {
        public CemeteryInput Cemetery => new(Name, Status, Address, Latitude, Longitude, OpeningHours, Caretaker, ReuseYears, AllowsCoffins, AllowsUrns, UrnsIntoOccupied,
            PublishAfterDays, DayStart, DayEnd, SlotMinutes, SchemeWidth, SchemeHeight, Id, NeglectWaitDays, ReminderEmail);
    }

    private sealed record BurialItem(
        string? SiteNumber, string? GivenName, string? FamilyName, DateOnly? BurialDate, BurialType Type = BurialType.Coffin, string? PersonalCode = null,
        DateOnly? BirthDate = null, DateOnly? DeathDate = null, bool Unidentified = false, TimeOnly? SlotStart = null, double? DepthM = null, bool DoNotPublish = false)
    {
        public BurialInput ToInput(Guid siteId) => new(siteId, GivenName, FamilyName, BurialDate, Type, PersonalCode, BirthDate, DeathDate, Unidentified, SlotStart, DepthM, DoNotPublish);
    }

    private sealed record UseRightItem(
        string? SiteNumber, string? HolderName, DateOnly? Start, DateOnly? End, HolderKind HolderKind = HolderKind.Person, string? HolderCode = null,
        string? HolderEmail = null, string? HolderPhone = null, string? HolderAddress = null, string? ContractNumber = null, List<FeeInput>? Fees = null)
    {
        public UseRightInput ToInput(Guid siteId) => new(siteId, HolderName, Start, End, HolderKind, HolderCode, HolderEmail, HolderPhone, HolderAddress, ContractNumber, Fees);
    }

    /// <param name="IncludeUnplaced">Whether generated burials may go into sites without a scheme position too.</param>
    private sealed record DemoItem(int Seed = 1, int Burials = 0, bool IncludeUnplaced = false);
}
