using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Workbench.Abstractions.Modules;
using Workbench.Platform.Modules;

namespace Workbench.Platform.Hosting;

/// <summary>
/// Every Razor page of a module exists only in tenants where the module's main feature is enabled
/// (and whatever further features the page names, e.g. the public site for residents' pages).
/// </summary>
public sealed class ModuleFeatureConvention(ModuleCatalog catalog) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var module = catalog.ModuleOf(model.PageType.Assembly) ?? catalog.ModuleOf(model.HandlerType.Assembly);
        if (module is null || module.Id == "Workbench.Platform") return;
        if (!model.EndpointMetadata.OfType<RequiresFeatureAttribute>().Any(f => f.FeatureId == module.MainFeature))
            model.EndpointMetadata.Add(new RequiresFeatureAttribute(module.MainFeature));
    }
}
