using Workbench.Abstractions.Data;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Validation;
using Workbench.Benefits.Data;

namespace Workbench.Benefits.Domain;

/// <summary>
/// Group memberships received from the state: an import is validated whole (a malformed personal code, an unknown
/// group, a reversed period refuse all of it) and saved in one transaction; a record for the same person, group and
/// start replaces the earlier one. Records are kept while valid plus the retention, then purged (audited, counts only).
/// </summary>
public sealed class StatusRecords(BenefitsDbContext db, AuditedWriter<BenefitsDbContext> writer, PersonKeys keys, IAuditLog audit)
{
    public sealed record ImportResult(int Imported, int Replaced);

    public sealed record PurgeResult(int Purged, DateOnly EndedBefore);

    public async Task<ValidationErrors> ValidateAsync(IReadOnlyList<StatusRecordInput?> records, CancellationToken ct, IReadOnlySet<string>? alsoKnownGroups = null)
    {
        var groups = (await db.Groups.AsNoTracking().Select(g => g.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (alsoKnownGroups is not null) groups.UnionWith(alsoKnownGroups);
        var errors = new ValidationErrors();
        errors.When(records.Count == 0, "records", "Nav neviena statusa ieraksta.");
        for (var i = 0; i < records.Count; i++)
        {
            var at = $"records[{i}]";
            if (records[i] is not { } r) { errors.Add(at, "Ieraksts nav norādīts."); continue; }
            if (PersonalCodes.Check(r.PersonalCode, out _, out _) is { } wrong) errors.Add($"{at}.personalCode", wrong);
            errors.When(r.Group is null || !groups.Contains(r.Group.Trim()), $"{at}.group", $"Nav atvieglojumu grupas \"{r.Group}\".");
            errors.When(r.ValidFrom is null || r.ValidTo is null, $"{at}.validTo", "Jānorāda statusa sākuma un beigu datums.");
            errors.When(r.ValidFrom is { } from && r.ValidTo is { } to && to < from, $"{at}.validTo", "Beigu datums ir pirms sākuma datuma.");
            errors.When(string.IsNullOrWhiteSpace(r.Source), $"{at}.source", "Jānorāda, no kurienes statuss saņemts.");
        }
        return errors;
    }

    /// <summary>Saves validated records; the audit entry names counts per group, never a person.</summary>
    public Task<ImportResult> ImportAsync(IReadOnlyList<StatusRecordInput?> records, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var groups = await db.Groups.AsNoTracking().ToDictionaryAsync(g => g.Code, StringComparer.Ordinal, ct);
        var rows = new List<(StatusRecordInput Input, string Hash, DateOnly? Birth, BenefitGroup Group)>();
        foreach (var r in records.Select(r => r!))
        {
            PersonalCodes.Check(r.PersonalCode, out var code, out var birth);
            rows.Add((r, await keys.HashAsync(code, ct), birth, groups[r.Group!.Trim()]));
        }
        // One query for the records these people already have, not one per record.
        var hashes = rows.Select(r => r.Hash).Distinct().ToList();
        var held = (await db.StatusRecords.Where(s => hashes.Contains(s.PersonHash)).ToListAsync(ct))
            .ToDictionary(s => (s.PersonHash, s.GroupId, s.ValidFrom));
        var (imported, replaced) = (0, 0);
        var now = DateTime.UtcNow;
        foreach (var (r, hash, birth, group) in rows)
        {
            if (held.TryGetValue((hash, group.Id, r.ValidFrom!.Value), out var existing)) replaced++;
            else
            {
                existing = db.StatusRecords.Add(new StatusRecord { Id = Guid.NewGuid(), PersonHash = hash, GroupId = group.Id, Source = "" }).Entity;
                held[(hash, group.Id, r.ValidFrom!.Value)] = existing;
                imported++;
            }
            existing.ValidFrom = r.ValidFrom!.Value;
            existing.ValidTo = r.ValidTo!.Value;
            existing.Source = r.Source!.Trim();
            existing.DeclaredResidence = r.DeclaredResidence;
            existing.BirthDate = GroupRule.FromJson(group.RuleJson).HasAgeRange ? birth : null;
            existing.ImportedUtc = now;
        }
        var perGroup = records.GroupBy(r => r!.Group!.Trim()).ToDictionary(g => g.Key, g => g.Count());
        await writer.SaveAsync("benefits.status.imported", "status-records", new { imported, replaced, perGroup }, ct);
        return new ImportResult(imported, replaced);
    }, ct);

    /// <summary>Status records of one person (for <c>ViewBenefitsPersonalData</c>).</summary>
    public async Task<List<(StatusRecord Record, string Group)>> OfPersonAsync(string code, CancellationToken ct)
    {
        var hash = await keys.HashAsync(code, ct);
        var found = await (from s in db.StatusRecords.AsNoTracking()
                           join g in db.Groups.AsNoTracking() on s.GroupId equals g.Id
                           where s.PersonHash == hash
                           orderby g.Code, s.ValidFrom
                           select new { s, g.Code }).ToListAsync(ct);
        return found.Select(f => (f.s, f.Code)).ToList();
    }

    public async Task<int> CountAsync(CancellationToken ct) => await db.StatusRecords.CountAsync(ct);

    /// <summary>Removes every record that ended more than the retention before <paramref name="today"/>; audited with the count.</summary>
    public Task<PurgeResult> PurgeAsync(DateOnly today, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var endedBefore = today.AddDays(-(await keys.SettingsAsync(ct)).RetentionDays);
        var purged = await db.StatusRecords.Where(s => s.ValidTo < endedBefore).ExecuteDeleteAsync(ct);
        await audit.AppendAsync("benefits.status.purged", "status-records", new { purged, endedBefore }, ct);
        return new PurgeResult(purged, endedBefore);
    }, ct);

    public Task SetRetentionAsync(int days, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        if (days is < 0 or > 3650) throw new ArgumentException("Glabāšanas termiņam jābūt no 0 līdz 3650 dienām.");
        var settings = await keys.SettingsAsync(ct);
        settings.RetentionDays = days;
        await writer.SaveAsync("benefits.retention.changed", "status-records", new { days }, ct);
        return true;
    }, ct);
}
