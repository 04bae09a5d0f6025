using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Platform.Modules;
using Workbench.Platform.Search;

namespace Workbench.Host.Pages;

/// <summary>The search box and results, shared by the public site and the staff workplace; trimming is the service's.</summary>
public abstract class SearchPageModel(SearchService search, ModuleCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Module { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public SearchResults? Results { get; private set; }
    public string? Error { get; private set; }

    public string ModuleName(string feature) => catalog.FindFeature(feature)?.Name ?? feature;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        if (Q.Length > 200 || PageNumber is < 1 or > 1000)
        {
            Error = "Meklējamais teksts līdz 200 zīmēm.";
            return;
        }
        Results = await search.SearchAsync(new SearchQuery(Q, Module, null, PageNumber), User, ct);
    }
}
