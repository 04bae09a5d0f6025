using System.Text.RegularExpressions;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Hosting;

/// <summary>
/// The folders of <c>host/Workbench.Platform</c> depend on each other in one direction only (README, "Dependency
/// direction"): a folder that another folder uses never uses it back, directly or through others.
/// </summary>
public sealed partial class PlatformDependencyTests
{
    private static string Platform => Path.Combine(Repository.Root, "host", "Workbench.Platform");

    [Fact]
    public void Platform_folders_do_not_depend_on_each_other_in_a_loop()
    {
        var graph = PlatformFolders.Read(Platform);
        // The reading itself works: the pipeline uses the tenants, the recipes use the features.
        Assert.Contains("Tenants", graph.Edges["Hosting"].Keys);
        Assert.Contains("Features", graph.Edges["Recipes"].Keys);
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, "Folders of Workbench.Platform that depend on each other in a loop:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void A_loop_is_named_with_the_files_that_make_it()
    {
        var graph = new PlatformFolders(new()
        {
            ["Tenants"] = new() { ["Features"] = ["Tenants/TenantSetup.cs"], ["Data"] = ["Tenants/TenantRegistry.cs"] },
            ["Features"] = new() { ["Tenants"] = ["Features/FeatureManager.cs"] },
            ["Data"] = new(),
        });
        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal("Features → Tenants → Features (Features → Tenants: Features/FeatureManager.cs; Tenants → Features: Tenants/TenantSetup.cs)", cycle);
    }

    [Fact]
    public void Qualified_names_and_usings_count_as_references()
    {
        var folders = new HashSet<string>(["Data", "Security", "Jobs"]);
        var types = new Dictionary<string, HashSet<string>> { ["Security"] = ["SharedKeyRing"], ["Jobs"] = ["WorkbenchJobs"], ["Data"] = [] };
        const string source = """
            using Workbench.Platform.Data;
            // Security.SharedKeyRing in a plain comment is not a reference.
            /// <see cref="Jobs.WorkbenchJobs"/>
            var x = Security.SharedKeyRing.Import(options.Security.Key);
            """;
        Assert.Equal(["Data", "Jobs", "Security"], PlatformFolders.References(source, folders, types).Order());
    }
}

/// <summary>Which folder of the platform uses which, read from the sources: usings, qualified names, and types of the root namespace.</summary>
internal sealed partial class PlatformFolders(Dictionary<string, Dictionary<string, List<string>>> edges)
{
    private const string Root = "(root)";

    /// <summary>Folder → folder it uses → the files (relative paths) that use it.</summary>
    public Dictionary<string, Dictionary<string, List<string>>> Edges { get; } = edges;

    public static PlatformFolders Read(string platform)
    {
        var files = Directory.GetFiles(platform, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(platform, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => (Folder: f.Contains('/') ? f[..f.IndexOf('/')] : Root, Path: f, Text: File.ReadAllText(Path.Combine(platform, f))))
            .ToList();
        var folders = files.Select(f => f.Folder).ToHashSet();
        var types = folders.ToDictionary(f => f, f => files.Where(x => x.Folder == f)
            .SelectMany(x => TypeDeclaration().Matches(x.Text).Select(m => m.Groups[1].Value)).ToHashSet());
        var edges = folders.ToDictionary(f => f, _ => new Dictionary<string, List<string>>());
        foreach (var file in files)
            foreach (var used in References(file.Text, folders, types).Where(u => u != file.Folder))
                (edges[file.Folder].TryGetValue(used, out var list) ? list : edges[file.Folder][used] = []).Add(file.Path);
        return new PlatformFolders(edges);
    }

    /// <summary>
    /// The folders a source file refers to: <c>Workbench.Platform.X</c> (usings, fully qualified names), <c>X.Type</c>
    /// (resolved through the enclosing <c>Workbench.Platform</c> namespace), and the root namespace's types by name
    /// (visible everywhere without a using). Plain comments do not count; documentation references do.
    /// </summary>
    public static IEnumerable<string> References(string source, IReadOnlySet<string> folders, IReadOnlyDictionary<string, HashSet<string>> types)
    {
        var code = PlainComment().Replace(source, "");
        var found = new HashSet<string>();
        foreach (Match m in FullyQualified().Matches(code))
            if (folders.Contains(m.Groups[1].Value)) found.Add(m.Groups[1].Value);
        foreach (Match m in Qualified().Matches(code))
            if (types.TryGetValue(m.Groups[1].Value, out var declared) && declared.Contains(m.Groups[2].Value)) found.Add(m.Groups[1].Value);
        if (types.TryGetValue(Root, out var rootTypes) && rootTypes.Any(t => Regex.IsMatch(code, $@"(?<![\w.]){t}\b"))) found.Add(Root);
        return found;
    }

    /// <summary>One line per group of folders in a loop: a shortest loop through them and the files behind each step.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var result = new List<string>();
        foreach (var component in StronglyConnected().Where(c => c.Count > 1 || Edges[c[0]].ContainsKey(c[0])))
        {
            var start = component.Min(StringComparer.Ordinal)!;
            var loop = ShortestLoop(start, component.ToHashSet());
            var steps = loop.Zip(loop.Skip(1), (a, b) => $"{a} → {b}: {string.Join(", ", Edges[a][b].Order(StringComparer.Ordinal))}");
            result.Add($"{string.Join(" → ", loop)} ({string.Join("; ", steps)})" +
                       (component.Count > loop.Count - 1 ? $"; the whole loop group: {string.Join(", ", component.Order(StringComparer.Ordinal))}" : ""));
        }
        return result;
    }

    private List<string> ShortestLoop(string start, HashSet<string> within)
    {
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
            foreach (var next in Edges[node].Keys.Where(within.Contains).Order(StringComparer.Ordinal))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = previous[at]) path.Insert(0, at);
                    path.Insert(0, start);
                    return path;
                }
                if (previous.TryAdd(next, node)) queue.Enqueue(next);
            }
        throw new InvalidOperationException($"{start} is not on a loop");
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in Edges[node].Keys.Where(Edges.ContainsKey))
            {
                if (!index.ContainsKey(next)) { Visit(next); low[node] = Math.Min(low[node], low[next]); }
                else if (stack.Contains(next)) low[node] = Math.Min(low[node], index[next]);
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string popped;
            do { popped = stack.Pop(); component.Add(popped); } while (popped != node);
            components.Add(component);
        }
        foreach (var node in Edges.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(node)) Visit(node);
        return components;
    }

    [GeneratedRegex(@"\b(?:class|record|interface|enum|struct)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"(?<!/)//(?!/).*")]
    private static partial Regex PlainComment();

    [GeneratedRegex(@"\bWorkbench\.Platform\.([A-Z]\w*)")]
    private static partial Regex FullyQualified();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex Qualified();
}
