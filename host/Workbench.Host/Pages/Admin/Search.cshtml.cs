using Microsoft.AspNetCore.Authorization;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Platform.Modules;
using Workbench.Platform.Search;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.AccessAdmin)]
[RequiresFeature(PlatformFeatures.Admin)]
public sealed class StaffSearchModel(SearchService search, ModuleCatalog catalog) : SearchPageModel(search, catalog);
