using System.Text.Json.Nodes;

namespace Workbench.Abstractions.CustomFields;

/// <summary>Model of the <c>_CustomFields</c> partial.</summary>
public sealed record CustomFieldsEditor(IReadOnlyList<CustomFieldDefinition> Definitions, JsonObject? Values, IReadOnlyDictionary<string, string>? Errors = null);
