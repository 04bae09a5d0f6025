namespace Workbench.CouncilSessions.Domain;

/// <summary>Dome (council), komiteja (committee) or komisija (commission).</summary>
public enum BodyKind { Council, Committee, Commission }

/// <summary>How a motion passes.</summary>
public enum DecisionRule
{
    /// <summary>More "for" votes than half of the members with voting right present (the default).</summary>
    MajorityOfPresent,
    /// <summary>More "for" votes than half of all members with voting right (e.g. electing the chair).</summary>
    MajorityOfMembers,
}

public sealed class Body
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public BodyKind Kind { get; set; }
    public DecisionRule Rule { get; set; }
    /// <summary>How the body's meetings usually are; applied when one is planned without these details.</summary>
    public MeetingTemplate? Template { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>
/// A body's meeting template (sēžu veidne): the usual place, starting time (UTC) and remote link, and the standing items
/// every meeting's agenda opens with (e.g. "Darba kārtības apstiprināšana").
/// </summary>
public sealed record MeetingTemplate(string? Place = null, TimeOnly? StartTime = null, string? RemoteLink = null, IReadOnlyList<string>? StandingItems = null);

/// <summary>A member or guest of the bodies: not necessarily a staff account.</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    /// <summary>Party or list (partija, saraksts), shown with their votes.</summary>
    public string? Affiliation { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>priekšsēdētājs, priekšsēdētāja vietnieks, loceklis, sekretārs.</summary>
public enum MemberRole { Chair, DeputyChair, Member, Secretary }

/// <summary>A person's seat in a body over a period (end exclusive; none = still sitting).</summary>
public sealed class Membership
{
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    public Guid PersonId { get; set; }
    public MemberRole Role { get; set; }
    public bool VotingRight { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public bool IsActiveOn(DateOnly day) => Start <= day && (End is null || day < End);
}
