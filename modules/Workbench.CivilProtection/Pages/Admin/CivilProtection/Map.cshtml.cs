using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Workbench.CivilProtection.Domain;
using Workbench.CivilProtection.Pages.Shared;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

/// <summary>The map: Leaflet over the configured tiles, else the same layers on a plain plot; a table for every layer.</summary>
public sealed class MapModel(MapData map, ScenarioService scenarios, IConfiguration configuration) : CivilProtectionPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? ScenarioId { get; set; }
    public List<Scenario> Scenarios { get; private set; } = [];
    public CivilMap Map { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scenarios = await scenarios.ScenariosAsync(ct);
        Map = new CivilMap(new Plot(await map.LayersAsync(ScenarioId, ct), "Resursi, patvertnes, skartās teritorijas un evakuācijas ceļi"), CivilMap.TileUrl(configuration));
    }
}
