namespace Workbench.ServiceCards.Domain;

/// <summary>One request of a service by a client (pakalpojuma gadījums), with its status history.</summary>
public sealed class ServiceCase
{
    public Guid Id { get; set; }
    public Guid CardId { get; set; }
    public CaseChannel Channel { get; set; }
    /// <summary>The client's reference (e.g. application number); never a personal code.</summary>
    public required string ClientReference { get; set; }
    public DateOnly PlannedCompletion { get; set; }
    public CaseStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
}

public sealed class ServiceCaseEvent
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int Sequence { get; set; }
    public CaseStatus Status { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
}

/// <summary>Where the request came in: klātienē, VPVKAC, tālrunis, latvija.gov.lv, e-pasts, pašvaldības e-pakalpojums.</summary>
public enum CaseChannel { InPerson, Vpvkac, Phone, LatvijaGovLv, Email, EService }

public enum CaseStatus { Submitted, InProgress, Completed, Refused }
