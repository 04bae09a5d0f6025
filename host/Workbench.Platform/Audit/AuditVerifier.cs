using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Audit;

/// <summary>
/// Walks the tenant's audit chain and reports the first entry that was edited, removed, reordered, appended or
/// rewritten without the audit key; the head recorded in the tenant registry catches entries deleted from the end.
/// </summary>
public sealed class AuditVerifier(PlatformDbContext db, HostDatabase hostDatabase, ITenantContext tenant, AuditKeys keys)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var host = hostDatabase.CreateContext();
        var head = await host.Tenants.AsNoTracking().Where(t => t.Name == tenant.Required.Name)
            .Select(t => new { t.AuditHeadSequence, t.AuditHeadHash }).SingleAsync(ct);
        var expectedPrevious = AuditLog.Genesis;
        long expectedSequence = 1, count = 0;
        var key = keys.For(tenant.Required.Name);
        var keyed = false;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expectedSequence)
                return AuditVerification.Broken(count, entry.Sequence, $"entry {expectedSequence} is missing (found {entry.Sequence} next)");
            if (entry.PreviousHash != expectedPrevious)
                return AuditVerification.Broken(count, entry.Sequence, "its link to the previous entry does not match (an earlier entry was changed or removed)");
            if (entry.Hash.StartsWith(AuditLog.KeyedPrefix, StringComparison.Ordinal))
            {
                if (AuditLog.ComputeHash(entry, key) != entry.Hash)
                    return AuditVerification.Broken(count, entry.Sequence, "its content does not match its keyed hash (the entry was edited, or written without the audit key)");
                keyed = true;
            }
            else if (keyed)
                return AuditVerification.Broken(count, entry.Sequence, "it is not keyed although earlier entries are (it was added without the audit key)");
            else if (AuditLog.ComputeLegacyHash(entry) != entry.Hash)
                return AuditVerification.Broken(count, entry.Sequence, "its content does not match its hash (the entry was edited)");
            if (entry.Sequence == head.AuditHeadSequence && entry.Hash != head.AuditHeadHash)
                return AuditVerification.Broken(count, entry.Sequence, "the chain was rewritten (it no longer matches the recorded head)");
            expectedPrevious = entry.Hash;
            expectedSequence++;
            count++;
        }
        if (head.AuditHeadSequence > count)
            return AuditVerification.Broken(count, count + 1, $"the log ends at entry {count} but entry {head.AuditHeadSequence} was recorded (entries were deleted from the end)");
        return new AuditVerification(true, count, null, null);
    }
}

public sealed record AuditVerification(bool Valid, long EntriesChecked, long? BrokenAt, string? Problem)
{
    public static AuditVerification Broken(long checkedCount, long at, string problem) => new(false, checkedCount, at, $"entry {at}: {problem}");
}
