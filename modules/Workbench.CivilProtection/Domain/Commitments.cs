namespace Workbench.CivilProtection.Domain;

public enum CommitmentKind { Exercise, Event }

/// <summary>Resources committed to an exercise (mācības) or an actual event, until released.</summary>
public sealed class Commitment
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public CommitmentKind Kind { get; set; }
    public Guid? ScenarioId { get; set; }
    public DateTime StartedUtc { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTime? ReleasedUtc { get; set; }
    public string? ReleasedBy { get; set; }
}

public sealed class CommitmentItem
{
    public Guid CommitmentId { get; set; }
    public Guid ResourceId { get; set; }
}

public sealed record CommitmentInput(string? Name, CommitmentKind? Kind, Guid? ScenarioId, List<Guid>? Resources);
