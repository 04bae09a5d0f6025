namespace Workbench.Tests.Infrastructure;

/// <summary>Paths of the checkout the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Recipes => Path.Combine(Root, "recipes");

    /// <summary>The operators' files: systemd unit and nginx site.</summary>
    public static string Deploy => Path.Combine(Root, "deploy");

    /// <summary>The configuration the tests were built with (the host and the abstractions were built with it too).</summary>
    public static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>The host executable built with the same configuration as the tests (for CLI and browser tests).</summary>
    public static string HostDll => Path.Combine(Root, "host", "Workbench.Host", "bin", Configuration, "net10.0", "Workbench.Host.dll");

    public static string NewTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Workbench.sln"))) return dir.FullName;
        throw new InvalidOperationException("Workbench.sln not found above " + AppContext.BaseDirectory);
    }
}
