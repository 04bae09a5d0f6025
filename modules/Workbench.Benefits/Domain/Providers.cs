namespace Workbench.Benefits.Domain;

/// <summary>
/// A relief provider (atvieglojuma piemērotājs: a carrier, school, museum, ticket system) under a contract naming the
/// reliefs it applies. Its machine client (client credentials at the competence centre's provider) is how it signs in
/// to the eligibility API.
/// </summary>
public sealed class Provider
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string ClientId { get; set; }
    public string? ContractNumber { get; set; }
    public DateOnly ContractFrom { get; set; }
    public DateOnly? ContractTo { get; set; }
    /// <summary>Codes of the reliefs the contract covers, comma-separated.</summary>
    public required string ReliefCodes { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public IReadOnlyList<string> Reliefs => ReliefCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool CoversOn(string reliefCode, DateOnly day) =>
        Reliefs.Contains(reliefCode, StringComparer.Ordinal) && ContractFrom <= day && (ContractTo is null || day <= ContractTo);
}

/// <summary>Eligibility checks of one provider about one relief in one month (the KPI table).</summary>
public sealed class CheckTally
{
    public Guid ProviderId { get; set; }
    public Guid ReliefId { get; set; }
    /// <summary>yyyy-MM.</summary>
    public required string Month { get; set; }
    public int Eligible { get; set; }
    public int NotEligible { get; set; }
}

/// <summary>One relief or group version sent to AVIS, and AVIS's answer.</summary>
public sealed class AvisMessage
{
    public Guid Id { get; set; }
    /// <summary><c>relief</c> or <c>group</c>.</summary>
    public required string Kind { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTime QueuedUtc { get; set; }
    public string? AvisId { get; set; }
    public DateTime? AcknowledgedUtc { get; set; }
}

/// <summary>One comparison of what AVIS holds with the local catalogue (nightly or "run now").</summary>
public sealed class Reconciliation
{
    public Guid Id { get; set; }
    public DateTime RunUtc { get; set; }
    public required string RunBy { get; set; }
    /// <summary>The report (<c>ReconciliationReport</c>) as JSON; null when AVIS could not be read.</summary>
    public string? ReportJson { get; set; }
    public string? Error { get; set; }
}
