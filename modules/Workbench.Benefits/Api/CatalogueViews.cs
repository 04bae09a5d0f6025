using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Api;

/// <summary>A relief with the version in force on the day asked about (null when none is) and its whole history.</summary>
public sealed record ReliefView(Guid Id, string Code, ReliefVersionView? InForce, IReadOnlyList<ReliefVersionView> Versions)
{
    public static ReliefView Of(Relief relief, IEnumerable<ReliefVersion> versions, DateOnly on)
    {
        var all = versions.OrderBy(v => v.Number).Select(ReliefVersionView.Of).ToList();
        return new(relief.Id, relief.Code, all.LastOrDefault(v => v.ValidFrom <= on && (v.ValidTo is null || on <= v.ValidTo)), all);
    }
}

/// <summary>One version: what the relief gives, to whom, on what basis, from when; who made it and why.</summary>
public sealed record ReliefVersionView(
    int Number, DateOnly ValidFrom, DateOnly? ValidTo, string Name, string Grantor, ReliefKind Kind, ReliefScope AppliesTo, decimal? Percent, decimal? Amount,
    decimal? Cap, CapPeriod? CapPeriod, IReadOnlyList<string> Groups, string? LegalBasis, string? LegalBasisUrl, IReadOnlyList<string> IdentifiedBy,
    string? Description, string? ChangeNote, string CreatedBy, DateTime CreatedUtc)
{
    public static ReliefVersionView Of(ReliefVersion v) => new(
        v.Number, v.ValidFrom, v.ValidTo, v.Name, v.Grantor, v.Kind, v.AppliesTo, v.Percent, v.Amount, v.Cap, v.CapPeriod, v.Groups, v.LegalBasis, v.LegalBasisUrl,
        v.IdentificationMeans, v.Description, v.ChangeNote, v.CreatedBy, v.CreatedUtc);
}

public sealed record GroupView(Guid Id, string Code, string Name, string? Description, GroupRule Rule, int Version, DateTime UpdatedUtc)
{
    public static GroupView Of(BenefitGroup g) => new(g.Id, g.Code, g.Name, g.Description, GroupRule.FromJson(g.RuleJson), g.Version, g.UpdatedUtc);
}
