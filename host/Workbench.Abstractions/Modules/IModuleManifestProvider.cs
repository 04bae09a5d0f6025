namespace Workbench.Abstractions.Modules;

/// <summary>Implemented once per module, in its <c>Manifest.cs</c>. Must have a public parameterless constructor.</summary>
public interface IModuleManifestProvider
{
    ModuleManifest Manifest { get; }
}
