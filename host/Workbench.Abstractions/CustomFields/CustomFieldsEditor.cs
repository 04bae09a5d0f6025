using System.Text.Json.Nodes;

namespace Workbench.Abstractions.CustomFields;

/// <summary>Model of the <c>_CustomFields</c> partial, and the two conversions every module form needs.</summary>
public sealed record CustomFieldsEditor(IReadOnlyList<CustomFieldDefinition> Definitions, JsonObject? Values, IReadOnlyDictionary<string, string>? Errors = null)
{
    /// <summary>The posted <c>customFields[key]</c> inputs as the JSON object the services validate.</summary>
    public static JsonObject ValuesFromForm(IReadOnlyDictionary<string, string> form) =>
        new(form.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    /// <summary>The custom-field errors of a validation result keyed <c>customFields.key</c>, by field key.</summary>
    public static IReadOnlyDictionary<string, string> ErrorsFrom(IReadOnlyDictionary<string, string[]> errors) =>
        errors.Where(e => e.Key.StartsWith("customFields.", StringComparison.Ordinal)).ToDictionary(e => e.Key["customFields.".Length..], e => e.Value[0]);
}
