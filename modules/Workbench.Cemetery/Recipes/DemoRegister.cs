using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Recipes;

/// <summary>
/// A believable register generated from a seed (the same seed, the same register): Latvian given and family names in
/// their masculine and feminine forms, life dates, burials spread over the decades into the sites of a range with
/// family sites holding several, use rights of which some end soon, and a few deliberate data-quality problems
/// (missing birth dates, a probable duplicate person, sites without a scheme position, use rights expired with no action).
/// </summary>
public sealed class DemoRegister
{
    private static readonly string[] MenGiven = ["Jānis", "Andris", "Pēteris", "Juris", "Aivars", "Māris", "Valdis", "Guntis", "Edgars", "Kārlis", "Arvīds", "Imants", "Ojārs", "Voldemārs", "Roberts", "Ēriks", "Gunārs", "Uldis", "Aleksandrs", "Indulis"];
    private static readonly string[] WomenGiven = ["Anna", "Marija", "Inese", "Līga", "Ilze", "Dace", "Ruta", "Skaidrīte", "Aina", "Velta", "Biruta", "Ārija", "Zenta", "Lūcija", "Elza", "Milda", "Austra", "Gaida", "Vija", "Ņina"];

    /// <summary>Family names as (masculine, feminine).</summary>
    private static readonly (string M, string F)[] Families =
    [
        ("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozoliņš", "Ozoliņa"), ("Jansons", "Jansone"), ("Ozols", "Ozola"), ("Liepiņš", "Liepiņa"),
        ("Krūmiņš", "Krūmiņa"), ("Balodis", "Balode"), ("Eglītis", "Eglīte"), ("Zariņš", "Zariņa"), ("Pētersons", "Pētersone"), ("Vītols", "Vītola"),
        ("Kļaviņš", "Kļaviņa"), ("Kārkliņš", "Kārkliņa"), ("Vanags", "Vanaga"), ("Lācis", "Lāce"), ("Zvaigzne", "Zvaigzne"), ("Siliņš", "Siliņa"),
        ("Priede", "Priede"), ("Grīnbergs", "Grīnberga"), ("Ābols", "Ābola"), ("Strautiņš", "Strautiņa"), ("Sproģis", "Sproģe"), ("Dūmiņš", "Dūmiņa"),
    ];

    public sealed record DemoBurial(string SiteNumber, BurialInput Burial);

    public sealed record DemoUseRight(string SiteNumber, UseRightInput UseRight);

    public List<DemoBurial> Burials { get; } = [];
    public List<DemoUseRight> UseRights { get; } = [];

    /// <param name="sites">The site numbers with their type and capacity, in scheme order.</param>
    public static DemoRegister Generate(int seed, IReadOnlyList<(string Number, SiteType Type, int Capacity)> sites, int burials, DateOnly today, int reuseYears)
    {
        var random = new Random(seed);
        var demo = new DemoRegister();
        var holds = sites.ToDictionary(s => s.Number, _ => new List<DateOnly>());
        var families = sites.ToDictionary(s => s.Number, _ => Families[random.Next(Families.Length)]);
        var order = sites.Select(s => s.Number).ToList();
        var attempts = 0;
        while (demo.Burials.Count < burials && attempts++ < burials * 20)
        {
            var site = sites[random.Next(sites.Count)];
            var taken = holds[site.Number];
            // Burials from 1950 up to 40 days ago; the site's family buries there again years later.
            var burialDate = new DateOnly(1950, 1, 1).AddDays(random.Next(today.DayNumber - 40 - new DateOnly(1950, 1, 1).DayNumber));
            if (taken.Count(d => d.AddYears(reuseYears) > burialDate) >= site.Capacity || taken.Any(d => d >= burialDate)) continue;
            var woman = random.Next(2) == 0;
            var (m, f) = families[site.Number];
            var age = 45 + random.Next(50);
            var death = burialDate.AddDays(-2 - random.Next(6));
            var birth = death.AddYears(-age).AddDays(-random.Next(365));
            var missingBirth = random.Next(40) == 0;
            demo.Burials.Add(new DemoBurial(site.Number, new BurialInput(
                Guid.Empty, woman ? WomenGiven[random.Next(WomenGiven.Length)] : MenGiven[random.Next(MenGiven.Length)], woman ? f : m, burialDate,
                random.Next(6) == 0 ? BurialType.Urn : BurialType.Coffin, BirthDate: missingBirth ? null : birth, DeathDate: death, DepthM: 1.8,
                DoNotPublish: random.Next(50) == 0)));
            taken.Add(burialDate);
        }
        // A probable duplicate: the same person recorded twice (as handwritten books have it) — in an empty site, or as an
        // urn (which takes no coffin place) in another site.
        if (demo.Burials.FirstOrDefault() is { } first)
        {
            var empty = sites.FirstOrDefault(s => holds[s.Number].Count == 0 && s.Type is SiteType.Single or SiteType.Family);
            var other = sites.FirstOrDefault(s => s.Number != first.SiteNumber && s.Type is SiteType.Single or SiteType.Family);
            if ((empty.Number ?? other.Number) is { } number)
            {
                demo.Burials.Add(new DemoBurial(number, empty.Number is null ? first.Burial with { Type = BurialType.Urn } : first.Burial));
                holds[number].Add(first.Burial.BurialDate!.Value);
            }
        }
        demo.Burials.Sort((a, b) => a.Burial.BurialDate!.Value.CompareTo(b.Burial.BurialDate!.Value));

        // Use rights for occupied sites: most run for years, some end within 60 days, a few ended last year with no action.
        var index = 0;
        foreach (var number in order.Where(n => holds[n].Count > 0))
        {
            var (m, f) = families[number];
            var kind = index++ % 10;
            var start = today.AddYears(-1 - random.Next(20));
            var end = kind switch { 0 => today.AddDays(5 + random.Next(55)), 1 when index % 3 == 0 => today.AddDays(-30 - random.Next(300)), _ => today.AddYears(1 + random.Next(15)) };
            if (end <= start) start = end.AddYears(-10);
            var holder = random.Next(2) == 0 ? $"{MenGiven[random.Next(MenGiven.Length)]} {m}" : $"{WomenGiven[random.Next(WomenGiven.Length)]} {f}";
            demo.UseRights.Add(new DemoUseRight(number, new UseRightInput(
                Guid.Empty, holder, start, end, HolderEmail: kind == 0 ? $"turetajs{index}@example.lv" : null, ContractNumber: $"KL-{start.Year}/{index}",
                Fees: [new FeeInput("Kapavietas uzturēšanas maksa", 15 + random.Next(4) * 5, start.AddMonths(1), random.Next(5) == 0 ? null : start.AddMonths(1).AddDays(-random.Next(20)))])));
        }
        return demo;
    }
}
