namespace Workbench.Cemetery.Domain;

/// <summary>Site numbers in the order people read them: <c>1A-2</c> before <c>1A-10</c>, <c>2A-1</c> before <c>10A-1</c>.</summary>
public sealed class SiteNumberOrder : IComparer<string?>
{
    public static readonly SiteNumberOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var (a, b) = (SiteNumbers.Parse(x), SiteNumbers.Parse(y));
        if (a is null || b is null) return a is null && b is null ? string.Compare(x, y, StringComparison.Ordinal) : a is null ? 1 : -1;
        var bySection = a.Section.CompareTo(b.Section);
        if (bySection != 0) return bySection;
        var byRow = string.CompareOrdinal(a.Row, b.Row);
        return byRow != 0 ? byRow : a.Place.CompareTo(b.Place);
    }
}
