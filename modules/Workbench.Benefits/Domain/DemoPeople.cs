namespace Workbench.Benefits.Domain;

/// <summary>
/// Fictitious people for demos and benchmarks: old-format personal codes with valid check digits and birth dates
/// (seeded, so a recipe run again makes the same people), each with the status records the state might send for them.
/// </summary>
public static class DemoPeople
{
    public static IEnumerable<string> Codes(int count, int seed)
    {
        var random = new Random(seed);
        var made = new HashSet<string>(StringComparer.Ordinal);
        while (made.Count < count)
        {
            var birth = new DateOnly(1935, 1, 1).AddDays(random.Next(0, 80 * 365));
            var first = $"{birth:ddMMyy}{(birth.Year >= 2000 ? 2 : 1)}{random.Next(0, 1000):000}";
            if (PersonalCodes.CheckDigit(first) is not { } check || !made.Add(first + check)) continue;
            yield return first + check;
        }
    }

    /// <summary>Residence for everyone; seniors, pupils and students by age; large families, disability and low income for some.</summary>
    public static List<StatusRecordInput?> StatusRecords(int count, int seed, DateOnly today)
    {
        var random = new Random(seed + 1);
        var (from, to) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year + 1, 12, 31));
        var records = new List<StatusRecordInput?>();
        foreach (var code in Codes(count, seed))
        {
            PersonalCodes.Check(code, out _, out var birth);
            var age = GroupRule.AgeOn(birth!.Value, today);
            StatusRecordInput Record(string group, string source) => new(code, group, from, to, source, DeclaredResidence: true);
            records.Add(Record("iedzivotaji", "PMLP"));
            if (age >= 65) records.Add(Record("seniori", "PMLP"));
            if (age is >= 5 and <= 20) records.Add(Record("skoleni", "VIIS"));
            if (age is >= 19 and <= 26 && random.Next(3) == 0) records.Add(Record("studenti", "VIIS"));
            if (random.Next(7) == 0) records.Add(Record("daudzbernu", "VSAA"));
            if (random.Next(20) == 0) records.Add(Record("invaliditate", "VDEAVK"));
            if (random.Next(25) == 0) records.Add(Record(random.Next(2) == 0 ? "trucigi" : "maznodrosinati", "SOCIALAIS_DIENESTS"));
        }
        return records;
    }
}
