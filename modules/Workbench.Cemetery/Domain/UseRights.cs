namespace Workbench.Cemetery.Domain;

public enum HolderKind { Person, Organisation }

/// <summary>Active; renewed (a later period continues it); transferred (another holder continues it); ended; withdrawn (neglect).</summary>
public enum UseRightState { Active, Renewed, Transferred, Ended, Withdrawn }

/// <summary>
/// A use right of a grave site (kapavietas uzturēšanas tiesības) for one holder and one period. A renewal or a transfer
/// closes this one and starts the next (<see cref="PreviousId"/>), so the history stays. <see cref="HolderCode"/>
/// (personal or registration code) is restricted data.
/// </summary>
public sealed class UseRight
{
    public Guid Id { get; set; }
    public Guid SiteId { get; set; }
    public HolderKind HolderKind { get; set; }
    public string HolderName { get; set; } = "";
    public string? HolderCode { get; set; }
    public string? HolderEmail { get; set; }
    public string? HolderPhone { get; set; }
    public string? HolderAddress { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public UseRightState State { get; set; }
    public Guid? PreviousId { get; set; }
    public string? ContractNumber { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A fee of a use right (rent, maintenance) and whether it is paid.</summary>
public sealed class UseRightFee
{
    public Guid Id { get; set; }
    public Guid UseRightId { get; set; }
    public string Description { get; set; } = "";
    public decimal Amount { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly? PaidOn { get; set; }

    public FeeStatus StatusOn(DateOnly today) => PaidOn is not null ? FeeStatus.Paid : DueDate < today ? FeeStatus.Overdue : FeeStatus.Due;
}

public enum FeeStatus { Due, Paid, Overdue }
