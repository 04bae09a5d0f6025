using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Audit;

/// <summary>
/// Walks the tenant's audit chain and reports the first entry that was edited, removed, reordered, inserted or
/// rewritten without the audit key; the head recorded in the tenant registry catches entries deleted from the end.
/// Entries not yet chained are counted with the age of the oldest, and each must carry the appender's keyed mark.
/// </summary>
public sealed class AuditVerifier(PlatformDbContext db, HostDatabase hostDatabase, ITenantContext tenant, AuditKeys keys)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var host = hostDatabase.CreateContext();
        var head = await host.Tenants.AsNoTracking().Where(r => r.Name == tenant.Required.Name)
            .Select(r => new { r.AuditHeadSequence, r.AuditHeadHash }).SingleAsync(ct);
        var key = keys.For(tenant.Required.Name);
        var expectedPrevious = AuditHashes.Genesis;
        long expectedIndex = 1, count = 0, pending = 0;
        DateTime? oldest = null;
        var keyed = false;
        // One query, so one snapshot: the chain in order, then the entries waiting for the chainer (which may be moving
        // entries from one group to the other meanwhile). The head was read before it, so it is never ahead of it.
        // The registry remembers the newest chained entry: a chain that ends before it lost its tail.
        AuditVerification? Truncated() => head.AuditHeadSequence > count
            ? Broken(count, count + 1, $"žurnāls beidzas ar {count}. ierakstu, bet pierakstīts ir {head.AuditHeadSequence}. (ieraksti izdzēsti no beigām).") : null;
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.ChainIndex == null).ThenBy(e => e.ChainIndex).ThenBy(e => e.Sequence);
        await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.ChainIndex is not { } index)
            {
                if (pending == 0 && Truncated() is { } truncated) return truncated;
                if (!AuditHashes.MarkMatches(entry, key))
                    return Broken(count, null, $"nesaistītais ieraksts nr. {entry.Sequence} nav rakstīts ar audita atslēgu (pievienots datubāzē).");
                pending++;
                oldest ??= entry.TimestampUtc;
                continue;
            }
            if (index != expectedIndex)
                return Broken(count, expectedIndex, $"trūkst (nākamais ir {index}.).");
            if (entry.PreviousHash != expectedPrevious)
                return Broken(count, index, "saite ar iepriekšējo ierakstu nesakrīt (kāds agrāks ieraksts mainīts vai izdzēsts).");
            if (entry.Hash.StartsWith(AuditHashes.KeyedPrefix, StringComparison.Ordinal))
            {
                if (AuditHashes.ChainHash(entry, key) != entry.Hash)
                    return Broken(count, index, "saturs neatbilst tā atslēgotajam jaucējkodam (ieraksts labots vai rakstīts bez audita atslēgas).");
                keyed = true;
            }
            else if (keyed)
                return Broken(count, index, "nav atslēgots, lai gan agrākie ir (pievienots bez audita atslēgas).");
            else if (AuditHashes.LegacyHash(entry) != entry.Hash)
                return Broken(count, index, "saturs neatbilst tā jaucējkodam (ieraksts labots).");
            if (index == head.AuditHeadSequence && entry.Hash != head.AuditHeadHash)
                return Broken(count, index, "ķēde pārrakstīta (vairs neatbilst reģistrā pierakstītajam pēdējam ierakstam).");
            expectedPrevious = entry.Hash;
            expectedIndex++;
            count++;
        }
        if (pending == 0 && Truncated() is { } cut) return cut;
        return new AuditVerification(true, count, null, null, pending, oldest is { } at ? Math.Round((DateTime.UtcNow - at).TotalSeconds, 3) : null);
    }

    private static AuditVerification Broken(long checkedCount, long? at, string problem) =>
        new(false, checkedCount, at, at is null ? problem : $"{at}. ieraksts: {problem}", 0, null);
}

/// <param name="EntriesChecked">Chained entries verified before the first problem (all of them when valid).</param>
/// <param name="BrokenAt">The place in the chain of the first problem.</param>
/// <param name="Pending">Entries appended but not yet chained (the chainer links them within about a second).</param>
/// <param name="OldestPendingSeconds">How long the oldest of them has waited.</param>
public sealed record AuditVerification(bool Valid, long EntriesChecked, long? BrokenAt, string? Problem, long Pending, double? OldestPendingSeconds);
