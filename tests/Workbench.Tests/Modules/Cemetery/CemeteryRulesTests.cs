using Workbench.Cemetery.Domain;
using Workbench.Cemetery.Recipes;
using CemeteryRecord = Workbench.Cemetery.Domain.Cemetery;

namespace Workbench.Tests.Modules.Cemetery;

/// <summary>The register's rules on their own: capacity, reuse period, status and types, slots, ranges, outlines and name matching.</summary>
public sealed class CemeteryRulesTests
{
    private static readonly DateOnly Day = new(2026, 12, 7);

    private static CemeteryRecord Open(int reuseYears = 20, bool urnsIntoOccupied = true) =>
        new() { Name = "Meža kapi", Status = CemeteryStatus.Open, ReuseYears = reuseYears, UrnsIntoOccupied = urnsIntoOccupied };

    private static GraveSite Site(SiteType type = SiteType.Single, int capacity = 1) => new() { Number = "1A-1", Type = type, Capacity = capacity };

    private static Burial Buried(int year, BurialType type = BurialType.Coffin) => new() { BurialDate = new DateOnly(year, 6, 1), Type = type };

    [Fact]
    public void A_free_place_takes_a_coffin_and_a_full_site_refuses_it_naming_places_and_the_earliest_reuse_date()
    {
        Assert.Null(BurialRules.Refusal(Open(), Site(SiteType.Family, 2), [Buried(2015)], BurialType.Coffin, Day));
        var refusal = BurialRules.Refusal(Open(), Site(SiteType.Family, 2), [Buried(2015), Buried(2020)], BurialType.Coffin, Day);
        Assert.NotNull(refusal);
        Assert.Contains("2 no 2 vietām aizņemtas", refusal);
        Assert.Contains("01.06.2035", refusal);
    }

    [Fact]
    public void After_the_reuse_period_a_place_may_be_used_again_and_not_a_day_before()
    {
        var site = Site();
        Assert.Null(BurialRules.Refusal(Open(reuseYears: 20), site, [Buried(2000)], BurialType.Coffin, new DateOnly(2020, 6, 1)));
        Assert.NotNull(BurialRules.Refusal(Open(reuseYears: 20), site, [Buried(2000)], BurialType.Coffin, new DateOnly(2020, 5, 31)));
        Assert.NotNull(BurialRules.Refusal(Open(reuseYears: 30), site, [Buried(2000)], BurialType.Coffin, new DateOnly(2020, 6, 1)));
    }

    [Fact]
    public void Urns_go_into_an_occupied_site_only_where_the_cemetery_allows_it_and_never_beyond_an_urn_sites_capacity()
    {
        Assert.Null(BurialRules.Refusal(Open(urnsIntoOccupied: true), Site(), [Buried(2020)], BurialType.Urn, Day));
        Assert.Contains("urnas aizņemtās kapavietās nepievieno", BurialRules.Refusal(Open(urnsIntoOccupied: false), Site(), [Buried(2020)], BurialType.Urn, Day));
        var urnSite = Site(SiteType.Urn, 2);
        Assert.Null(BurialRules.Refusal(Open(), urnSite, [Buried(1990, BurialType.Urn)], BurialType.Urn, Day));
        Assert.Contains("2 no 2 urnu vietām", BurialRules.Refusal(Open(), urnSite, [Buried(1990, BurialType.Urn), Buried(1995, BurialType.Urn)], BurialType.Urn, Day));
        Assert.Contains("apbedī tikai urnas", BurialRules.Refusal(Open(), Site(SiteType.Columbarium, 2), [], BurialType.Coffin, Day));
    }

    [Fact]
    public void A_closed_cemetery_refuses_every_burial_a_partly_closed_one_takes_only_existing_family_sites_and_allowed_types_hold()
    {
        var closed = Open();
        closed.Status = CemeteryStatus.Closed;
        Assert.Contains("ir slēgta apbedīšanai", BurialRules.Refusal(closed, Site(SiteType.Family, 4), [Buried(2000)], BurialType.Urn, Day));
        var partly = Open();
        partly.Status = CemeteryStatus.PartlyClosed;
        Assert.Contains("ir daļēji slēgta", BurialRules.Refusal(partly, Site(SiteType.Family, 4), [], BurialType.Coffin, Day));
        Assert.Null(BurialRules.Refusal(partly, Site(SiteType.Family, 4), [Buried(2000)], BurialType.Coffin, Day));
        var urnsOnly = Open();
        urnsOnly.AllowsCoffins = false;
        Assert.Contains("apbedī tikai urnas", BurialRules.Refusal(urnsOnly, Site(), [], BurialType.Coffin, Day));
        var neglected = Site();
        neglected.State = SiteState.Neglected;
        Assert.Contains("atzīta par nekoptu", BurialRules.Refusal(Open(), neglected, [], BurialType.Coffin, Day));
    }

    [Fact]
    public void Slots_follow_the_cemeterys_day_and_a_time_off_the_grid_is_refused()
    {
        var cemetery = new CemeteryRecord { Name = "K", DayStart = new(9, 0), DayEnd = new(15, 0), SlotMinutes = 90 };
        Assert.Equal([new TimeOnly(9, 0), new(10, 30), new(12, 0), new(13, 30)], cemetery.Slots());
        Assert.Null(BurialRules.SlotRefusal(cemetery, new TimeOnly(12, 0)));
        Assert.Contains("09:00, 10:30, 12:00, 13:30", BurialRules.SlotRefusal(cemetery, new TimeOnly(11, 0)));
    }

    [Fact]
    public void A_range_creates_every_site_between_its_ends_and_refuses_backwards_or_malformed_ends()
    {
        var (numbers, problem) = SiteNumbers.Range("1A-1", "3C-6");
        Assert.Null(problem);
        Assert.Equal(3 * 3 * 6, numbers.Count);
        Assert.Equal("1A-1", numbers[0].ToString());
        Assert.Equal("3C-6", numbers[^1].ToString());
        Assert.Contains(numbers, n => n.ToString() == "2B-4");
        Assert.Equal(["1Y-1", "1Y-2", "1Z-1", "1Z-2"], SiteNumbers.Range("1Y-1", "1Z-2").Numbers.Select(n => n.ToString()));
        Assert.Contains("jābūt vienāda garuma", SiteNumbers.Range("1Y-1", "1AA-1").Problem);
        Assert.NotNull(SiteNumbers.Range("3A-1", "1A-1").Problem);
        Assert.NotNull(SiteNumbers.Range("A-1", "1A-1").Problem);
        Assert.Contains("vienā reizē līdz", SiteNumbers.Range("1A-1", "99Z-99").Problem);
        Assert.True(SiteNumberOrder.Instance.Compare("1A-2", "1A-10") < 0 && SiteNumberOrder.Instance.Compare("2A-1", "10A-1") < 0);
    }

    [Fact]
    public void An_outline_needs_three_points_inside_the_scheme_and_an_area()
    {
        Assert.Null(Polygons.Problem([[0, 0], [10, 0], [10, 10]], 100, 100));
        Assert.NotNull(Polygons.Problem([[0, 0], [10, 0]], 100, 100));
        Assert.Contains("ir ārpus shēmas", Polygons.Problem([[0, 0], [10, 0], [10, 101]], 100, 100));
        Assert.Contains("Kontūrai nav laukuma", Polygons.Problem([[0, 0], [5, 5], [10, 10]], 100, 100));
        Assert.NotNull(Polygons.Problem([[0, 0], [10, 0], [double.NaN, 3]], 100, 100));
        Assert.NotNull(Polygons.Problem([[0, 0], [10, 0], [1, 2, 3]], 100, 100));
    }

    [Theory]
    [InlineData("Bērziņš")]
    [InlineData("Berzins")]
    [InlineData("Bērziņa")]
    [InlineData("Bērziņu")]
    [InlineData("BERZINA")]
    public void Names_match_without_diacritics_and_across_inflection(string typed)
    {
        var stored = NameKeys.Padded("Jānis", "Bērziņš");
        Assert.True(NameKeys.Matches(stored, NameKeys.Of(typed)), $"{typed} → {string.Join(',', NameKeys.Of(typed))} vs {stored}");
        Assert.True(NameKeys.Matches(stored, NameKeys.Of($"Janis {typed}")));
        Assert.False(NameKeys.Matches(stored, NameKeys.Of($"Pēteris {typed}")));
        Assert.False(NameKeys.Matches(stored, NameKeys.Of("Kalniņš")));
        Assert.Equal(NameKeys.Family("Bērziņš"), NameKeys.Of(typed)[0]);
    }

    [Fact]
    public void The_burial_form_refuses_dates_out_of_order_or_in_the_future_and_a_malformed_personal_code()
    {
        var good = new BurialInput(Guid.NewGuid(), "Anna", "Ozola", new DateOnly(2026, 11, 20), BirthDate: new DateOnly(1940, 1, 2), DeathDate: new DateOnly(2026, 11, 15), PersonalCode: "020140-12345");
        Assert.True(CemeteryValidation.Validate(good, Day).IsValid);
        Assert.Contains("deathDate", CemeteryValidation.Validate(good with { DeathDate = new DateOnly(1939, 1, 1) }, Day).Keys);
        Assert.Contains("burialDate", CemeteryValidation.Validate(good with { BurialDate = new DateOnly(2026, 11, 10) }, Day).Keys);
        Assert.Contains("birthDate", CemeteryValidation.Validate(good with { BirthDate = Day.AddDays(1), DeathDate = null }, Day).Keys);
        Assert.Contains("personalCode", CemeteryValidation.Validate(good with { PersonalCode = "12345" }, Day).Keys);
        Assert.Contains("slotStart", CemeteryValidation.Validate(good with { BurialDate = Day.AddDays(3) }, Day).Keys);
        Assert.Contains("familyName", CemeteryValidation.Validate(good with { FamilyName = " " }, Day).Keys);
        Assert.True(CemeteryValidation.Validate(good with { FamilyName = null, GivenName = null, Unidentified = true }, Day).IsValid);
    }

    [Fact]
    public void The_demo_register_is_the_same_for_the_same_seed_and_keeps_the_rules()
    {
        var sites = Enumerable.Range(1, 60).Select(i => ($"1A-{i}", SiteType.Family, 3)).ToList();
        var a = DemoRegister.Generate(7, sites, 120, Day, 20);
        var b = DemoRegister.Generate(7, sites, 120, Day, 20);
        Assert.Equal(a.Burials.Select(x => (x.SiteNumber, x.Burial.FamilyName, x.Burial.BurialDate)), b.Burials.Select(x => (x.SiteNumber, x.Burial.FamilyName, x.Burial.BurialDate)));
        Assert.Equal(121, a.Burials.Count);
        Assert.All(a.Burials, x => Assert.True(CemeteryValidation.Validate(x.Burial, Day).IsValid));
        Assert.Contains(a.UseRights, u => u.UseRight.End >= Day && u.UseRight.End <= Day.AddDays(60));
        Assert.NotEqual(a.Burials.Select(x => x.Burial.FamilyName), DemoRegister.Generate(8, sites, 120, Day, 20).Burials.Select(x => x.Burial.FamilyName));
    }
}
