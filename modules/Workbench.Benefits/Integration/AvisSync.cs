using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Tenants;
using Workbench.Benefits.Data;
using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Integration;

/// <summary>
/// Queues every relief version and group version for AVIS through the platform outbox, in the transaction of the change.
/// The idempotency key is <c>benefits:{municipality}:relief:{code}:v{version}</c> (groups: <c>…:group:…</c>), so a
/// repeated delivery is one message to AVIS; a resend from the reconciliation report adds <c>:resend-{n}</c>.
/// </summary>
public sealed class AvisSync(BenefitsDbContext db, IOutbox outbox, ITenantContext tenant, IAuditLog audit)
{
    public const string Relief = "relief";
    public const string Group = "group";

    private string Municipality => tenant.Required.Name;

    public Task QueueReliefAsync(Relief relief, ReliefVersion version, CancellationToken ct, string suffix = "") =>
        QueueAsync(Relief, relief.Code, version.Number, AvisRelief.Of(Municipality, relief, version), suffix, ct);

    public Task QueueGroupAsync(BenefitGroup group, CancellationToken ct, string suffix = "") =>
        QueueAsync(Group, group.Code, group.Version, AvisGroup.Of(Municipality, group), suffix, ct);

    /// <summary>Sends the relief's latest version again (a reconciliation found AVIS missing it or holding something else).</summary>
    public async Task<string> ResendReliefAsync(string code, CancellationToken ct)
    {
        var relief = await db.Reliefs.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct) ?? throw new KeyNotFoundException($"Atvieglojums \"{code}\" nav atrasts.");
        var version = await db.Versions.AsNoTracking().Where(v => v.ReliefId == relief.Id).OrderByDescending(v => v.Number).FirstAsync(ct);
        var sent = await db.AvisMessages.CountAsync(m => m.Kind == Relief && m.Code == code && m.Version == version.Number, ct);
        var suffix = $":resend-{sent}";
        await QueueReliefAsync(relief, version, ct, suffix);
        var key = KeyOf(Relief, code, version.Number) + suffix;
        await audit.AppendAsync("benefits.avis.resent", relief.Id.ToString(), new { code, version.Number, key }, ct);
        return key;
    }

    public string KeyOf(string kind, string code, int version) => $"benefits:{Municipality}:{kind}:{code}:v{version}";

    private async Task QueueAsync(string kind, string code, int version, object payload, string suffix, CancellationToken ct)
    {
        var key = KeyOf(kind, code, version) + suffix;
        if (await db.AvisMessages.AnyAsync(m => m.IdempotencyKey == key, ct)) return;
        db.AvisMessages.Add(new AvisMessage { Id = Guid.NewGuid(), Kind = kind, Code = code, Version = version, IdempotencyKey = key, QueuedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        await outbox.EnqueueAsync(AvisAdapter.AdapterName, key, payload, ct);
    }
}

/// <summary>The relief message of the AVIS contract (module README, "AVIS contract").</summary>
public sealed record AvisRelief(
    string Type, string Municipality, string Code, int Version, DateOnly ValidFrom, DateOnly? ValidTo, string Name, string Grantor, string Kind, string AppliesTo,
    decimal? Percent, decimal? Amount, decimal? Cap, string? CapPeriod, IReadOnlyList<string> Groups, string? LegalBasis, string? LegalBasisUrl, IReadOnlyList<string> IdentifiedBy)
{
    public static AvisRelief Of(string municipality, Relief relief, ReliefVersion v) => new(
        "relief", municipality, relief.Code, v.Number, v.ValidFrom, v.ValidTo, v.Name, v.Grantor, v.Kind.ToString(), v.AppliesTo.ToString(),
        v.Percent, v.Amount, v.Cap, v.CapPeriod?.ToString(), v.Groups, v.LegalBasis, v.LegalBasisUrl, v.IdentificationMeans);
}

/// <summary>The group message of the AVIS contract.</summary>
public sealed record AvisGroup(string Type, string Municipality, string Code, int Version, string Name, string? Description, JsonElement Rule)
{
    public static AvisGroup Of(string municipality, BenefitGroup g) =>
        new("group", municipality, g.Code, g.Version, g.Name, g.Description, JsonDocument.Parse(g.RuleJson).RootElement.Clone());
}
