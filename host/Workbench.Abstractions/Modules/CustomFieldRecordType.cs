namespace Workbench.Abstractions.Modules;

/// <summary>Registered by a module (as a singleton) to offer one of its record types to custom fields.</summary>
public sealed record CustomFieldRecordType(string Id, string FeatureId, string DisplayName);
