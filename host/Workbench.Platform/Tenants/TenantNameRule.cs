using System.Text.RegularExpressions;

namespace Workbench.Platform.Tenants;

/// <summary>What a tenant may be called: it is a path segment and a folder name.</summary>
public static partial class TenantNameRule
{
    /// <summary>Names that would collide with the host's own paths.</summary>
    private static readonly HashSet<string> Reserved = ["health", "api", "admin", "error", "culture", "signin", "signout", "plugins", "recipes", "openapi"];

    /// <summary>Null when <paramref name="name"/> is a valid tenant name, else why not.</summary>
    public static string? Validate(string? name) =>
        name is null || !NamePattern().IsMatch(name)
            ? $"Nederīgs pašvaldības nosaukums \"{name}\": atļauti mazie burti a–z, cipari un '-', 2–40 zīmes."
            : Reserved.Contains(name) ? $"Nosaukums \"{name}\" ir rezervēts." : null;

    [GeneratedRegex("^[a-z0-9-]{2,40}$")]
    private static partial Regex NamePattern();
}
