using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.CustomFields;
using Workbench.Abstractions.Modules;
using Workbench.Platform.Data;
using Workbench.Abstractions.Validation;

namespace Workbench.Platform.CustomFields;

public sealed partial class CustomFieldService(PlatformDbContext db, IEnumerable<CustomFieldRecordType> recordTypes, IAuditLog audit, TenantDatabaseSession session) : ICustomFieldService
{
    /// <summary>Definitions a recipe being validated will add, so that its later steps may already use them.</summary>
    private readonly List<CustomFieldDefinition> _staged = [];

    public IReadOnlyList<CustomFieldRecordType> RecordTypes => recordTypes.ToList();

    public void Stage(CustomFieldDefinition definition) => _staged.Add(definition);

    public async Task<IReadOnlyList<CustomFieldDefinition>> GetDefinitionsAsync(string recordType, CancellationToken ct = default)
    {
        var stored = (await db.CustomFields.AsNoTracking().Where(f => f.RecordType == recordType).ToListAsync(ct)).Select(ToDefinition);
        var staged = _staged.Where(f => f.RecordType == recordType).ToList();
        return stored.Where(f => staged.All(s => s.Key != f.Key)).Concat(staged)
            .OrderBy(f => f.Order).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<CustomFieldValidation> ValidateAsync(string recordType, JsonObject? values, CancellationToken ct = default)
    {
        var definitions = await GetDefinitionsAsync(recordType, ct);
        var errors = new Dictionary<string, string>();
        var normalized = new JsonObject();
        values ??= [];
        foreach (var key in values.Select(p => p.Key).Where(k => definitions.All(d => d.Key != k)))
            errors[key] = $"Nezināms lauks \"{key}\".";
        foreach (var field in definitions)
        {
            var node = values[field.Key];
            if (node is null || node is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s))
            {
                if (field.Required) errors[field.Key] = $"Lauks \"{field.Label}\" ir obligāts.";
                continue;
            }
            if (Normalize(field, node) is { } value) normalized[field.Key] = value;
            else errors[field.Key] = $"Laukā \"{field.Label}\" jābūt {Describe(field)}.";
        }
        return new CustomFieldValidation(normalized, errors);
    }

    /// <summary>Turns form or JSON input into the stored JSON type, or null when it does not fit.</summary>
    private static JsonNode? Normalize(CustomFieldDefinition field, JsonNode node)
    {
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : null;
        switch (field.Type)
        {
            case CustomFieldType.Text:
                return text is { Length: <= 4000 } ? JsonValue.Create(text) : null;
            case CustomFieldType.Number:
                if (node.GetValueKind() == JsonValueKind.Number) return JsonValue.Create(node.GetValue<decimal>());
                return decimal.TryParse(text?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null;
            case CustomFieldType.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;
            case CustomFieldType.Choice:
                return text is not null && field.Choices.Contains(text) ? JsonValue.Create(text) : null;
            case CustomFieldType.YesNo:
                if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return JsonValue.Create(node.GetValue<bool>());
                return text switch { "true" or "on" or "jā" => JsonValue.Create(true), "false" or "nē" => JsonValue.Create(false), _ => null };
            default:
                return null;
        }
    }

    private static string Describe(CustomFieldDefinition field) => field.Type switch
    {
        CustomFieldType.Number => "skaitlim",
        CustomFieldType.Date => "datumam formā GGGG-MM-DD",
        CustomFieldType.Choice => "vienai no vērtībām: " + string.Join(", ", field.Choices),
        CustomFieldType.YesNo => "jā/nē",
        _ => "tekstam līdz 4000 zīmēm",
    };

    public ValidationErrors Check(CustomFieldDefinition field) => new ValidationErrors()
        .When(recordTypes.All(r => r.Id != field.RecordType), "recordType",
            $"Nezināms ieraksta tips \"{field.RecordType}\" ; der {string.Join(", ", recordTypes.Select(r => r.Id))}.")
        .When(!KeyPattern().IsMatch(field.Key ?? ""), "key", "Atslēga: mazie latīņu burti, cipari un '-', sākas ar burtu, līdz 40 zīmēm.")
        .When(string.IsNullOrWhiteSpace(field.Label), "label", "Nosaukums ir obligāts.")
        .When(field.Type == CustomFieldType.Choice && field.Choices.Count == 0, "choices", "Izvēles laukam vajag vismaz vienu vērtību.");

    /// <summary>Adds the field or updates the one with the same record type and key.</summary>
    public Task SaveAsync(CustomFieldDefinition field, CancellationToken ct) =>
        session.InTransactionAsync(() => SaveInTransactionAsync(field, ct), ct);

    private async Task SaveInTransactionAsync(CustomFieldDefinition field, CancellationToken ct)
    {
        if (Check(field) is { IsValid: false } problems) throw new ArgumentException(problems.Summary);
        var row = await db.CustomFields.SingleOrDefaultAsync(f => f.RecordType == field.RecordType && f.Key == field.Key, ct);
        if (row is null)
        {
            row = new CustomFieldRecord { Id = Guid.NewGuid(), RecordType = field.RecordType, Key = field.Key, Label = field.Label, Type = field.Type.ToString() };
            db.CustomFields.Add(row);
        }
        row.Label = field.Label;
        row.Type = field.Type.ToString();
        row.Required = field.Required;
        row.ChoicesJson = JsonSerializer.Serialize(field.Choices);
        row.Order = field.Order;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("custom-field.saved", $"{field.RecordType}.{field.Key}", field, ct);
    }

    /// <summary>Removes the definition; values already stored on records stay in their JSON and return if the field is added again.</summary>
    public Task<bool> DeleteAsync(string recordType, string key, CancellationToken ct) =>
        session.InTransactionAsync(async () =>
        {
            var deleted = await db.CustomFields.Where(f => f.RecordType == recordType && f.Key == key).ExecuteDeleteAsync(ct);
            if (deleted > 0) await audit.AppendAsync("custom-field.deleted", $"{recordType}.{key}", cancellationToken: ct);
            return deleted > 0;
        }, ct);

    private static CustomFieldDefinition ToDefinition(CustomFieldRecord r) => new(
        r.RecordType, r.Key, r.Label, Enum.Parse<CustomFieldType>(r.Type), r.Required,
        JsonSerializer.Deserialize<List<string>>(r.ChoicesJson) ?? [], r.Order);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();
}
