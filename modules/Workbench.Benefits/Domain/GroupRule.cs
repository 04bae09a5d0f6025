using System.Globalization;
using System.Text.Json;
using Workbench.Abstractions.Validation;

namespace Workbench.Benefits.Domain;

/// <summary>
/// A group's eligibility rule, written as data (no scripting): on the day of a check the person's age is within
/// <see cref="MinAge"/>–<see cref="MaxAge"/>, the person has a declared residence in the municipality, holds the state's
/// status <see cref="StateStatus"/> (the status record's source), and the day is within the rule's own date range.
/// Every condition is optional; an empty rule means "holds a status record of the group".
/// </summary>
public sealed record GroupRule(int? MinAge = null, int? MaxAge = null, bool DeclaredResidence = false, string? StateStatus = null, DateOnly? ValidFrom = null, DateOnly? ValidTo = null)
{
    public static readonly IReadOnlyList<string> Fields = ["minAge", "maxAge", "declaredResidence", "stateStatus", "validFrom", "validTo"];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault };

    public bool HasAgeRange => MinAge is not null || MaxAge is not null;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GroupRule FromJson(string json) => JsonSerializer.Deserialize<GroupRule>(json, Json) ?? new();

    /// <summary>Reads a rule strictly: an unknown field or a value of the wrong kind is an error, never ignored.</summary>
    public static GroupRule? Read(JsonElement? element, ValidationErrors errors, string field = "rule")
    {
        if (element is not { } rule || rule.ValueKind == JsonValueKind.Null) return new();
        if (rule.ValueKind != JsonValueKind.Object) { errors.Add(field, "Noteikumam jābūt objektam ar laukiem minAge, maxAge, declaredResidence, stateStatus, validFrom, validTo."); return null; }
        int? minAge = null, maxAge = null;
        bool residence = false;
        string? status = null;
        DateOnly? from = null, to = null;
        var before = errors.Count;
        foreach (var property in rule.EnumerateObject())
        {
            var at = $"{field}.{property.Name}";
            var value = property.Value;
            switch (property.Name)
            {
                case "minAge": minAge = Age(value, at, errors); break;
                case "maxAge": maxAge = Age(value, at, errors); break;
                case "declaredResidence":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) residence = value.GetBoolean();
                    else errors.Add(at, "Deklarētajai dzīvesvietai jābūt true vai false.");
                    break;
                case "stateStatus":
                    if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())) status = value.GetString()!.Trim();
                    else if (value.ValueKind != JsonValueKind.Null) errors.Add(at, "Valsts statusam jābūt tekstam (statusa ieraksta avots).");
                    break;
                case "validFrom": from = Day(value, at, errors); break;
                case "validTo": to = Day(value, at, errors); break;
                default: errors.Add(at, $"Nezināms noteikuma lauks \"{property.Name}\"; atļautie lauki: minAge, maxAge, declaredResidence, stateStatus, validFrom, validTo."); break;
            }
        }
        errors.When(minAge is { } a && maxAge is { } b && a > b, $"{field}.maxAge", "Lielākajam vecumam jābūt ne mazākam par mazāko vecumu.");
        errors.When(from is { } f && to is { } t && t < f, $"{field}.validTo", "Noteikuma beigu datums ir pirms sākuma datuma.");
        return errors.Count > before ? null : new GroupRule(minAge, maxAge, residence, status, from, to);
    }

    private static int? Age(JsonElement value, string at, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var age) && age is >= 0 and <= 130) return age;
        errors.Add(at, "Vecumam jābūt veselam skaitlim no 0 līdz 130.");
        return null;
    }

    private static DateOnly? Day(JsonElement value, string at, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(at, "Datumam jābūt formā gggg-mm-dd.");
        return null;
    }

    /// <summary>The person's age in whole years on <paramref name="day"/>.</summary>
    public static int AgeOn(DateOnly birth, DateOnly day) => day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);
}
