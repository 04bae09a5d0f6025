using System.Reflection;
using System.Runtime.Loader;

namespace Workbench.Platform.Modules;

/// <summary>
/// One load context per plugin. Assemblies the host already has (the abstractions, ASP.NET Core, EF Core, …)
/// are shared with the host so that types match; everything else comes from the plugin's own folder.
/// </summary>
public sealed class PluginLoadContext(string mainAssemblyPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName name)
    {
        if (IsSharedWithHost(name))
        {
            try { return Default.LoadFromAssemblyName(new AssemblyName(name.Name!)); }
            catch (FileNotFoundException) { /* not a host assembly after all: load the plugin's copy */ }
        }
        var path = _resolver.ResolveAssemblyToPath(name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    /// <summary>Matched by simple name: a plugin built against a newer patch of a shared assembly still binds to the host's.</summary>
    private static bool IsSharedWithHost(AssemblyName name) =>
        Default.Assemblies.Any(a => a.GetName().Name == name.Name) ||
        name.Name is { } n && (n.StartsWith("Workbench.", StringComparison.Ordinal) || n.StartsWith("Microsoft.", StringComparison.Ordinal) ||
                               n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard" or "mscorlib");
}
