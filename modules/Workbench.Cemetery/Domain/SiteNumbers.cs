using System.Text.RegularExpressions;

namespace Workbench.Cemetery.Domain;

/// <summary>
/// Site numbers of the shape <c>{section}{row}-{place}</c> (<c>1A-1</c>: section 1, row A, place 1), as old plans
/// number them, and ranges of them: <c>1A-1 … 3C-6</c> is every section 1–3, row A–C, place 1–6.
/// </summary>
public static partial class SiteNumbers
{
    public const int MaxRange = 5000;

    public sealed record Parsed(int Section, string Row, int Place)
    {
        public override string ToString() => $"{Section}{Row}-{Place}";
    }

    [GeneratedRegex(@"^\s*(\d{1,4})([A-Za-z]{1,2})-(\d{1,5})\s*$")]
    private static partial Regex Shape();

    public static Parsed? Parse(string? number)
    {
        if (number is null || Shape().Match(number) is not { Success: true } m) return null;
        return new Parsed(int.Parse(m.Groups[1].Value), m.Groups[2].Value.ToUpperInvariant(), int.Parse(m.Groups[3].Value));
    }

    /// <summary>Every number between <paramref name="from"/> and <paramref name="to"/> (inclusive), or the reason it is not a range.</summary>
    public static (IReadOnlyList<Parsed> Numbers, string? Problem) Range(string? from, string? to)
    {
        if (Parse(from) is not { } a) return ([], $"\"{from}\" nav kapavietas numurs formā 1A-1.");
        if (Parse(to) is not { } b) return ([], $"\"{to}\" nav kapavietas numurs formā 1A-1.");
        if (a.Row.Length != b.Row.Length) return ([], "Rindu apzīmējumiem jābūt vienāda garuma.");
        if (a.Section > b.Section || string.CompareOrdinal(a.Row, b.Row) > 0 || a.Place > b.Place)
            return ([], $"Diapazona sākumam jābūt pirms beigām katrā daļā: sektors, rinda, vieta ({from} … {to}: the start must come before the end in section, row and place).");
        var rows = RowsBetween(a.Row, b.Row).ToList();
        var count = (long)(b.Section - a.Section + 1) * rows.Count * (b.Place - a.Place + 1);
        if (count > MaxRange) return ([], $"Diapazonā ir {count} kapavietas; vienā reizē līdz {MaxRange}.");
        var numbers = new List<Parsed>();
        for (var s = a.Section; s <= b.Section; s++)
            foreach (var row in rows)
                for (var p = a.Place; p <= b.Place; p++) numbers.Add(new Parsed(s, row, p));
        return (numbers, null);
    }

    private static IEnumerable<string> RowsBetween(string from, string to)
    {
        var current = from.ToCharArray();
        while (true)
        {
            var row = new string(current);
            yield return row;
            if (row == to) yield break;
            var i = current.Length - 1;
            while (i >= 0 && current[i] == 'Z') current[i--] = 'A';
            if (i < 0) yield break;
            current[i]++;
        }
    }
}
