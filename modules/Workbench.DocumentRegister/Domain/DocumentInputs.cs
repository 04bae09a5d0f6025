using System.Text.Json.Nodes;

namespace Workbench.DocumentRegister.Domain;

/// <summary>What the API, the recipe step and the pages accept (JSON, camelCase).</summary>
public sealed record RegisterInput(
    string? Code, string? Name, string? Kind, Direction Direction = Direction.Incoming, string? Prefix = null, string? Pattern = null,
    bool RestartsYearly = false, IReadOnlyList<string>? RequiredFields = null, Guid? InboxCaseFileId = null);

public sealed record CaseFileInput(string? Index, string? Title, int? RetentionYears, string? ResponsibleUnit);

public sealed record LinkInput(Guid DocumentId, LinkKind Kind = LinkKind.Related);

public sealed record DocumentInput(
    Guid RegisterId, Guid CaseFileId, string? Title, string? Summary = null, string? Author = null, string? Correspondent = null,
    DateOnly? DocumentDate = null, string? Executor = null, DateOnly? DueDate = null, bool Restricted = false,
    IReadOnlyList<string>? AccessList = null, IReadOnlyList<LinkInput>? Links = null, IReadOnlyList<string>? ServiceCases = null,
    JsonObject? CustomFields = null);

/// <summary>A document as the API returns it: everything create accepts, plus what registration gave it.</summary>
public sealed record DocumentView(
    Guid Id, string RegistrationNumber, DateTime RegisteredUtc, string RegisteredBy, Direction Direction, string Kind, DocumentStatus Status, int Version,
    Guid RegisterId, Guid CaseFileId, string Title, string? Summary, string? Author, string? Correspondent, DateOnly? DocumentDate,
    string? Executor, DateOnly? DueDate, bool Restricted, IReadOnlyList<string> AccessList, IReadOnlyList<LinkInput> Links,
    IReadOnlyList<string> ServiceCases, JsonObject CustomFields);

public sealed record TaskInput(string? Executor, string? Instruction, DateOnly? DueDate, string? ResponsibleUnit = null);

public sealed record ApprovalInput(ApprovalMode Mode, IReadOnlyList<string>? Approvers);
