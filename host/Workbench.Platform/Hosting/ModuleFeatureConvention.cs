using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Workbench.Abstractions.Modules;
using Workbench.Platform.Modules;

namespace Workbench.Platform.Hosting;

/// <summary>Every Razor page of a module exists only in tenants where the module's main feature is enabled.</summary>
public sealed class ModuleFeatureConvention(ModuleCatalog catalog) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (model.EndpointMetadata.OfType<RequiresFeatureAttribute>().Any()) return;
        var module = catalog.ModuleOf(model.PageType.Assembly) ?? catalog.ModuleOf(model.HandlerType.Assembly);
        if (module is not null) model.EndpointMetadata.Add(new RequiresFeatureAttribute(module.MainFeature));
    }
}
