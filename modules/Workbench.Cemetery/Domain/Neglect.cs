namespace Workbench.Cemetery.Domain;

/// <summary>The neglect procedure (nekopta kapavieta): inspection → warning letter → act after the waiting period → withdrawal of the use right.</summary>
public enum NeglectStepKind { Inspection, Warning, Act, Withdrawal }

/// <summary>One dated step of the procedure, by whom; a warning letter and an act may carry their registration in the document register.</summary>
public sealed class NeglectStep
{
    public Guid Id { get; set; }
    public Guid SiteId { get; set; }
    public NeglectStepKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string By { get; set; } = "";
    public string? Note { get; set; }
    public string? PhotoSha256 { get; set; }
    public Guid? DocumentId { get; set; }
    public string? RegistrationNumber { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public sealed record NeglectStepInput(NeglectStepKind Kind, DateOnly? Date = null, string? Note = null);
