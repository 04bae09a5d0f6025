namespace Workbench.Benefits.Domain;

/// <summary>One status record as the state's data exchange delivers it.</summary>
public sealed record StatusRecordInput(string? PersonalCode, string? Group, DateOnly? ValidFrom, DateOnly? ValidTo, string? Source, bool DeclaredResidence = false);

public sealed record StatusImportInput(List<StatusRecordInput?>? Records);

public sealed record CardInput(string? Number, string? PersonalCode, string? HolderName, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record BlockInput(string? Reason);

public sealed record ReissueInput(string? Number, DateOnly? ValidTo);
