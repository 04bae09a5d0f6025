namespace Workbench.Cemetery.Domain;

/// <summary>
/// A burial (apbedījums): who (or "unidentified"), when, how, where; optionally booked into one of the cemetery's slots
/// of its day. <see cref="PersonalCode"/> is restricted data (ViewCemeteryPersonalData). <see cref="NameKeys"/> holds the
/// diacritic-folded stems of the names (the shared Latvian analyser) for the grave search.
/// </summary>
public sealed class Burial
{
    public Guid Id { get; set; }
    public Guid CemeteryId { get; set; }
    public Guid SiteId { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? PersonalCode { get; set; }
    public DateOnly? BirthDate { get; set; }
    public DateOnly? DeathDate { get; set; }
    public bool Unidentified { get; set; }
    public DateOnly BurialDate { get; set; }
    public TimeOnly? SlotStart { get; set; }
    public BurialType Type { get; set; }
    public double? DepthM { get; set; }

    /// <summary>The relatives asked that the burial not be shown in the public grave search.</summary>
    public bool DoNotPublish { get; set; }

    /// <summary>Folded stem of the family name's first word: what the grave search looks up first (indexed).</summary>
    public string FamilyKey { get; set; } = "";

    /// <summary>Folded stems of every name word, space-separated and space-padded (" janis berzin ").</summary>
    public string NameKeys { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    public string DisplayName => Unidentified && string.IsNullOrWhiteSpace(FamilyName) ? "Neidentificēta persona" : $"{GivenName} {FamilyName}".Trim();
}
