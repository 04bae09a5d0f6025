using Microsoft.EntityFrameworkCore;
using Workbench.CivilProtection.Data;

namespace Workbench.CivilProtection.Domain;

public sealed record MapResource(Guid Id, string Name, string Type, ResourceCategory Category, int Quantity, Availability Availability, double Lat, double Lon);
public sealed record MapShelter(Guid Id, string Name, ShelterKind Kind, int Capacity, string Address, bool IsPublic, double Lat, double Lon);
public sealed record MapArea(Guid ScenarioId, string Scenario, string Name, int Population, IReadOnlyList<GeoPoint> Polygon);
public sealed record MapRoute(Guid ScenarioId, string Scenario, string Name, string FromArea, string ToShelter, int CapacityNeeded, IReadOnlyList<GeoPoint> Waypoints);

/// <summary>The map's layers: resources by availability, shelters, scenario areas, evacuation routes (only what has coordinates).</summary>
public sealed record MapLayers(IReadOnlyList<MapResource> Resources, IReadOnlyList<MapShelter> Shelters, IReadOnlyList<MapArea> Areas, IReadOnlyList<MapRoute> Routes);

public sealed class MapData(CivilProtectionDbContext db)
{
    /// <param name="scenarioId">Only this scenario's areas and routes (all scenarios' when null).</param>
    public async Task<MapLayers> LayersAsync(Guid? scenarioId, CancellationToken ct)
    {
        var resources = await (from r in db.Resources.AsNoTracking()
                               join t in db.Types.AsNoTracking() on r.TypeId equals t.Id
                               where r.Latitude != null && r.Longitude != null
                               orderby r.Name
                               select new MapResource(r.Id, r.Name, t.Code, t.Category, r.Quantity, r.Availability, r.Latitude!.Value, r.Longitude!.Value)).ToListAsync(ct);
        var shelters = await db.Shelters.AsNoTracking().Where(s => s.Latitude != null && s.Longitude != null).OrderBy(s => s.Name)
            .Select(s => new MapShelter(s.Id, s.Name, s.Kind, s.Capacity, s.Address, s.IsPublic, s.Latitude!.Value, s.Longitude!.Value)).ToListAsync(ct);
        var scenarios = await db.Scenarios.AsNoTracking().Where(s => scenarioId == null || s.Id == scenarioId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var ids = scenarios.Keys.ToList();
        var areas = (await db.Areas.AsNoTracking().Where(a => ids.Contains(a.ScenarioId)).ToListAsync(ct))
            .OrderBy(a => scenarios[a.ScenarioId]).ThenBy(a => a.Order).Select(a => new MapArea(a.ScenarioId, scenarios[a.ScenarioId], a.Name, a.Population, a.Polygon)).ToList();
        var shelterNames = await db.Shelters.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var routes = (await db.Routes.AsNoTracking().Where(r => ids.Contains(r.ScenarioId)).ToListAsync(ct))
            .OrderBy(r => scenarios[r.ScenarioId]).ThenBy(r => r.Order)
            .Select(r => new MapRoute(r.ScenarioId, scenarios[r.ScenarioId], r.Name, r.FromArea, shelterNames.GetValueOrDefault(r.ToShelterId, "?"), r.CapacityNeeded, r.Waypoints)).ToList();
        return new MapLayers(resources, shelters, areas, routes);
    }
}
