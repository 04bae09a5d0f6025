using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform.Search;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.ManageFeatures)]
[RequiresFeature(PlatformFeatures.Admin)]
public sealed class SearchIndexModel(SearchReindexer reindexer) : AdminPageModel
{
    public IReadOnlyDictionary<string, long> ItemsPerFeature { get; private set; } = new Dictionary<string, long>();
    public long TextBytes { get; private set; }
    public SearchIndexStatus? LastRebuild { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        (ItemsPerFeature, TextBytes, LastRebuild) = await reindexer.DescribeAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var status = await reindexer.RebuildAsync(null, ct);
        return Done($"Indekss pārbūvēts: {status.Items} ieraksti, {status.Seconds:0.0} s.");
    }
}
