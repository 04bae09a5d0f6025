using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Exports;
using Workbench.Abstractions.Tenants;
using Workbench.CivilProtection.Data;

namespace Workbench.CivilProtection.Domain;

public enum CapStatus { Actual, Exercise, Test }

/// <summary>
/// What leaves the municipality: a scenario's resource list as CSV and GeoJSON, and a CAP 1.2 alert draft for the
/// alerting channel. Every export is audited (who took which scenario's data, in which format).
/// </summary>
public sealed class Exchange(CivilProtectionDbContext db, IAuditLog audit, ITenantContext tenant, TimeProvider clock)
{
    public const string Exported = "civil-protection.exported";
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    private sealed record Row(Resource Resource, ResourceType Type);

    /// <summary>The resources of the types the scenario needs, by type then name.</summary>
    private async Task<(Scenario Scenario, List<Row> Rows)> ResourcesAsync(Guid scenarioId, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scenarioId, ct) ?? throw new KeyNotFoundException("Nav tāda scenārija.");
        var rows = await (from r in db.Resources.AsNoTracking()
                          join t in db.Types.AsNoTracking() on r.TypeId equals t.Id
                          where db.Requirements.Any(q => q.ScenarioId == scenarioId && q.TypeId == t.Id)
                          select new Row(r, t)).ToListAsync(ct);
        return (scenario, rows.OrderBy(r => r.Type.Code).ThenBy(r => r.Resource.Name).ToList());
    }

    public async Task<byte[]> CsvAsync(Guid scenarioId, CancellationToken ct)
    {
        var (scenario, rows) = await ResourcesAsync(scenarioId, ct);
        await audit.AppendAsync(Exported, scenarioId.ToString(), new { scenario = scenario.Name, format = "csv", rows = rows.Count }, ct);
        return Csv.Write(rows, ',',
            ("type", r => r.Type.Code), ("typeName", r => r.Type.Name), ("capability", r => $"{r.Type.Capability.ToString(CultureInfo.InvariantCulture)} {r.Type.Metric}"),
            ("resource", r => r.Resource.Name), ("quantity", r => r.Resource.Quantity), ("availability", r => r.Resource.Availability),
            ("ownerKind", r => r.Resource.OwnerKind), ("owner", r => r.Resource.Owner), ("contact", r => r.Resource.ContactName), ("phone", r => r.Resource.ContactPhone),
            ("email", r => r.Resource.ContactEmail), ("address", r => r.Resource.Address), ("latitude", r => r.Resource.Latitude), ("longitude", r => r.Resource.Longitude),
            ("lastChecked", r => r.Resource.LastChecked?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    /// <summary>RFC 7946: the areas as polygons, the routes as lines, their gathering points and the scenario's resources as points ([lon, lat]).</summary>
    public async Task<JsonObject> GeoJsonAsync(Guid scenarioId, CancellationToken ct)
    {
        var (scenario, rows) = await ResourcesAsync(scenarioId, ct);
        var areas = await db.Areas.AsNoTracking().Where(a => a.ScenarioId == scenarioId).OrderBy(a => a.Order).ToListAsync(ct);
        var routes = await db.Routes.AsNoTracking().Where(r => r.ScenarioId == scenarioId).OrderBy(r => r.Order).ToListAsync(ct);
        var shelterIds = routes.Select(r => r.ToShelterId).Distinct().ToList();
        var shelters = await db.Shelters.AsNoTracking().Where(s => shelterIds.Contains(s.Id)).ToListAsync(ct);
        var features = new JsonArray();
        foreach (var a in areas)
            features.Add(Feature(new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(Line(a.Polygon)) },
                new JsonObject { ["layer"] = "area", ["name"] = a.Name, ["population"] = a.Population }));
        foreach (var r in routes)
            features.Add(Feature(new JsonObject { ["type"] = "LineString", ["coordinates"] = Line(r.Waypoints) },
                new JsonObject { ["layer"] = "route", ["name"] = r.Name, ["fromArea"] = r.FromArea, ["toShelterId"] = r.ToShelterId.ToString(), ["capacityNeeded"] = r.CapacityNeeded }));
        foreach (var s in shelters.Where(s => s.Latitude is not null && s.Longitude is not null))
            features.Add(Feature(Point(s.Latitude!.Value, s.Longitude!.Value),
                new JsonObject { ["layer"] = "shelter", ["id"] = s.Id.ToString(), ["name"] = s.Name, ["kind"] = s.Kind.ToString(), ["capacity"] = s.Capacity, ["address"] = s.Address }));
        foreach (var row in rows.Where(r => r.Resource.Latitude is not null && r.Resource.Longitude is not null))
            features.Add(Feature(Point(row.Resource.Latitude!.Value, row.Resource.Longitude!.Value), new JsonObject
            {
                ["layer"] = "resource", ["id"] = row.Resource.Id.ToString(), ["name"] = row.Resource.Name, ["type"] = row.Type.Code, ["quantity"] = row.Resource.Quantity,
                ["availability"] = row.Resource.Availability.ToString(), ["owner"] = row.Resource.Owner,
            }));
        await audit.AppendAsync(Exported, scenarioId.ToString(), new { scenario = scenario.Name, format = "geojson", features = features.Count }, ct);
        return new JsonObject { ["type"] = "FeatureCollection", ["name"] = scenario.Name, ["features"] = features };
    }

    /// <summary>A CAP 1.2 alert draft for the scenario: scope Restricted, one info block in Latvian, one area per affected area.</summary>
    public async Task<XDocument> CapAsync(Guid scenarioId, CapStatus status, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scenarioId, ct) ?? throw new KeyNotFoundException("Nav tāda scenārija.");
        var areas = await db.Areas.AsNoTracking().Where(a => a.ScenarioId == scenarioId).OrderBy(a => a.Order).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var sent = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var municipality = tenant.Current?.Name ?? "workbench";
        var (category, eventName) = Describe(scenario.Type);
        var info = new XElement(Cap + "info",
            new XElement(Cap + "language", "lv-LV"),
            new XElement(Cap + "category", category),
            new XElement(Cap + "event", eventName),
            new XElement(Cap + "responseType", scenario.Type == ScenarioType.ChemicalAccident ? "Shelter" : "Prepare"),
            new XElement(Cap + "urgency", "Expected"),
            new XElement(Cap + "severity", "Severe"),
            new XElement(Cap + "certainty", "Possible"),
            new XElement(Cap + "senderName", $"{municipality} pašvaldības civilās aizsardzības komisija"),
            new XElement(Cap + "headline", Truncate(scenario.Name, 160)));
        if (scenario.Description is { } description) info.Add(new XElement(Cap + "description", description));
        info.Add(new XElement(Cap + "instruction", scenario.Instruction ?? "Sekojiet pašvaldības un VUGD norādījumiem."));
        foreach (var area in areas)
            info.Add(new XElement(Cap + "area",
                new XElement(Cap + "areaDesc", $"{area.Name} ({area.Population} iedz.)"),
                new XElement(Cap + "polygon", string.Join(' ', area.Polygon.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Lat:0.######},{p.Lon:0.######}"))))));
        if (areas.Count == 0) info.Add(new XElement(Cap + "area", new XElement(Cap + "areaDesc", municipality)));
        var alert = new XElement(Cap + "alert",
            new XElement(Cap + "identifier", $"lv.{municipality}.civil-protection.{scenario.Id:N}.{now:yyyyMMddHHmmss}"),
            new XElement(Cap + "sender", $"civil-protection@{municipality}.workbench.lv"),
            new XElement(Cap + "sent", sent),
            new XElement(Cap + "status", status.ToString()),
            new XElement(Cap + "msgType", "Alert"),
            new XElement(Cap + "scope", "Restricted"),
            new XElement(Cap + "restriction", "Ierobežotas pieejamības informācija: tikai civilās aizsardzības komisijai un VUGD."),
            new XElement(Cap + "note", "Melnraksts no scenārija."),
            info);
        await audit.AppendAsync(Exported, scenarioId.ToString(), new { scenario = scenario.Name, format = "cap", status = status.ToString() }, ct);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), alert);
    }

    private static (string Category, string Event) Describe(ScenarioType type) => type switch
    {
        ScenarioType.Flood => ("Met", "Plūdi"),
        ScenarioType.Storm => ("Met", "Vētra"),
        ScenarioType.PowerOutage => ("Infra", "Elektroapgādes pārtraukums"),
        ScenarioType.ChemicalAccident => ("CBRNE", "Ķīmiska avārija"),
        ScenarioType.Fire => ("Fire", "Ugunsgrēks"),
        ScenarioType.Epidemic => ("Health", "Epidēmija"),
        _ => ("Other", "Ārkārtas situācija"),
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static JsonObject Feature(JsonObject geometry, JsonObject properties) => new() { ["type"] = "Feature", ["geometry"] = geometry, ["properties"] = properties };

    private static JsonObject Point(double lat, double lon) => new() { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) };

    private static JsonArray Line(IEnumerable<GeoPoint> points) => new(points.Select(p => (JsonNode)new JsonArray(p.Lon, p.Lat)).ToArray());
}
