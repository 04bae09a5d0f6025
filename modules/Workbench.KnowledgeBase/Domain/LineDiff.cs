namespace Workbench.KnowledgeBase.Domain;

/// <summary>A line diff (longest common subsequence) for the version comparison view.</summary>
public static class LineDiff
{
    public enum Kind { Same, Added, Removed }

    public static IReadOnlyList<(Kind Kind, string Line)> Compare(string before, string after)
    {
        var a = before.Replace("\r\n", "\n").Split('\n');
        var b = after.Replace("\r\n", "\n").Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var result = new List<(Kind, string)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { result.Add((Kind.Same, a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) result.Add((Kind.Removed, a[x++]));
            else result.Add((Kind.Added, b[y++]));
        }
        while (x < a.Length) result.Add((Kind.Removed, a[x++]));
        while (y < b.Length) result.Add((Kind.Added, b[y++]));
        return result;
    }
}
