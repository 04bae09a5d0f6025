using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Modules;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Pages.Services;

/// <summary>The municipality's public service catalogue, by theme, filtered by life situation.</summary>
[RequiresFeature(PlatformFeatures.PublicSite)]
public sealed class CatalogueModel(ServiceCardService cards) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Life { get; set; }
    public IReadOnlyList<string> LifeSituations { get; private set; } = [];
    public IReadOnlyList<(string Theme, List<ServiceCardInput> Cards)> ByTheme { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var published = (await cards.ListAsync(includeUnpublished: false, ct)).Select(c => ServiceCardService.View(c, staff: false)).ToList();
        LifeSituations = published.SelectMany(c => c.LifeSituations).Distinct().Order(StringComparer.Create(new System.Globalization.CultureInfo("lv-LV"), false)).ToList();
        var shown = string.IsNullOrEmpty(Life) ? published : published.Where(c => c.LifeSituations.Contains(Life)).ToList();
        ByTheme = shown.SelectMany(c => (c.Themes.Count > 0 ? c.Themes : ["Citi"]).Select(t => (Theme: t, Card: c)))
            .GroupBy(x => x.Theme).OrderBy(g => g.Key, StringComparer.Create(new System.Globalization.CultureInfo("lv-LV"), false))
            .Select(g => (g.Key, g.Select(x => x.Card).ToList())).ToList();
    }
}
