using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Workbench.CivilProtection.Domain;
using Workbench.CivilProtection.Pages.Shared;

namespace Workbench.CivilProtection.Pages.CivilProtection;

/// <summary>The public site's shelters: only the points marked public, and of them only name, address, capacity and what to bring.</summary>
public sealed class PublicSheltersModel(RegisterService register, IConfiguration configuration) : PageModel
{
    public List<Shelter> Items { get; private set; } = [];
    public CivilMap Map { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await register.SheltersAsync(publicOnly: true, ct);
        var points = Items.Where(s => s.Latitude is not null && s.Longitude is not null)
            .Select(s => new MapShelter(s.Id, s.Name, s.Kind, s.Capacity, s.Address, true, s.Latitude!.Value, s.Longitude!.Value)).ToList();
        Map = new CivilMap(new Plot(new MapLayers([], points, [], []), "Publiskās patvertnes un pulcēšanās vietas"), CivilMap.TileUrl(configuration));
    }
}
