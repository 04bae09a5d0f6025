namespace Workbench.Cemetery.Domain;

/// <summary>Open; partly closed (burials only into sites that already hold someone — family sites); closed (no burials).</summary>
public enum CemeteryStatus { Open, PartlyClosed, Closed }

public enum BurialType { Coffin, Urn }

/// <summary>A cemetery with its rules and its scheme (a plan in its own coordinates, 0..SchemeWidth × 0..SchemeHeight, y down).</summary>
public sealed class Cemetery
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public CemeteryStatus Status { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? OpeningHours { get; set; }
    public string? Caretaker { get; set; }

    /// <summary>Years after a coffin burial before its place may be used again (over-burial).</summary>
    public int ReuseYears { get; set; } = 20;
    public bool AllowsCoffins { get; set; } = true;
    public bool AllowsUrns { get; set; } = true;

    /// <summary>Whether an urn may be added to a site whose coffin places are all taken.</summary>
    public bool UrnsIntoOccupied { get; set; } = true;

    /// <summary>Days after a burial before the public grave search shows it.</summary>
    public int PublishAfterDays { get; set; } = 30;

    /// <summary>Burial slots of a day: from DayStart, every SlotMinutes, the last one starting before DayEnd.</summary>
    public TimeOnly DayStart { get; set; } = new(10, 0);
    public TimeOnly DayEnd { get; set; } = new(16, 0);
    public int SlotMinutes { get; set; } = 120;

    /// <summary>Days after a warning letter before the neglect act may be drawn up.</summary>
    public int NeglectWaitDays { get; set; } = 90;

    /// <summary>Who is reminded of use rights ending soon (the cemetery's administrator), or nobody.</summary>
    public string? ReminderEmail { get; set; }

    public int SchemeWidth { get; set; } = 1000;
    public int SchemeHeight { get; set; } = 1000;

    /// <summary>The plan image the scheme is drawn over (kept by the platform's file store; null = none).</summary>
    public string? PlanSha256 { get; set; }
    public string? PlanContentType { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public bool Allows(BurialType type) => type == BurialType.Coffin ? AllowsCoffins : AllowsUrns;

    /// <summary>The slot start times of a day.</summary>
    public IEnumerable<TimeOnly> Slots()
    {
        for (var t = DayStart; t < DayEnd && t >= DayStart; t = t.AddMinutes(SlotMinutes)) yield return t;
    }
}

/// <summary>A section (sektors, kvartāls) of a cemetery, optionally outlined on the scheme.</summary>
public sealed class Section
{
    public Guid Id { get; set; }
    public Guid CemeteryId { get; set; }
    public string Name { get; set; } = "";
    public string? Polygon { get; set; }
}

/// <summary>A row (rinda) of a section.</summary>
public sealed class Row
{
    public Guid Id { get; set; }
    public Guid SectionId { get; set; }
    public string Name { get; set; } = "";
}
