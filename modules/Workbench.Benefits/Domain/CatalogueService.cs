using Workbench.Abstractions.Data;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Abstractions.Validation;
using Workbench.Benefits.Data;
using Workbench.Benefits.Integration;
using Workbench.Benefits.Search;

namespace Workbench.Benefits.Domain;

/// <summary>
/// The relief catalogue and the benefit groups. A relief is created with its first version; a change is a new version
/// from a date, which ends the version before it the day before; a version that would start on or before the latest
/// version's start overlaps it and is refused. Every change is audited, indexed and queued for AVIS in one transaction.
/// </summary>
public sealed class CatalogueService(
    BenefitsDbContext db, AuditedWriter<BenefitsDbContext> writer, ICurrentActor actor, BenefitsSearchSource search, AvisSync avis, ITenantContext tenant)
{
    public DateOnly Today => tenant.Current?.Settings.Today() ?? DateOnly.FromDateTime(DateTime.UtcNow);

    public Task<List<BenefitGroup>> GroupsAsync(CancellationToken ct) => db.Groups.AsNoTracking().OrderBy(g => g.Code).ToListAsync(ct);

    public Task<BenefitGroup?> GroupAsync(string code, CancellationToken ct) => db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Code == code, ct);

    public Task<Relief?> FindAsync(Guid id, CancellationToken ct) => db.Reliefs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public Task<Relief?> FindAsync(string code, CancellationToken ct) => db.Reliefs.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct);

    public Task<List<Relief>> ReliefsAsync(CancellationToken ct) => db.Reliefs.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);

    /// <summary>Every version of every relief, oldest first per relief.</summary>
    public async Task<ILookup<Guid, ReliefVersion>> AllVersionsAsync(CancellationToken ct) =>
        (await db.Versions.AsNoTracking().ToListAsync(ct)).OrderBy(v => v.Number).ToLookup(v => v.ReliefId);

    public Task<List<ReliefVersion>> VersionsAsync(Guid reliefId, CancellationToken ct) =>
        db.Versions.AsNoTracking().Where(v => v.ReliefId == reliefId).OrderBy(v => v.Number).ToListAsync(ct);

    public async Task<HashSet<string>> GroupCodesAsync(CancellationToken ct) => (await db.Groups.AsNoTracking().Select(g => g.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    public async Task<ValidationErrors> ValidateAsync(ReliefInput input, bool isNew, CancellationToken ct, IReadOnlySet<string>? alsoKnownGroups = null)
    {
        var groups = await GroupCodesAsync(ct);
        if (alsoKnownGroups is not null) groups.UnionWith(alsoKnownGroups);
        var errors = CatalogueValidation.Check(input, groups, checkCode: isNew);
        if (isNew && errors.IsValid && await db.Reliefs.AnyAsync(r => r.Code == input.Code!.Trim(), ct)) errors.Add("code", $"Atvieglojums ar kodu \"{input.Code}\" jau ir.");
        return errors;
    }

    /// <summary>Creates a relief with version 1. The input must have been validated.</summary>
    public Task<Relief> CreateAsync(ReliefInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var relief = new Relief { Id = Guid.NewGuid(), Code = input.Code!.Trim(), CreatedUtc = DateTime.UtcNow };
        db.Reliefs.Add(relief);
        var version = NewVersion(relief.Id, 1, input);
        db.Versions.Add(version);
        await writer.SaveAsync("benefits.relief.created", relief.Id.ToString(), new { relief.Code, version.ValidFrom }, ct, $"Atvieglojums ar kodu \"{relief.Code}\" jau ir.");
        await AfterChangeAsync(relief, version, ct);
        return relief;
    }, ct);

    /// <summary>
    /// A new version from <see cref="ReliefInput.ValidFrom"/>: the latest version ends the day before (if it would run
    /// past it). Refused (400) when it would start on or before the latest version's start.
    /// </summary>
    public Task<ReliefVersion> AddVersionAsync(Guid reliefId, ReliefInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var relief = await db.Reliefs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reliefId, ct) ?? throw new KeyNotFoundException("Atvieglojums nav atrasts.");
        var latest = await db.Versions.Where(v => v.ReliefId == reliefId).OrderByDescending(v => v.Number).FirstAsync(ct);
        var from = input.ValidFrom!.Value;
        if (from <= latest.ValidFrom)
            throw new ArgumentException($"Versija pārklājas ar versiju Nr. {latest.Number}, kas ir spēkā no {latest.ValidFrom:dd.MM.yyyy}: jaunai versijai jāsākas vēlāk.");
        if (latest.ValidTo is null || latest.ValidTo >= from) latest.ValidTo = from.AddDays(-1);
        var version = NewVersion(reliefId, latest.Number + 1, input);
        db.Versions.Add(version);
        await writer.SaveAsync("benefits.relief.versioned", reliefId.ToString(), new { relief.Code, version.Number, version.ValidFrom, version.ChangeNote }, ct,
            "Atvieglojumu vienlaikus mainīja cits lietotājs; atveriet to no jauna.");
        await AfterChangeAsync(relief, version, ct);
        return version;
    }, ct);

    public Task<BenefitGroup> SaveGroupAsync(GroupInput input, GroupRule rule, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var code = input.Code!.Trim();
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Code == code, ct);
        var created = group is null;
        group ??= db.Groups.Add(new BenefitGroup { Id = Guid.NewGuid(), Code = code, Name = "", RuleJson = "{}" }).Entity;
        var ruleJson = rule.ToJson();
        var changed = created || group.Name != input.Name!.Trim() || group.Description != input.Description?.Trim() || group.RuleJson != ruleJson;
        if (!changed) return group;
        (group.Name, group.Description, group.RuleJson, group.Version, group.UpdatedUtc) = (input.Name!.Trim(), input.Description?.Trim(), ruleJson, group.Version + 1, DateTime.UtcNow);
        await writer.SaveAsync(created ? "benefits.group.created" : "benefits.group.changed", group.Id.ToString(), new { group.Code, group.Version, rule = ruleJson }, ct,
            $"Grupa ar kodu \"{code}\" jau ir.");
        await avis.QueueGroupAsync(group, ct);
        return group;
    }, ct);

    private ReliefVersion NewVersion(Guid reliefId, int number, ReliefInput input) => new()
    {
        Id = Guid.NewGuid(), ReliefId = reliefId, Number = number, ValidFrom = input.ValidFrom!.Value, ValidTo = input.ValidTo,
        Name = input.Name!.Trim(), Grantor = input.Grantor!.Trim(), Kind = input.Kind!.Value, AppliesTo = input.AppliesTo!.Value,
        Percent = input.Percent, Amount = input.Amount, Cap = input.Cap, CapPeriod = input.Cap is null ? null : input.CapPeriod,
        GroupCodes = string.Join(',', input.Groups!.Select(g => g!.Trim())), LegalBasis = input.LegalBasis?.Trim(), LegalBasisUrl = input.LegalBasisUrl?.Trim(),
        IdentifiedBy = string.Join(',', input.IdentifiedBy!.Select(m => m!.Trim()).Distinct()), Description = input.Description?.Trim(),
        ChangeNote = input.ChangeNote?.Trim(), CreatedBy = actor.Name, CreatedUtc = DateTime.UtcNow,
    };

    private async Task AfterChangeAsync(Relief relief, ReliefVersion version, CancellationToken ct)
    {
        await search.IndexReliefAsync(relief.Id, ct);
        await avis.QueueReliefAsync(relief, version, ct);
    }
}
