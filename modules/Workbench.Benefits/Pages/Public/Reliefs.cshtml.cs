using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Pages.Public;

/// <summary>
/// The municipality's reliefs for residents: what is in force today, and what changes from a later date, listed by what
/// they apply to and by benefit group. Anonymous.
/// </summary>
public sealed class ReliefsModel(CatalogueService catalogue) : PageModel
{
    public sealed record Shown(Guid ReliefId, ReliefVersion Version, bool Upcoming);

    public List<Shown> Reliefs { get; private set; } = [];
    public List<BenefitGroup> Groups { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = catalogue.Today;
        Groups = await catalogue.GroupsAsync(ct);
        var versions = await catalogue.AllVersionsAsync(ct);
        foreach (var relief in await catalogue.ReliefsAsync(ct))
        {
            var all = versions[relief.Id].ToList();
            if (all.LastOrDefault(v => v.InForceOn(Today)) is { } current) Reliefs.Add(new(relief.Id, current, false));
            Reliefs.AddRange(all.Where(v => v.ValidFrom > Today).Select(v => new Shown(relief.Id, v, true)));
        }
    }

    public string GroupName(string code) => Groups.FirstOrDefault(g => g.Code == code)?.Name ?? code;
}
