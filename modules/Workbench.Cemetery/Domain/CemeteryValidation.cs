using System.Net.Mail;
using System.Text.RegularExpressions;
using Workbench.Abstractions.Validation;

namespace Workbench.Cemetery.Domain;

/// <summary>Checks of inputs that need nothing from the database, field by field.</summary>
public static partial class CemeteryValidation
{
    private static ValidationErrors Errors(params (bool Failed, string Field, string Message)[] checks) =>
        checks.Aggregate(new ValidationErrors(), (errors, check) => errors.When(check.Failed, check.Field, check.Message));

    [GeneratedRegex(@"^\d{6}-?\d{5}$")]
    private static partial Regex PersonalCodeShape();

    /// <summary>A Latvian personal code: 6 + 5 digits, with or without the hyphen.</summary>
    public static bool IsPersonalCode(string code) => PersonalCodeShape().IsMatch(code);

    public static string NormalizeCode(string? code) => code is null ? "" : code.Trim().Length == 11 ? $"{code.Trim()[..6]}-{code.Trim()[6..]}" : code.Trim();

    private static bool TooLong(string? text, int max) => text is { Length: var n } && n > max;

    public static ValidationErrors Validate(CemeteryInput input) => Errors(
        (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200, "name", "Nosaukums ir obligāts, līdz 200 zīmēm."),
        (TooLong(input.Address, 300), "address", "Adrese līdz 300 zīmēm."),
        (TooLong(input.OpeningHours, 300), "openingHours", "Darba laiks līdz 300 zīmēm."),
        (TooLong(input.Caretaker, 200), "caretaker", "Pārziņa vārds līdz 200 zīmēm."),
        (input.Latitude is < -90 or > 90 || input.Latitude is { } lat && !double.IsFinite(lat), "latitude", "Platumam jābūt no -90 līdz 90."),
        (input.Longitude is < -180 or > 180 || input.Longitude is { } lon && !double.IsFinite(lon), "longitude", "Garumam jābūt no -180 līdz 180."),
        (input.ReuseYears is < 0 or > 200, "reuseYears", "Atkārtotas apbedīšanas termiņš 0–200 gadi."),
        (!input.AllowsCoffins && !input.AllowsUrns, "allowsUrns", "Kapsētai jāpieņem vismaz zārki vai urnas."),
        (input.PublishAfterDays is < 0 or > 3650, "publishAfterDays", "Publiskošanas aizture 0–3650 dienas."),
        (input.SlotMinutes is < 15 or > 480, "slotMinutes", "Apbedīšanas laika ilgums 15–480 minūtes."),
        ((input.DayStart ?? new(10, 0)) >= (input.DayEnd ?? new(16, 0)), "dayEnd", "Dienas beigām jābūt pēc sākuma."),
        (input.NeglectWaitDays is < 0 or > 3650, "neglectWaitDays", "Gaidīšana pēc brīdinājuma 0–3650 dienas."),
        (input.ReminderEmail is { Length: > 0 } reminder && !MailAddress.TryCreate(reminder, out _), "reminderEmail", "Nederīga e-pasta adrese."),
        (input.SchemeWidth is < 10 or > 100_000, "schemeWidth", "Shēmas platums 10–100000."),
        (input.SchemeHeight is < 10 or > 100_000, "schemeHeight", "Shēmas augstums 10–100000."));

    public static ValidationErrors Validate(SiteInput input, int width, int height) => Errors(
        (string.IsNullOrWhiteSpace(input.Number) || input.Number.Trim().Length > 30, "number", "Kapavietas numurs ir obligāts, līdz 30 zīmēm."),
        (input.Capacity is < 0 or > 50, "capacity", "Ietilpība 1–50."),
        (TooLong(input.Section, 30), "section", "Sektors līdz 30 zīmēm."),
        (TooLong(input.Row, 30), "row", "Rinda līdz 30 zīmēm."),
        (input.WidthM is <= 0 or > 50 || input.LengthM is <= 0 or > 50, "widthM", "Izmēri 0–50 m."),
        (input.Polygon is not null && Polygons.Problem(input.Polygon, width, height) is not null, "polygon", Polygons.Problem(input.Polygon, width, height) ?? ""));

    public static ValidationErrors Validate(BurialInput input, DateOnly today)
    {
        var errors = Errors(
            (!input.Unidentified && string.IsNullOrWhiteSpace(input.FamilyName), "familyName", "Uzvārds ir obligāts, ja persona ir identificēta."),
            (TooLong(input.GivenName, 100), "givenName", "Vārds līdz 100 zīmēm."),
            (TooLong(input.FamilyName, 100), "familyName", "Uzvārds līdz 100 zīmēm."),
            (input.PersonalCode is { Length: > 0 } code && !IsPersonalCode(code.Trim()), "personalCode", "Personas kods formā 010203-12345."),
            (input.BurialDate is null, "burialDate", "Apbedīšanas datums ir obligāts."),
            (input.BirthDate is { } b && b > today, "birthDate", "Dzimšanas datums nevar būt nākotnē."),
            (input.DeathDate is { } d && d > today, "deathDate", "Miršanas datums nevar būt nākotnē."),
            (input.BirthDate is { } b2 && input.DeathDate is { } d2 && d2 < b2, "deathDate", "Miršanas datums ir pirms dzimšanas datuma."),
            (input.DeathDate is { } d3 && input.BurialDate is { } bd && bd < d3, "burialDate", "Apbedīšanas datums ir pirms miršanas datuma."),
            (input.BurialDate is { } bd2 && (bd2.Year < 1700 || bd2 > today.AddYears(1)), "burialDate", "Apbedīšanas datums no 1700. gada līdz gadam uz priekšu."),
            (input.BurialDate is { } bd3 && bd3 > today && input.SlotStart is null, "slotStart", "Nākotnes apbedīšanai jāizvēlas laiks."),
            (input.DepthM is < 0.3 or > 5 || input.DepthM is { } depth && !double.IsFinite(depth), "depthM", "Dziļums 0,3–5 m."));
        return errors;
    }

    public static ValidationErrors Validate(UseRightInput input) => Errors(
        (string.IsNullOrWhiteSpace(input.HolderName) || input.HolderName.Length > 200, "holderName", "Turētāja vārds vai nosaukums ir obligāts, līdz 200 zīmēm."),
        (input.Start is null, "start", "Sākuma datums ir obligāts."),
        (input.End is null, "end", "Beigu datums ir obligāts."),
        (input.Start is { } s && input.End is { } e && e <= s, "end", "Beigām jābūt pēc sākuma."),
        (input.HolderKind == HolderKind.Person && input.HolderCode is { Length: > 0 } code && !IsPersonalCode(code.Trim()), "holderCode", "Personas kods formā 010203-12345."),
        (TooLong(input.HolderCode, 30), "holderCode", "Kods līdz 30 zīmēm."),
        (input.HolderEmail is { Length: > 0 } email && !MailAddress.TryCreate(email, out _), "holderEmail", "Nederīga e-pasta adrese."),
        (TooLong(input.HolderPhone, 40), "holderPhone", "Tālrunis līdz 40 zīmēm."),
        (TooLong(input.HolderAddress, 300), "holderAddress", "Adrese līdz 300 zīmēm."),
        (TooLong(input.ContractNumber, 60), "contractNumber", "Līguma numurs līdz 60 zīmēm."),
        (FeesProblem(input.Fees) is not null, "fees", FeesProblem(input.Fees) ?? ""));

    public static ValidationErrors Validate(TransferInput input) => Validate(new UseRightInput(
        Guid.Empty, input.HolderName, input.On, input.On?.AddDays(1), input.HolderKind, input.HolderCode, input.HolderEmail, input.HolderPhone, input.HolderAddress, input.ContractNumber));

    public static string? FeesProblem(List<FeeInput>? fees) =>
        (fees ?? []).Count > 50 ? "Līdz 50 maksājumiem."
        : (fees ?? []).Any(f => string.IsNullOrWhiteSpace(f.Description) || f.Description.Length > 200) ? "Katram maksājumam vajag aprakstu līdz 200 zīmēm."
        : (fees ?? []).Any(f => f.Amount is < 0 or > 1_000_000) ? "Summa 0–1 000 000 EUR (amount 0 to 1,000,000 EUR)."
        : (fees ?? []).Any(f => f.DueDate is null) ? "Katram maksājumam vajag termiņu."
        : null;
}
