using System.Text.Json.Nodes;

namespace Workbench.DocumentRegister.Domain;

/// <summary>reģistrēts → izpildē → slēgts.</summary>
public enum DocumentStatus { Registered, InProgress, Closed }

/// <summary>
/// A registered document (dokuments). Its number, register and registration time never change; every other field
/// changes only by a correction, which keeps the earlier state as a version (<see cref="DocumentVersion"/>).
/// </summary>
public sealed class Document
{
    public Guid Id { get; set; }
    public Guid RegisterId { get; set; }
    public Guid CaseFileId { get; set; }
    public required string RegistrationNumber { get; set; }
    public long Sequence { get; set; }
    public DateTime RegisteredUtc { get; set; }
    public required string RegisteredBy { get; set; }
    public Direction Direction { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string? Author { get; set; }
    public string? Correspondent { get; set; }
    public DateOnly? DocumentDate { get; set; }
    /// <summary>The person responsible for acting on it (izpildītājs), by e-mail address.</summary>
    public string? Executor { get; set; }
    public DateOnly? DueDate { get; set; }
    public bool Restricted { get; set; }
    public DocumentStatus Status { get; set; }
    /// <summary>Service cases of the service-cards module it belongs to (their ids), checked through the search index.</summary>
    public List<string> ServiceCases { get; set; } = [];
    public JsonObject CustomFields { get; set; } = [];
    public int Version { get; set; } = 1;
    /// <summary>For an item received electronically: its channel and message id ("depp:…", "div:…"), so a repeat is recognised.</summary>
    public string? ExternalId { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>Who may read a restricted document, by e-mail address (lowercase).</summary>
public sealed class DocumentAccess
{
    public Guid DocumentId { get; set; }
    public required string Email { get; set; }
}

/// <summary>atbilde uz (reply to) or saistīts (related).</summary>
public enum LinkKind { ReplyTo, Related }

public sealed class DocumentLink
{
    public Guid DocumentId { get; set; }
    public Guid TargetId { get; set; }
    public LinkKind Kind { get; set; }
}

/// <summary>A document as it was before a correction: the whole record as JSON, who changed it, when and why.</summary>
public sealed class DocumentVersion
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public int Version { get; set; }
    public required string Snapshot { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedUtc { get; set; }
    public required string Reason { get; set; }
}

/// <summary>datne (file) or parakstīts konteiners (.edoc).</summary>
public enum AttachmentKind { File, SignedContainer }

public sealed class Attachment
{
    /// <summary>The largest file a document takes (within Kestrel's 30 MB request limit).</summary>
    public const long MaxBytes = 25 * 1024 * 1024;

    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required string Hash { get; set; }
    public long Size { get; set; }
    public AttachmentKind Kind { get; set; }
    /// <summary>For a signed container: who signed, as the container says (not a legal validation).</summary>
    public string? Signers { get; set; }
    public required string AddedBy { get; set; }
    public DateTime AddedUtc { get; set; }
}
