namespace Workbench.CivilProtection.Domain;

public enum ScenarioType { Flood, Storm, PowerOutage, ChemicalAccident, Fire, Epidemic, Other }

/// <summary>A point in WGS 84 degrees.</summary>
public sealed record GeoPoint(double Lat, double Lon);

/// <summary>A crisis scenario (krīzes scenārijs) with its areas, needs, people, alerting list and evacuation routes.</summary>
public sealed class Scenario
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public ScenarioType Type { get; set; }
    public string? Description { get; set; }
    /// <summary>What people are told to do (the CAP alert's instruction).</summary>
    public string? Instruction { get; set; }
    public List<ResponsiblePerson> Responsible { get; set; } = [];
    /// <summary>When the alerting list was last confirmed as current.</summary>
    public DateOnly? AlertingListConfirmedOn { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

public sealed record ResponsiblePerson(string Name, string Role, string? Phone, string? Email);

/// <summary>An affected area: a closed polygon with the number of people living in it.</summary>
public sealed class ScenarioArea
{
    public Guid Id { get; set; }
    public Guid ScenarioId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public int Population { get; set; }
    public List<GeoPoint> Polygon { get; set; } = [];
}

/// <summary>So many units of a type the scenario needs.</summary>
public sealed class ScenarioRequirement
{
    public Guid ScenarioId { get; set; }
    public Guid TypeId { get; set; }
    public int Quantity { get; set; }
}

/// <summary>One entry of the alerting list (apziņošanas saraksts), in the order people are called.</summary>
public sealed class AlertingEntry
{
    public Guid Id { get; set; }
    public Guid ScenarioId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public string? Organisation { get; set; }
    public string Role { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>An evacuation route (evakuācijas ceļš): ordered waypoints from an affected area to a gathering point.</summary>
public sealed class EvacuationRoute
{
    public Guid Id { get; set; }
    public Guid ScenarioId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The name of one of the scenario's areas.</summary>
    public string FromArea { get; set; } = "";
    public Guid ToShelterId { get; set; }
    /// <summary>People the route must carry.</summary>
    public int CapacityNeeded { get; set; }
    public List<GeoPoint> Waypoints { get; set; } = [];
}

public sealed record AreaInput(string? Name, int? Population, List<GeoPoint?>? Polygon);
public sealed record RequirementInput(string? Type, int? Quantity);
public sealed record ResponsibleInput(string? Name, string? Role, string? Phone, string? Email);
public sealed record AlertingInput(string? Name, string? Organisation, string? Role, string? Phone, string? Email);
public sealed record RouteInput(string? Name, string? FromArea, Guid? ToShelterId, int? CapacityNeeded, List<GeoPoint?>? Waypoints);

public sealed record ScenarioInput(
    string? Name, ScenarioType? Type, string? Description, string? Instruction,
    List<AreaInput?>? Areas, List<RequirementInput?>? Requirements, List<ResponsibleInput?>? Responsible,
    List<AlertingInput?>? AlertingList, List<RouteInput?>? Routes, bool ConfirmOutsideLatvia = false);
