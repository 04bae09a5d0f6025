using Workbench.Abstractions.Modules;
using Workbench.Platform.Modules;
using Workbench.Platform.Search;

namespace Workbench.Host.Pages;

[RequiresFeature(PlatformFeatures.PublicSite)]
public sealed class PublicSearchModel(SearchService search, ModuleCatalog catalog) : SearchPageModel(search, catalog);
