namespace Workbench.Benefits.Domain;

/// <summary>
/// "This person belongs to this group from–to", as the state's data exchange delivers it. The person is kept only as
/// an HMAC of the personal code (<see cref="PersonKeys"/>); the record is purged once it has been
/// expired for longer than the retention (<see cref="BenefitsSettings.RetentionDays"/>).
/// </summary>
public sealed class StatusRecord
{
    public Guid Id { get; set; }
    public required string PersonHash { get; set; }
    public Guid GroupId { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    /// <summary>Who said so (e.g. VDEĀVK, PMLP, a social service): what a group rule's <c>stateStatus</c> asks for.</summary>
    public required string Source { get; set; }
    /// <summary>The state's residence register says the person's declared residence is in the municipality.</summary>
    public bool DeclaredResidence { get; set; }
    /// <summary>Kept only when the group's rule has an age range and the code carries the date (old format).</summary>
    public DateOnly? BirthDate { get; set; }
    public DateTime ImportedUtc { get; set; }
}

/// <summary>A resident card (iedzīvotāja karte): the number is what providers see; the holder's code only as a hash.</summary>
public sealed class ResidentCard
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public required string PersonHash { get; set; }
    public required string HolderName { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public bool Blocked { get; set; }
    public string? BlockedReason { get; set; }
    /// <summary>The card this one replaced on reissue.</summary>
    public Guid? ReplacesId { get; set; }
    public DateTime IssuedUtc { get; set; }
}

/// <summary>The tenant's key for personal-code hashes and how long expired status records are kept.</summary>
public sealed class BenefitsSettings
{
    public int Id { get; set; }
    public required string PersonKey { get; set; }
    public int RetentionDays { get; set; } = 90;
}
