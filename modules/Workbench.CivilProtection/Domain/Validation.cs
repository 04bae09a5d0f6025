using System.Net.Mail;
using Workbench.Abstractions.Validation;

namespace Workbench.CivilProtection.Domain;

/// <summary>
/// What is wrong with an input, field by field (the API answers 400 naming the field, a recipe step reports the path).
/// Checks that need the register (type codes, shelters) take what they need as arguments.
/// </summary>
public static class Validation
{
    private const string OutsideLatvia = "Koordinātas ir ārpus Latvijas; apstipriniet ar \"confirmOutsideLatvia\": true.";

    public static ValidationErrors Check(ResourceTypeInput input)
    {
        var errors = new ValidationErrors();
        Text(errors, "code", input.Code, 100, required: true);
        if (input.Code is { } code && !System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z0-9][a-z0-9.\\-]*$"))
            errors.Add("code", "Kods: mazie burti, cipari, punkti un defises, piem. transport.bus.50.");
        errors.When(input.Category is null, "category", "Kategorija ir obligāta.");
        Text(errors, "kind", input.Kind, 200, required: true);
        Text(errors, "name", input.Name, 200, required: true);
        Text(errors, "metric", input.Metric, 50, required: true);
        errors.When(input.Capability is not { } c || c <= 0 || !double.IsFinite(c), "capability", "Spējai jābūt pozitīvam skaitlim.");
        return errors;
    }

    public static ValidationErrors Check(ResourceInput input, ISet<string> typeCodes)
    {
        var errors = new ValidationErrors();
        Text(errors, "name", input.Name, 200, required: true);
        if (string.IsNullOrWhiteSpace(input.Type)) errors.Add("type", "Resursa tips ir obligāts.");
        else if (!typeCodes.Contains(input.Type)) errors.Add("type", $"Nav resursa tipa \"{input.Type}\".");
        if (input.Quantity is not { } quantity) errors.Add("quantity", "Daudzums ir obligāts.");
        else errors.When(quantity < 0, "quantity", "Daudzums nevar būt negatīvs.")
            .When(quantity > 1_000_000, "quantity", "Daudzums ir pārāk liels.");
        errors.When(input.OwnerKind is null, "ownerKind", "Īpašnieka veids ir obligāts.");
        Text(errors, "owner", input.Owner, 200, required: true);
        Text(errors, "contactName", input.ContactName, 200, required: true);
        Text(errors, "contactPhone", input.ContactPhone, 50);
        Email(errors, "contactEmail", input.ContactEmail);
        Text(errors, "address", input.Address, 300);
        Point(errors, "latitude", input.Latitude, input.Longitude, input.ConfirmOutsideLatvia);
        errors.When(input.CheckIntervalDays is { } days && days is < 1 or > 3650, "checkIntervalDays", "Pārbaužu intervālam jābūt no 1 līdz 3650 dienām.");
        return errors;
    }

    public static ValidationErrors Check(ShelterInput input)
    {
        var errors = new ValidationErrors();
        Text(errors, "name", input.Name, 200, required: true);
        errors.When(input.Kind is null, "kind", "Veids ir obligāts: Shelter vai GatheringPoint.");
        Text(errors, "address", input.Address, 300, required: true);
        if (input.Capacity is not { } capacity) errors.Add("capacity", "Ietilpība ir obligāta.");
        else errors.When(capacity is < 0 or > 1_000_000, "capacity", "Ietilpība nevar būt negatīva.");
        Text(errors, "responsibleName", input.ResponsibleName, 200, required: true);
        Text(errors, "responsiblePhone", input.ResponsiblePhone, 50);
        Text(errors, "openingProcedure", input.OpeningProcedure, 4000);
        Text(errors, "whatToBring", input.WhatToBring, 2000);
        Point(errors, "latitude", input.Latitude, input.Longitude, input.ConfirmOutsideLatvia);
        errors.When(input.IsPublic && (input.Latitude is null || input.Longitude is null), "isPublic", "Publiskai vietai vajag koordinātas kartei.");
        return errors;
    }

    /// <param name="shelters">Ids of the shelters and gathering points of the municipality (routes end at one).</param>
    public static ValidationErrors Check(ScenarioInput input, ISet<string> typeCodes, ISet<Guid> shelters)
    {
        var errors = new ValidationErrors();
        Text(errors, "name", input.Name, 200, required: true);
        errors.When(input.Type is null, "type", "Scenārija veids ir obligāts.");
        Text(errors, "description", input.Description, 8000);
        Text(errors, "instruction", input.Instruction, 4000);
        var areaNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (area, i) in (input.Areas ?? []).Select((a, i) => (a, i)))
        {
            var at = $"areas[{i}]";
            if (area is null) { errors.Add(at, "Teritorija nav norādīta."); continue; }
            Text(errors, $"{at}.name", area.Name, 200, required: true);
            if (area.Name is { } name && !areaNames.Add(name)) errors.Add($"{at}.name", "Teritoriju nosaukumiem jābūt atšķirīgiem.");
            if (area.Population is not { } population) errors.Add($"{at}.population", "Iedzīvotāju skaits ir obligāts.");
            else errors.When(population < 0, $"{at}.population", "Iedzīvotāju skaits nevar būt negatīvs.");
            Polygon(errors, $"{at}.polygon", area.Polygon, input.ConfirmOutsideLatvia);
        }
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (requirement, i) in (input.Requirements ?? []).Select((r, i) => (r, i)))
        {
            var at = $"requirements[{i}]";
            if (requirement is null) { errors.Add(at, "Prasība nav norādīta."); continue; }
            if (string.IsNullOrWhiteSpace(requirement.Type)) errors.Add($"{at}.type", "Resursa tips ir obligāts.");
            else if (!typeCodes.Contains(requirement.Type)) errors.Add($"{at}.type", $"Nav resursa tipa \"{requirement.Type}\".");
            else if (!required.Add(requirement.Type)) errors.Add($"{at}.type", "Katru tipu norādiet vienreiz.");
            if (requirement.Quantity is not { } quantity) errors.Add($"{at}.quantity", "Daudzums ir obligāts.");
            else errors.When(quantity < 0, $"{at}.quantity", "Daudzums nevar būt negatīvs.")
                .When(quantity > 1_000_000, $"{at}.quantity", "Daudzums ir pārāk liels.");
        }
        foreach (var (person, i) in (input.Responsible ?? []).Select((p, i) => (p, i)))
        {
            var at = $"responsible[{i}]";
            if (person is null) { errors.Add(at, "Persona nav norādīta."); continue; }
            Text(errors, $"{at}.name", person.Name, 200, required: true);
            Text(errors, $"{at}.role", person.Role, 200, required: true);
            Text(errors, $"{at}.phone", person.Phone, 50);
            Email(errors, $"{at}.email", person.Email);
        }
        foreach (var (entry, i) in (input.AlertingList ?? []).Select((p, i) => (p, i)))
        {
            var at = $"alertingList[{i}]";
            if (entry is null) { errors.Add(at, "Ieraksts nav norādīts."); continue; }
            Text(errors, $"{at}.name", entry.Name, 200, required: true);
            Text(errors, $"{at}.organisation", entry.Organisation, 200);
            Text(errors, $"{at}.role", entry.Role, 200, required: true);
            Text(errors, $"{at}.phone", entry.Phone, 50);
            Email(errors, $"{at}.email", entry.Email);
            errors.When(string.IsNullOrWhiteSpace(entry.Phone) && string.IsNullOrWhiteSpace(entry.Email), $"{at}.phone", "Vajag tālruni vai e-pastu.");
        }
        foreach (var (route, i) in (input.Routes ?? []).Select((r, i) => (r, i)))
        {
            var at = $"routes[{i}]";
            if (route is null) { errors.Add(at, "Ceļš nav norādīts."); continue; }
            Text(errors, $"{at}.name", route.Name, 200, required: true);
            if (string.IsNullOrWhiteSpace(route.FromArea)) errors.Add($"{at}.fromArea", "Sākuma teritorija ir obligāta.");
            else if (!areaNames.Contains(route.FromArea)) errors.Add($"{at}.fromArea", $"Scenārijā nav teritorijas \"{route.FromArea}\".");
            if (route.ToShelterId is not { } to) errors.Add($"{at}.toShelterId", "Pulcēšanās vieta ir obligāta.");
            else if (!shelters.Contains(to)) errors.Add($"{at}.toShelterId", "Nav tādas patvertnes vai pulcēšanās vietas.");
            if (route.CapacityNeeded is not { } capacity) errors.Add($"{at}.capacityNeeded", "Vajadzīgā ietilpība ir obligāta.");
            else errors.When(capacity < 0, $"{at}.capacityNeeded", "Ietilpība nevar būt negatīva.");
            var waypoints = route.Waypoints ?? [];
            if (waypoints.Count < 2) errors.Add($"{at}.waypoints", "Ceļam vajag vismaz divus punktus.");
            else if (waypoints.Count > 500) errors.Add($"{at}.waypoints", "Ne vairāk kā 500 punktu.");
            else Points(errors, $"{at}.waypoints", waypoints, input.ConfirmOutsideLatvia);
        }
        errors.When((input.Areas?.Count ?? 0) > 100, "areas", "Ne vairāk kā 100 teritoriju.")
            .When((input.AlertingList?.Count ?? 0) > 500, "alertingList", "Ne vairāk kā 500 ierakstu.")
            .When((input.Routes?.Count ?? 0) > 100, "routes", "Ne vairāk kā 100 ceļu.");
        return errors;
    }

    public static ValidationErrors Check(CommitmentInput input)
    {
        var errors = new ValidationErrors();
        Text(errors, "name", input.Name, 200, required: true);
        errors.When(input.Kind is null, "kind", "Veids ir obligāts: Exercise vai Event.");
        errors.When(input.Resources is not { Count: > 0 }, "resources", "Norādiet vismaz vienu resursu.")
            .When(input.Resources is { Count: > 1000 }, "resources", "Ne vairāk kā 1000 resursu.");
        return errors;
    }

    private static void Polygon(ValidationErrors errors, string field, List<GeoPoint?>? polygon, bool confirmed)
    {
        if (polygon is null || polygon.Count < 4) { errors.Add(field, "Daudzstūrim vajag vismaz četrus punktus, pēdējo tādu pašu kā pirmo."); return; }
        if (polygon.Count > 2000) { errors.Add(field, "Ne vairāk kā 2000 punktu."); return; }
        if (!Points(errors, field, polygon, confirmed)) return;
        var ring = polygon.Select(p => p!).ToList();
        if (!Geometry.IsClosed(ring)) errors.Add(field, "Daudzstūris nav noslēgts: pēdējam punktam jābūt tādam pašam kā pirmajam.");
        else if (Geometry.SelfIntersects(ring)) errors.Add(field, "Daudzstūra malas krustojas.");
    }

    private static bool Points(ValidationErrors errors, string field, List<GeoPoint?> points, bool confirmed)
    {
        if (points.Any(p => p is null || !Geometry.IsValid(p.Lat, p.Lon)))
        {
            errors.Add(field, "Katram punktam vajag platumu un garumu (lon, −180…180) (each point needs lat and lon in range).");
            return false;
        }
        if (!confirmed && points.Any(p => !Geometry.InLatvia(p!.Lat, p.Lon))) errors.Add(field, OutsideLatvia);
        return true;
    }

    private static void Point(ValidationErrors errors, string field, double? lat, double? lon, bool confirmed)
    {
        if (lat is null && lon is null) return;
        if (lat is not { } la || lon is not { } lo) { errors.Add(field, "Norādiet abus: latitude un longitude."); return; }
        if (!Geometry.IsValid(la, lo)) errors.Add(field, "Platumam jābūt −90…90, garumam −180…180.");
        else if (!confirmed && !Geometry.InLatvia(la, lo)) errors.Add(field, OutsideLatvia);
    }

    private static void Text(ValidationErrors errors, string field, string? value, int max, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(value)) errors.Add(field, "Lauks ir obligāts.");
        else if (value is not null && value.Length > max) errors.Add(field, $"Ne garāks par {max} zīmēm.");
    }

    private static void Email(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (value.Length > 254 || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value.Trim())
            errors.Add(field, "Nederīga e-pasta adrese.");
    }
}
