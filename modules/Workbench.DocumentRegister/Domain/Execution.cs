namespace Workbench.DocumentRegister.Domain;

/// <summary>An execution-control task (izpildes uzdevums): who must do what by when, and when it was done.</summary>
public sealed class ExecutionTask
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public required string Executor { get; set; }
    public required string Instruction { get; set; }
    public DateOnly DueDate { get; set; }
    public required string AssignedBy { get; set; }
    public DateTime AssignedUtc { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Result { get; set; }
    public string? ResponsibleUnit { get; set; }

    public bool IsOverdue(DateOnly today) => CompletedOn is null && DueDate < today;
}

public enum ApprovalMode { Sequential, Parallel }

public enum ApprovalDecision { Pending, Approved, Rejected }

/// <summary>One approver's step in a document's approval route (saskaņošana).</summary>
public sealed class ApprovalStep
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    /// <summary>The route this step belongs to: a new route after a rejection starts afresh.</summary>
    public int Round { get; set; }
    public int Order { get; set; }
    public ApprovalMode Mode { get; set; }
    public required string Approver { get; set; }
    public ApprovalDecision Decision { get; set; }
    public string? Comment { get; set; }
    public DateTime? DecidedUtc { get; set; }
}
