using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Benefits.Data;

namespace Workbench.Benefits.Domain;

/// <summary>A provider's question: is the person (by card number or personal code) entitled to the relief on the date.</summary>
public sealed record EligibilityQuestion(Provider Provider, Relief Relief, string? CardNumber, string? PersonalCode, DateOnly Date);

/// <param name="Reason">One of <see cref="EligibilityReasons"/>.</param>
/// <param name="ValidUntil">When eligible: the last day the answer holds (the status, the relief version, the rule and the card all still valid).</param>
public sealed record EligibilityAnswer(bool Eligible, Guid ReliefId, string? Group, DateOnly? ValidUntil, string Reason);

/// <summary>The documented reason codes of the eligibility answer (module README).</summary>
public static class EligibilityReasons
{
    public const string Eligible = "eligible";
    public const string ReliefNotInForce = "relief_not_in_force";
    public const string IdentificationNotAccepted = "identification_not_accepted";
    public const string CardUnknown = "card_unknown";
    public const string CardBlocked = "card_blocked";
    public const string CardExpired = "card_expired";
    public const string NoStatus = "no_status";
    public const string StatusNotValidOnDate = "status_not_valid_on_date";
    public const string RuleNotInForce = "rule_not_in_force";
    public const string AgeOutOfRange = "age_out_of_range";
    public const string NoDeclaredResidence = "no_declared_residence";
    public const string StateStatusMissing = "state_status_missing";
}

/// <summary>
/// Answers eligibility from the status records received from the state and the group rules; every answer is audited
/// (provider, relief, the person as the tenant's HMAC, answer) and counted per provider, relief and month.
/// </summary>
public sealed class EligibilityService(BenefitsDbContext db, PersonKeys keys, IAuditLog audit)
{
    public async Task<EligibilityAnswer> CheckAsync(EligibilityQuestion q, CancellationToken ct)
    {
        string? personHash = null;
        var answer = await DecideAsync(q, hash => personHash = hash, ct);
        await audit.AppendAsync("benefits.eligibility.checked", q.Provider.Id.ToString(), new
        {
            provider = q.Provider.Name, relief = q.Relief.Code, person = personHash, card = q.CardNumber, date = q.Date, answer.Eligible, answer.Reason, answer.Group,
        }, ct);
        await CountAsync(q.Provider.Id, q.Relief.Id, q.Date, answer.Eligible, ct);
        return answer;
    }

    private async Task<EligibilityAnswer> DecideAsync(EligibilityQuestion q, Action<string> person, CancellationToken ct)
    {
        EligibilityAnswer No(string reason) => new(false, q.Relief.Id, null, null, reason);
        var versions = await db.Versions.AsNoTracking().Where(v => v.ReliefId == q.Relief.Id).ToListAsync(ct);
        var version = versions.Where(v => v.InForceOn(q.Date)).MaxBy(v => v.Number);
        string hash;
        ResidentCard? card = null;
        if (q.CardNumber is { } number)
        {
            card = await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, ct);
            if (card is null) return No(EligibilityReasons.CardUnknown);
            hash = card.PersonHash;
        }
        else hash = await keys.HashAsync(q.PersonalCode!, ct);
        person(hash);
        if (version is null) return No(EligibilityReasons.ReliefNotInForce);
        if (!version.IdentificationMeans.Contains(card is null ? Identification.Eid : Identification.Card)) return No(EligibilityReasons.IdentificationNotAccepted);
        if (card is { Blocked: true }) return No(EligibilityReasons.CardBlocked);
        if (card is not null && (q.Date < card.ValidFrom || card.ValidTo < q.Date)) return No(EligibilityReasons.CardExpired);
        DateOnly? cardUntil = card?.ValidTo;

        var codes = version.Groups.ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => codes.Contains(g.Code)).ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var records = await db.StatusRecords.AsNoTracking().Where(s => s.PersonHash == hash && groupIds.Contains(s.GroupId)).ToListAsync(ct);
        if (records.Count == 0) return No(EligibilityReasons.NoStatus);
        var current = records.Where(s => s.ValidFrom <= q.Date && q.Date <= s.ValidTo).ToList();
        if (current.Count == 0) return No(EligibilityReasons.StatusNotValidOnDate);

        string? refusal = null;
        EligibilityAnswer? best = null;
        foreach (var record in current)
        {
            var group = groups.Single(g => g.Id == record.GroupId);
            var rule = GroupRule.FromJson(group.RuleJson);
            if (Refusal(rule, record, q.Date) is { } reason) { refusal ??= reason; continue; }
            var until = new[] { record.ValidTo, version.ValidTo, rule.ValidTo, cardUntil }.Where(d => d is not null).Min();
            if (best is null || until > best.ValidUntil) best = new(true, q.Relief.Id, group.Code, until, EligibilityReasons.Eligible);
        }
        return best ?? No(refusal!);
    }

    /// <summary>
    /// Why the rule refuses the record on the day, or null. The age is checked where the code carried the birth date
    /// (old format); for a new-format code the state's status record is what says the person belongs to the group.
    /// </summary>
    private static string? Refusal(GroupRule rule, StatusRecord record, DateOnly day)
    {
        if (rule.ValidFrom > day || rule.ValidTo < day) return EligibilityReasons.RuleNotInForce;
        if (rule.HasAgeRange && record.BirthDate is { } birth && GroupRule.AgeOn(birth, day) is var age && (age < rule.MinAge || age > rule.MaxAge))
            return EligibilityReasons.AgeOutOfRange;
        if (rule.DeclaredResidence && !record.DeclaredResidence) return EligibilityReasons.NoDeclaredResidence;
        if (rule.StateStatus is { } status && !string.Equals(status, record.Source, StringComparison.OrdinalIgnoreCase)) return EligibilityReasons.StateStatusMissing;
        return null;
    }

    /// <summary>One more check in the month's tally: a single upsert, so concurrent checks never lose a count.</summary>
    private Task CountAsync(Guid provider, Guid relief, DateOnly date, bool eligible, CancellationToken ct)
    {
        var month = date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var (yes, no) = eligible ? (1, 0) : (0, 1);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Benefits_CheckTallies" ("ProviderId", "ReliefId", "Month", "Eligible", "NotEligible") VALUES ({provider}, {relief}, {month}, {yes}, {no})
            ON CONFLICT ("ProviderId", "ReliefId", "Month") DO UPDATE SET "Eligible" = "Benefits_CheckTallies"."Eligible" + {yes}, "NotEligible" = "Benefits_CheckTallies"."NotEligible" + {no}
            """, ct);
    }

    /// <summary>Checks per provider, relief and month (the KPI table), newest month first.</summary>
    public async Task<List<(string Month, Provider Provider, string Relief, int Eligible, int NotEligible)>> TalliesAsync(CancellationToken ct)
    {
        var rows = await (from t in db.Tallies.AsNoTracking()
                          join p in db.Providers.AsNoTracking() on t.ProviderId equals p.Id
                          join r in db.Reliefs.AsNoTracking() on t.ReliefId equals r.Id
                          select new { t.Month, p, r.Code, t.Eligible, t.NotEligible }).ToListAsync(ct);
        return rows.OrderByDescending(x => x.Month).ThenBy(x => x.p.Name).ThenBy(x => x.Code).Select(x => (x.Month, x.p, x.Code, x.Eligible, x.NotEligible)).ToList();
    }
}
