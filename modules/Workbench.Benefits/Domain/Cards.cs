using Workbench.Abstractions.Data;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions;
using Workbench.Abstractions.Validation;
using Workbench.Benefits.Data;

namespace Workbench.Benefits.Domain;

/// <summary>Resident cards: issued to a person (kept as the code's hash and a name), blocked, reissued under a new number.</summary>
public sealed partial class Cards(BenefitsDbContext db, AuditedWriter<BenefitsDbContext> writer, PersonKeys keys)
{
    [GeneratedRegex("^[A-Z0-9]{6,24}$")]
    private static partial Regex NumberPattern();

    public static ValidationErrors Check(CardInput input)
    {
        var errors = new ValidationErrors();
        errors.When(input.Number is null || !NumberPattern().IsMatch(input.Number), "number", "Kartes numuram jābūt 6–24 lielajiem latīņu burtiem vai cipariem.");
        if (PersonalCodes.Check(input.PersonalCode, out _, out _) is { } wrong) errors.Add("personalCode", wrong);
        errors.When(string.IsNullOrWhiteSpace(input.HolderName), "holderName", "Kartes turētāja vārds ir obligāts.");
        errors.When(input.ValidFrom is null || input.ValidTo is null, "validTo", "Jānorāda kartes derīguma sākums un beigas.");
        errors.When(input.ValidFrom is { } from && input.ValidTo is { } to && to < from, "validTo", "Beigu datums ir pirms sākuma datuma.");
        return errors;
    }

    public Task<ResidentCard?> FindAsync(Guid id, CancellationToken ct) => db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    public Task<ResidentCard?> FindAsync(string number, CancellationToken ct) => db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, ct);

    public Task<List<ResidentCard>> OfPersonAsync(string personHash, CancellationToken ct) =>
        db.Cards.AsNoTracking().Where(c => c.PersonHash == personHash).OrderBy(c => c.IssuedUtc).ToListAsync(ct);

    public Task<List<ResidentCard>> ListAsync(int take, CancellationToken ct) => db.Cards.AsNoTracking().OrderByDescending(c => c.IssuedUtc).Take(take).ToListAsync(ct);

    public Task<ResidentCard> IssueAsync(CardInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        PersonalCodes.Check(input.PersonalCode, out var code, out _);
        var card = new ResidentCard
        {
            Id = Guid.NewGuid(), Number = input.Number!, PersonHash = await keys.HashAsync(code, ct), HolderName = input.HolderName!.Trim(),
            ValidFrom = input.ValidFrom!.Value, ValidTo = input.ValidTo!.Value, IssuedUtc = DateTime.UtcNow,
        };
        db.Cards.Add(card);
        await writer.SaveAsync("benefits.card.issued", card.Id.ToString(), new { card.Number, card.ValidTo }, ct, $"Karte ar numuru {card.Number} jau ir.");
        return card;
    }, ct);

    public Task<ResidentCard> BlockAsync(Guid id, string? reason, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var card = await db.Cards.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException("Karte nav atrasta.");
        if (card.Blocked) throw new ConflictException($"Karte {card.Number} jau ir bloķēta.");
        (card.Blocked, card.BlockedReason) = (true, string.IsNullOrWhiteSpace(reason) ? "Bloķēta" : reason.Trim());
        await writer.SaveAsync("benefits.card.blocked", card.Id.ToString(), new { card.Number, card.BlockedReason }, ct);
        return card;
    }, ct);

    /// <summary>A new card for the same holder; the old one is blocked as replaced.</summary>
    public Task<ResidentCard> ReissueAsync(Guid id, ReissueInput input, DateOnly today, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var old = await db.Cards.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException("Karte nav atrasta.");
        if (input.Number is null || !NumberPattern().IsMatch(input.Number)) throw new ArgumentException("Kartes numuram jābūt 6–24 lielajiem latīņu burtiem vai cipariem.");
        var validTo = input.ValidTo ?? old.ValidTo;
        if (validTo < today) throw new ArgumentException("Jaunās kartes derīgumam jābeidzas ne agrāk kā šodien.");
        if (!old.Blocked) (old.Blocked, old.BlockedReason) = (true, $"Aizstāta ar karti {input.Number}");
        var card = new ResidentCard
        {
            Id = Guid.NewGuid(), Number = input.Number, PersonHash = old.PersonHash, HolderName = old.HolderName, ValidFrom = today, ValidTo = validTo,
            ReplacesId = old.Id, IssuedUtc = DateTime.UtcNow,
        };
        db.Cards.Add(card);
        await writer.SaveAsync("benefits.card.reissued", card.Id.ToString(), new { card.Number, replaces = old.Number }, ct, $"Karte ar numuru {card.Number} jau ir.");
        return card;
    }, ct);
}
