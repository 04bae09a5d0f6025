using System.Reflection;
using Microsoft.Extensions.DependencyModel;
using Workbench.Abstractions.Modules;

namespace Workbench.Platform.Modules;

/// <summary>
/// Every module the host knows: built-in ones (compiled with the host) and plugins from the plugins folder.
/// Built once at start, before services are registered, because module startups add services.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly List<ModuleDescriptor> _modules = [];

    public IReadOnlyList<ModuleDescriptor> Modules => _modules;
    public IEnumerable<ModuleDescriptor> Loaded => _modules.Where(m => m.IsLoaded);

    public IEnumerable<(ModuleDescriptor Module, FeatureManifest Feature)> Features =>
        Loaded.SelectMany(m => m.Features.Select(f => (m, f)));

    public FeatureManifest? FindFeature(string id) => Features.Select(x => x.Feature).FirstOrDefault(f => f.Id == id);

    public IEnumerable<PermissionDefinition> Permissions => Loaded.SelectMany(m => m.Manifest!.Permissions);

    public ModuleDescriptor? ModuleOf(Assembly assembly) => Loaded.FirstOrDefault(m => m.Assembly == assembly);

    /// <summary>Modules compiled with the host: referenced assemblies that carry a manifest.</summary>
    public void AddBuiltin(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
        {
            var manifestType = FindManifestType(assembly);
            if (manifestType is null) continue;
            _modules.Add(Describe(assembly, manifestType, ModuleSource.Builtin, path: null));
        }
    }

    /// <summary>The host's referenced project assemblies (modules and themes).</summary>
    public static IEnumerable<Assembly> ReferencedProjectAssemblies()
    {
        var context = DependencyContext.Default;
        if (context is null) yield break;
        foreach (var library in context.RuntimeLibraries.Where(l => l.Type == "project"))
        {
            Assembly assembly;
            try { assembly = Assembly.Load(new AssemblyName(library.Name)); }
            catch (FileNotFoundException) { continue; }
            yield return assembly;
        }
    }

    /// <summary>Loads every <c>plugins/&lt;ModuleId&gt;/&lt;ModuleId&gt;.dll</c>; a plugin that cannot load is recorded, not thrown.</summary>
    public void AddPlugins(string pluginsPath)
    {
        if (!Directory.Exists(pluginsPath)) return;
        foreach (var folder in Directory.GetDirectories(pluginsPath).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(folder);
            var dll = Path.Combine(folder, id + ".dll");
            if (!File.Exists(dll))
            {
                _modules.Add(Failed(id, folder, ModuleStatus.Failed, $"{id}.dll was not found in {folder}."));
                continue;
            }
            try
            {
                var context = new PluginLoadContext(dll);
                var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(dll));
                var manifestType = FindManifestType(assembly);
                _modules.Add(manifestType is null
                    ? Failed(id, folder, ModuleStatus.Failed, $"{id}.dll has no class implementing IModuleManifestProvider.")
                    : Describe(assembly, manifestType, ModuleSource.Plugin, folder));
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or ReflectionTypeLoadException or TypeLoadException or FileNotFoundException or MissingMethodException)
            {
                _modules.Add(Failed(id, folder, ModuleStatus.Failed, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }
        ValidateDependencies();
    }

    /// <summary>A module whose features depend on features no loaded module provides is marked failed.</summary>
    private void ValidateDependencies()
    {
        bool changed;
        do
        {
            changed = false;
            var known = Features.Select(x => x.Feature.Id).ToHashSet();
            foreach (var module in _modules.Where(m => m.IsLoaded && m.Source == ModuleSource.Plugin).ToList())
            {
                var missing = module.Features.SelectMany(f => f.Dependencies).Where(d => !known.Contains(d)).Distinct().ToList();
                if (missing.Count == 0) continue;
                _modules[_modules.IndexOf(module)] = Failed(module.Id, module.Path, ModuleStatus.Incompatible,
                    $"depends on missing feature(s): {string.Join(", ", missing)}", module.Manifest);
                changed = true;
            }
        } while (changed);
    }

    private ModuleDescriptor Describe(Assembly assembly, Type manifestType, ModuleSource source, string? path)
    {
        ModuleManifest manifest;
        Type[] types;
        try
        {
            manifest = ((IModuleManifestProvider)Activator.CreateInstance(manifestType)!).Manifest;
            types = assembly.GetTypes();
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException or FileLoadException or TargetInvocationException)
        {
            return Failed(assembly.GetName().Name!, path, ModuleStatus.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
        var incompatible = HostApiRange.Check(manifest.HostApiRange, HostApi.Current);
        if (incompatible is not null)
            return Failed(manifest.Id, path, ModuleStatus.Incompatible, incompatible, manifest, source);
        if (_modules.Any(m => m.Id == manifest.Id && m.IsLoaded))
            return Failed(manifest.Id, path, ModuleStatus.Failed, $"a module with id {manifest.Id} is already loaded.", manifest, source);
        var startupType = types.FirstOrDefault(t => t.IsSubclassOf(typeof(ModuleStartup)) && !t.IsAbstract);
        return new ModuleDescriptor
        {
            Id = manifest.Id,
            Manifest = manifest,
            Assembly = assembly,
            Startup = startupType is null ? null : (ModuleStartup)Activator.CreateInstance(startupType)!,
            Source = source,
            Status = ModuleStatus.Loaded,
            Path = path,
        };
    }

    private static ModuleDescriptor Failed(string id, string? path, ModuleStatus status, string error, ModuleManifest? manifest = null, ModuleSource source = ModuleSource.Plugin) =>
        new() { Id = id, Path = path, Status = status, Error = error, Manifest = manifest, Source = source };

    private static Type? FindManifestType(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes().FirstOrDefault(t => typeof(IModuleManifestProvider).IsAssignableFrom(t) && !t.IsAbstract);
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException or FileLoadException)
        {
            return null;
        }
    }
}
