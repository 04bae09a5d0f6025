namespace Workbench.Cemetery.Domain;

/// <summary>What the API, the recipe step, the import and the pages accept (JSON, camelCase).</summary>
public sealed record CemeteryInput(
    string? Name, CemeteryStatus Status = CemeteryStatus.Open, string? Address = null, double? Latitude = null, double? Longitude = null,
    string? OpeningHours = null, string? Caretaker = null, int ReuseYears = 20, bool AllowsCoffins = true, bool AllowsUrns = true,
    bool UrnsIntoOccupied = true, int PublishAfterDays = 30, TimeOnly? DayStart = null, TimeOnly? DayEnd = null, int SlotMinutes = 120, int SchemeWidth = 1000, int SchemeHeight = 1000,
    Guid? Id = null, int NeglectWaitDays = 90, string? ReminderEmail = null);

/// <param name="Section">Taken from the number (<c>1A-1</c> → section 1, row A) when not given.</param>
public sealed record SiteInput(
    string? Number, SiteType Type = SiteType.Single, int Capacity = 0, string? Section = null, string? Row = null, double? WidthM = null, double? LengthM = null,
    SiteState? State = null, List<double[]>? Polygon = null);

/// <summary>Every site from <see cref="From"/> to <see cref="To"/> (<c>1A-1</c> … <c>3C-6</c>); with <see cref="Grid"/> each gets a rectangle on the scheme.</summary>
public sealed record SiteRangeInput(string? From, string? To, SiteType Type = SiteType.Single, int Capacity = 0, SchemeGrid? Grid = null);

/// <summary>
/// Lays a range out on the scheme: sections side by side from (<see cref="X"/>, <see cref="Y"/>), rows one below the
/// other, places left to right, each site <see cref="SiteWidth"/> × <see cref="SiteHeight"/> with <see cref="Gap"/> between.
/// </summary>
public sealed record SchemeGrid(double X = 10, double Y = 10, double SiteWidth = 20, double SiteHeight = 30, double Gap = 4);

public sealed record PolygonInput(List<double[]>? Polygon);

public sealed record SiteStateInput(SiteState State);

/// <param name="SlotStart">A booking into one of the cemetery's slots of <see cref="BurialDate"/> (none for a past burial recorded from the books).</param>
public sealed record BurialInput(
    Guid SiteId, string? GivenName, string? FamilyName, DateOnly? BurialDate, BurialType Type = BurialType.Coffin, string? PersonalCode = null,
    DateOnly? BirthDate = null, DateOnly? DeathDate = null, bool Unidentified = false, TimeOnly? SlotStart = null, double? DepthM = null, bool DoNotPublish = false);

public sealed record FeeInput(string? Description, decimal Amount, DateOnly? DueDate, DateOnly? PaidOn = null);

public sealed record UseRightInput(
    Guid SiteId, string? HolderName, DateOnly? Start, DateOnly? End, HolderKind HolderKind = HolderKind.Person, string? HolderCode = null,
    string? HolderEmail = null, string? HolderPhone = null, string? HolderAddress = null, string? ContractNumber = null, List<FeeInput>? Fees = null);

/// <summary>A renewal: the same holder from the day after the current end until <see cref="End"/>.</summary>
public sealed record RenewalInput(DateOnly? End, List<FeeInput>? Fees = null, string? ContractNumber = null);

/// <summary>A transfer to another holder on <see cref="On"/>, until the current end.</summary>
public sealed record TransferInput(
    string? HolderName, DateOnly? On, HolderKind HolderKind = HolderKind.Person, string? HolderCode = null, string? HolderEmail = null,
    string? HolderPhone = null, string? HolderAddress = null, string? ContractNumber = null);

public sealed record PaymentInput(DateOnly? PaidOn);
