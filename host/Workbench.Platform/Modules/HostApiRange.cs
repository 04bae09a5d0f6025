namespace Workbench.Platform.Modules;

/// <summary>A NuGet-style version interval: <c>[1.0,2.0)</c>, <c>[1.0,]</c>, or a bare minimum <c>1.0</c>.</summary>
public static class HostApiRange
{
    public static bool TryParse(string text, out Func<Version, bool> contains, out string? error)
    {
        contains = _ => false;
        error = null;
        text = text.Trim();
        if (Version.TryParse(text, out var minimumOnly))
        {
            contains = v => v >= minimumOnly;
            return true;
        }
        if (text.Length < 3 || (text[0] != '[' && text[0] != '(') || (text[^1] != ']' && text[^1] != ')'))
        {
            error = $"'{text}' is not a version range such as [1.0,2.0).";
            return false;
        }
        var parts = text[1..^1].Split(',');
        if (parts.Length != 2)
        {
            error = $"'{text}' needs exactly one comma.";
            return false;
        }
        Version? min = null, max = null;
        if (parts[0].Trim().Length > 0 && !Version.TryParse(parts[0].Trim(), out min) ||
            parts[1].Trim().Length > 0 && !Version.TryParse(parts[1].Trim(), out max))
        {
            error = $"'{text}' contains an invalid version.";
            return false;
        }
        bool minInclusive = text[0] == '[', maxInclusive = text[^1] == ']';
        contains = v =>
            (min is null || (minInclusive ? v >= min : v > min)) &&
            (max is null || (maxInclusive ? v <= max : v < max));
        return true;
    }

    public static string? Check(string range, Version hostApi)
    {
        if (!TryParse(range, out var contains, out var error)) return error;
        return contains(hostApi) ? null : $"needs host API {range}, this host offers {hostApi.ToString(2)}";
    }
}
