namespace Workbench.Benefits.Domain;

/// <summary>Atvieglojuma veids: discount (atlaide), exemption (atbrīvojums), grant (pabalsts), compensation (kompensācija).</summary>
public enum ReliefKind { Discount, Exemption, Grant, Compensation }

/// <summary>What a relief applies to, as the public page groups them.</summary>
public enum ReliefScope { PublicTransport, SchoolMeals, Culture, Fees, Other }

public enum CapPeriod { Month, Year }

/// <summary>How a person proves entitlement to a provider.</summary>
public static class Identification
{
    public const string Card = "card";
    public const string Eid = "eid";
    public static readonly IReadOnlySet<string> All = new HashSet<string>([Card, Eid], StringComparer.Ordinal);
}

/// <summary>
/// A relief (atvieglojums) the municipality grants: its identity is the code; everything else is in its versions. A
/// relief in force is never edited: a new version takes over from a date, and the version before it ends the day before.
/// </summary>
public sealed class Relief
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>One version of a relief, valid from a date until the next version (or its own end).</summary>
public sealed class ReliefVersion
{
    public Guid Id { get; set; }
    public Guid ReliefId { get; set; }
    public int Number { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public required string Name { get; set; }
    /// <summary>The municipality or one of its institutions.</summary>
    public required string Grantor { get; set; }
    public ReliefKind Kind { get; set; }
    public ReliefScope AppliesTo { get; set; }
    public decimal? Percent { get; set; }
    public decimal? Amount { get; set; }
    /// <summary>The most the relief gives per <see cref="CapPeriod"/>, in euro.</summary>
    public decimal? Cap { get; set; }
    public CapPeriod? CapPeriod { get; set; }
    /// <summary>Codes of the benefit groups it serves, comma-separated.</summary>
    public required string GroupCodes { get; set; }
    public string? LegalBasis { get; set; }
    public string? LegalBasisUrl { get; set; }
    /// <summary><see cref="Identification"/> values, comma-separated.</summary>
    public required string IdentifiedBy { get; set; }
    public string? Description { get; set; }
    public string? ChangeNote { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }

    public IReadOnlyList<string> Groups => Split(GroupCodes);
    public IReadOnlyList<string> IdentificationMeans => Split(IdentifiedBy);

    public bool InForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
