using Workbench.Abstractions.Data;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions;
using Workbench.Abstractions.Tenants;
using Workbench.Cemetery.Data;

namespace Workbench.Cemetery.Domain;

/// <summary>
/// Use rights of grave sites: one holder per site at a time; renewals and transfers close the current period and open
/// the next, so the history stays; fees with their payment status.
/// </summary>
public sealed class UseRightService(CemeteryDbContext db, AuditedWriter<CemeteryDbContext> writer, ITenantContext tenant, TimeProvider clock)
{
    public DateOnly Today => tenant.Current?.Settings.Today() ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static bool IsCurrent(UseRightState state) => state == UseRightState.Active;

    public Task<UseRight> CreateAsync(UseRightInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == input.SiteId, ct) ?? throw new KeyNotFoundException("Nav tādas kapavietas.");
        var (start, end) = (input.Start!.Value, input.End!.Value);
        var overlapping = await db.UseRights.AsNoTracking()
            .Where(u => u.SiteId == site.Id && u.State == UseRightState.Active && u.Start <= end && u.End >= start).FirstOrDefaultAsync(ct);
        if (overlapping is not null)
            throw new ConflictException($"Kapavietai {site.Number} jau ir turētājs {overlapping.HolderName} līdz {overlapping.End:dd.MM.yyyy}; pagariniet vai nododiet tiesības.");
        var right = New(site.Id, input.HolderKind, input.HolderName, input.HolderCode, input.HolderEmail, input.HolderPhone, input.HolderAddress, start, end, input.ContractNumber, null);
        db.UseRights.Add(right);
        AddFees(right.Id, input.Fees);
        if (site.State == SiteState.Free) site.State = SiteState.Reserved;
        await writer.SaveAsync("cemetery.use-right.granted", right.Id.ToString(), new { site = site.Number, start, end }, ct);
        return right;
    }, ct);

    private UseRight New(Guid siteId, HolderKind kind, string? name, string? code, string? email, string? phone, string? address, DateOnly start, DateOnly end, string? contract, Guid? previous) => new()
    {
        Id = Guid.NewGuid(), SiteId = siteId, HolderKind = kind, HolderName = name!.Trim(),
        HolderCode = string.IsNullOrWhiteSpace(code) ? null : kind == HolderKind.Person ? CemeteryValidation.NormalizeCode(code) : code.Trim(),
        HolderEmail = email?.Trim(), HolderPhone = phone?.Trim(), HolderAddress = address?.Trim(), Start = start, End = end, State = UseRightState.Active,
        ContractNumber = contract?.Trim(), PreviousId = previous, CreatedUtc = clock.GetUtcNow().UtcDateTime,
    };

    private void AddFees(Guid useRightId, List<FeeInput>? fees)
    {
        foreach (var fee in fees ?? [])
            db.Fees.Add(new UseRightFee { Id = Guid.NewGuid(), UseRightId = useRightId, Description = fee.Description!.Trim(), Amount = fee.Amount, DueDate = fee.DueDate!.Value, PaidOn = fee.PaidOn });
    }

    private async Task<UseRight> CurrentAsync(Guid id, CancellationToken ct)
    {
        var right = await db.UseRights.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new KeyNotFoundException("Nav tādu uzturēšanas tiesību.");
        if (!IsCurrent(right.State))
            throw new ConflictException($"Šīs tiesības vairs nav spēkā ({Labels.Of(right.State)}); rīkojieties ar pašreizējām.");
        return right;
    }

    public Task<UseRight> RenewAsync(Guid id, RenewalInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var current = await CurrentAsync(id, ct);
        if (input.End is not { } end || end <= current.End)
            throw new ArgumentException($"Jaunajām beigām jābūt pēc {current.End:dd.MM.yyyy}.");
        if (CemeteryValidation.FeesProblem(input.Fees) is { } problem) throw new ArgumentException(problem);
        current.State = UseRightState.Renewed;
        var next = New(current.SiteId, current.HolderKind, current.HolderName, current.HolderCode, current.HolderEmail, current.HolderPhone, current.HolderAddress,
            current.End.AddDays(1), end, input.ContractNumber ?? current.ContractNumber, current.Id);
        db.UseRights.Add(next);
        AddFees(next.Id, input.Fees);
        await writer.SaveAsync("cemetery.use-right.renewed", next.Id.ToString(), new { previous = current.Id, next.Start, next.End }, ct);
        return next;
    }, ct);

    public Task<UseRight> TransferAsync(Guid id, TransferInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var current = await CurrentAsync(id, ct);
        var on = input.On!.Value;
        if (on <= current.Start || on > current.End)
            throw new ArgumentException($"Nodošanas datumam jābūt starp {current.Start.AddDays(1):dd.MM.yyyy} un {current.End:dd.MM.yyyy}.");
        (current.State, var end) = (UseRightState.Transferred, current.End);
        current.End = on.AddDays(-1);
        var next = New(current.SiteId, input.HolderKind, input.HolderName, input.HolderCode, input.HolderEmail, input.HolderPhone, input.HolderAddress, on, end, input.ContractNumber, current.Id);
        db.UseRights.Add(next);
        // Unpaid fees follow the site to the new holder.
        foreach (var fee in await db.Fees.Where(f => f.UseRightId == current.Id && f.PaidOn == null).ToListAsync(ct)) fee.UseRightId = next.Id;
        await writer.SaveAsync("cemetery.use-right.transferred", next.Id.ToString(), new { previous = current.Id, on }, ct);
        return next;
    }, ct);

    public Task<UseRightFee> AddFeeAsync(Guid id, FeeInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        if (CemeteryValidation.FeesProblem([input]) is { } problem) throw new ArgumentException(problem);
        var right = await CurrentAsync(id, ct);
        var fee = new UseRightFee { Id = Guid.NewGuid(), UseRightId = right.Id, Description = input.Description!.Trim(), Amount = input.Amount, DueDate = input.DueDate!.Value };
        db.Fees.Add(fee);
        await writer.SaveAsync("cemetery.fee.added", fee.Id.ToString(), new { useRight = id, fee.Amount, fee.DueDate }, ct);
        return fee;
    }, ct);

    public Task<UseRightFee> PayAsync(Guid feeId, PaymentInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var fee = await db.Fees.SingleOrDefaultAsync(f => f.Id == feeId, ct) ?? throw new KeyNotFoundException("Nav tāda maksājuma.");
        if (fee.PaidOn is not null) throw new ConflictException($"Maksājums jau samaksāts {fee.PaidOn:dd.MM.yyyy}.");
        var paid = input.PaidOn ?? Today;
        if (paid > Today) throw new ArgumentException("Samaksas datums nevar būt nākotnē.");
        fee.PaidOn = paid;
        await writer.SaveAsync("cemetery.fee.paid", fee.Id.ToString(), new { paid }, ct);
        return fee;
    }, ct);

    public Task<UseRight?> FindAsync(Guid id, CancellationToken ct) => db.UseRights.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);

    public Task<List<UseRightFee>> FeesAsync(IReadOnlyCollection<Guid> useRightIds, CancellationToken ct) =>
        db.Fees.AsNoTracking().Where(f => useRightIds.Contains(f.UseRightId)).OrderBy(f => f.DueDate).ToListAsync(ct);

    /// <summary>Use rights, optionally of one site, or current ones ending within <paramref name="expiringWithinDays"/> days.</summary>
    public Task<List<UseRight>> ListAsync(Guid? siteId, int? expiringWithinDays, CancellationToken ct)
    {
        var query = db.UseRights.AsNoTracking();
        if (siteId is { } s) query = query.Where(u => u.SiteId == s);
        if (expiringWithinDays is { } days)
        {
            var (today, until) = (Today, Today.AddDays(days));
            query = query.Where(u => u.State == UseRightState.Active && u.End >= today && u.End <= until);
        }
        return query.OrderBy(u => u.End).Take(2000).ToListAsync(ct);
    }
}
