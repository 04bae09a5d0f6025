namespace Workbench.CivilProtection.Domain;

public enum Availability { Available, Committed, OutOfService }

public enum OwnerKind { MunicipalUnit, Company, VolunteerGroup, StateInstitution }

/// <summary>Something the municipality can call on in a crisis: so many units of one type, held by an owner.</summary>
public sealed class Resource
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid TypeId { get; set; }
    public int Quantity { get; set; }
    public OwnerKind OwnerKind { get; set; }
    public string Owner { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string? ContactPhone { get; set; }
    /// <summary>The contact person, reminded in the workplace when a check falls due.</summary>
    public string? ContactEmail { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public Availability Availability { get; set; }
    public DateOnly? LastChecked { get; set; }
    public int CheckIntervalDays { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the next check is due (last check + interval; null when never checked, which is due now). Stored, so
    /// readiness and reminders find due checks with an indexed comparison.</summary>
    public DateOnly? NextCheck { get; private set; }

    public void SetCheck(DateOnly? lastChecked, int intervalDays) =>
        (LastChecked, CheckIntervalDays, NextCheck) = (lastChecked, intervalDays, lastChecked?.AddDays(intervalDays));

    public bool CheckOverdue(DateOnly today) => NextCheck is not { } next || next < today;
}

/// <summary>One change of a resource's availability: when, by whom, why (and through which commitment).</summary>
public sealed class AvailabilityChange
{
    public Guid Id { get; set; }
    public Guid ResourceId { get; set; }
    public Availability? From { get; set; }
    public Availability To { get; set; }
    public DateTime ChangedUtc { get; set; }
    public string ChangedBy { get; set; } = "";
    public string? Reason { get; set; }
    public Guid? CommitmentId { get; set; }
}

/// <param name="Type">The code of a type of the scheme.</param>
/// <param name="ConfirmOutsideLatvia">Coordinates outside Latvia are kept only when the caller confirms them.</param>
public sealed record ResourceInput(
    string? Name, string? Type, int? Quantity, OwnerKind? OwnerKind, string? Owner, string? ContactName, string? ContactPhone, string? ContactEmail,
    string? Address, double? Latitude, double? Longitude, Availability? Availability, DateOnly? LastChecked, int? CheckIntervalDays,
    bool ConfirmOutsideLatvia = false);

public sealed record AvailabilityInput(Availability? Availability, string? Reason);

public sealed record CheckInput(DateOnly? Checked);
