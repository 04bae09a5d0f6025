namespace Workbench.Benefits.Domain;

/// <summary>
/// A benefit group (atvieglojumu grupa): large families, persons with disabilities, seniors, pupils, low-income
/// persons, residents. Membership is received from the state as status records; the group's <see cref="GroupRule"/>
/// says what else must hold on the day of a check. Every change raises <see cref="Version"/> (sent to AVIS).
/// </summary>
public sealed class BenefitGroup
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>The rule as JSON (<see cref="GroupRule"/>), kept as data.</summary>
    public required string RuleJson { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
