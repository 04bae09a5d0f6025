using System.Reflection;
using Workbench.Abstractions.Modules;

namespace Workbench.Platform.Modules;

public enum ModuleSource { Builtin, Plugin }

public enum ModuleStatus { Loaded, Incompatible, Failed }

/// <summary>A module known to the host: its manifest, where it came from, and whether it loaded.</summary>
public sealed class ModuleDescriptor
{
    public required string Id { get; init; }
    public ModuleManifest? Manifest { get; init; }
    public Assembly? Assembly { get; init; }
    public ModuleStartup? Startup { get; init; }
    public ModuleSource Source { get; init; }
    public ModuleStatus Status { get; init; }
    public string? Error { get; init; }
    public string? Path { get; init; }
    public string Version => Manifest?.Version ?? "?";
    public bool IsLoaded => Status == ModuleStatus.Loaded;

    /// <summary>The module's features; a module that declares none is one feature named after it.</summary>
    public IReadOnlyList<FeatureManifest> Features => Manifest is null ? []
        : Manifest.Features.Count > 0 ? Manifest.Features
        : [new FeatureManifest(Manifest.Id, Manifest.Name, Manifest.Description)];

    /// <summary>The feature that gates the module's pages and endpoints unless they name another.</summary>
    public string MainFeature => Features.FirstOrDefault()?.Id ?? Id;
}
