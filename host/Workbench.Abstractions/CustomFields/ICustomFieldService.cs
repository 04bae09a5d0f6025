using System.Text.Json.Nodes;

namespace Workbench.Abstractions.CustomFields;

/// <summary>
/// Low-code fields an administrator adds to a module's record type in one tenant. Modules store the values
/// as a JSON object beside their record, render them with the <c>_CustomFields</c> partial and return them in APIs.
/// </summary>
public interface ICustomFieldService
{
    Task<IReadOnlyList<CustomFieldDefinition>> GetDefinitionsAsync(string recordType, CancellationToken cancellationToken = default);

    /// <summary>Checks and normalises values against the definitions; unknown keys and wrong types are errors.</summary>
    Task<CustomFieldValidation> ValidateAsync(string recordType, JsonObject? values, CancellationToken cancellationToken = default);
}

public enum CustomFieldType { Text, Number, Date, Choice, YesNo }

public sealed record CustomFieldDefinition(
    string RecordType,
    string Key,
    string Label,
    CustomFieldType Type,
    bool Required,
    IReadOnlyList<string> Choices,
    int Order);

/// <param name="Errors">Keyed by field key; empty when valid.</param>
public sealed record CustomFieldValidation(JsonObject Values, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
