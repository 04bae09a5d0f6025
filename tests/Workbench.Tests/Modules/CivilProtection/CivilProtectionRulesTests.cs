using Workbench.CivilProtection.Domain;

namespace Workbench.Tests.Modules.CivilProtection;

/// <summary>The rules without a host: polygons, Latvia's bounding box, field-by-field validation.</summary>
public sealed class CivilProtectionRulesTests
{
    private static readonly HashSet<string> Codes = ["transport.bus.50", "energy.generator.20"];
    private static readonly Guid Shelter = Guid.NewGuid();

    private static List<GeoPoint?> Ring(params (double Lat, double Lon)[] points) => [.. points.Select(p => (GeoPoint?)new GeoPoint(p.Lat, p.Lon))];

    private static readonly List<GeoPoint?> Square = Ring((56.93, 24.16), (56.93, 24.19), (56.91, 24.19), (56.91, 24.16), (56.93, 24.16));

    private static ScenarioInput Scenario(List<GeoPoint?>? polygon = null, List<RequirementInput?>? requirements = null, List<RouteInput?>? routes = null, bool confirm = false) =>
        new("Plūdi", ScenarioType.Flood, null, null, [new AreaInput("Ķengarags", 3200, polygon ?? Square)],
            requirements ?? [new RequirementInput("transport.bus.50", 6)], [], [new AlertingInput("Dežurants", "VUGD", "Operatīvā vadība", "+371 1", null)],
            routes ?? [new RouteInput("Uz skolu", "Ķengarags", Shelter, 100, Ring((56.92, 24.18), (56.923, 24.184)))], confirm);

    private static ResourceInput Resource(string type = "transport.bus.50", int quantity = 1, double lat = 56.95, double lon = 24.11, bool confirm = false) =>
        new("Autobuss", type, quantity, OwnerKind.MunicipalUnit, "Rīgas satiksme", "Andris", null, "andris@riga.lv", null, lat, lon, null, null, null, confirm);

    [Fact]
    public void A_valid_scenario_and_resource_pass()
    {
        Assert.Empty(Validation.Check(Scenario(), Codes, new HashSet<Guid> { Shelter }));
        Assert.Empty(Validation.Check(Resource(), Codes));
    }

    [Fact]
    public void A_polygon_that_is_not_closed_or_crosses_itself_is_refused_naming_the_field()
    {
        var open = Validation.Check(Scenario(Ring((56.93, 24.16), (56.93, 24.19), (56.91, 24.19), (56.91, 24.16))), Codes, new HashSet<Guid> { Shelter });
        Assert.Contains("nav noslēgts", Assert.Single(open["areas[0].polygon"]));
        // A bow-tie: the second and fourth edges cross.
        var bowTie = Validation.Check(Scenario(Ring((56.93, 24.16), (56.93, 24.19), (56.91, 24.16), (56.91, 24.19), (56.93, 24.16))), Codes, new HashSet<Guid> { Shelter });
        Assert.Contains("malas krustojas", Assert.Single(bowTie["areas[0].polygon"]));
        Assert.True(Geometry.SelfIntersects([new(0, 0), new(0, 2), new(2, 0), new(2, 2), new(0, 0)]));
        Assert.False(Geometry.SelfIntersects([new(0, 0), new(0, 2), new(2, 2), new(2, 0), new(0, 0)]));
        var tooShort = Validation.Check(Scenario(Ring((56.93, 24.16), (56.93, 24.19), (56.93, 24.16))), Codes, new HashSet<Guid> { Shelter });
        Assert.Contains("vismaz četrus punktus", Assert.Single(tooShort["areas[0].polygon"]));
    }

    [Fact]
    public void Coordinates_outside_Latvia_need_confirmation()
    {
        var stockholm = Ring((59.33, 18.06), (59.33, 18.10), (59.30, 18.10), (59.33, 18.06));
        var unconfirmed = Validation.Check(Scenario(stockholm), Codes, new HashSet<Guid> { Shelter });
        Assert.Contains("confirmOutsideLatvia", Assert.Single(unconfirmed["areas[0].polygon"]));
        Assert.False(Validation.Check(Scenario(stockholm, confirm: true), Codes, new HashSet<Guid> { Shelter }).ContainsKey("areas[0].polygon"));
        Assert.Contains("confirmOutsideLatvia", Assert.Single(Validation.Check(Resource(lat: 54.68, lon: 25.28), Codes)["latitude"]));
        Assert.Empty(Validation.Check(Resource(lat: 54.68, lon: 25.28, confirm: true), Codes));
        Assert.Single(Validation.Check(Resource(lat: 91, lon: 24), Codes)["latitude"]);
    }

    [Fact]
    public void A_negative_quantity_an_unknown_type_and_a_route_with_one_waypoint_are_refused_naming_the_field()
    {
        Assert.Contains("negatīv", Assert.Single(Validation.Check(Resource(quantity: -1), Codes)["quantity"]));
        Assert.Contains("Nav resursa tipa", Assert.Single(Validation.Check(Resource(type: "transport.zeppelin"), Codes)["type"]));
        var scenario = Validation.Check(Scenario(requirements: [new RequirementInput("transport.zeppelin", 2), new RequirementInput("energy.generator.20", -3)],
            routes: [new RouteInput("Īss", "Ķengarags", Shelter, 10, Ring((56.92, 24.18)))]), Codes, new HashSet<Guid> { Shelter });
        Assert.Contains("Nav resursa tipa", Assert.Single(scenario["requirements[0].type"]));
        Assert.Contains("negatīv", Assert.Single(scenario["requirements[1].quantity"]));
        Assert.Contains("vismaz divus punktus", Assert.Single(scenario["routes[0].waypoints"]));
        var elsewhere = Validation.Check(Scenario(routes: [new RouteInput("Nekur", "Mežaparks", Guid.NewGuid(), 10, Ring((56.92, 24.18), (56.93, 24.18)))]), Codes, new HashSet<Guid> { Shelter });
        Assert.Contains("nav teritorijas", Assert.Single(elsewhere["routes[0].fromArea"]));
        Assert.Contains("Nav tādas patvertnes", Assert.Single(elsewhere["routes[0].toShelterId"]));
    }

    [Fact]
    public void Missing_lists_and_null_entries_are_refused_not_thrown()
    {
        var empty = new ScenarioInput(null, null, null, null, [null], [null], [null], [null], [null]);
        var errors = Validation.Check(empty, Codes, new HashSet<Guid>());
        foreach (var field in new[] { "name", "type", "areas[0]", "requirements[0]", "responsible[0]", "alertingList[0]", "routes[0]" })
            Assert.True(errors.ContainsKey(field), field);
        var resource = Validation.Check(new ResourceInput(null, null, null, null, null, null, null, null, null, 56.9, null, null, null, null), Codes);
        foreach (var field in new[] { "name", "type", "quantity", "ownerKind", "owner", "contactName", "latitude" })
            Assert.True(resource.ContainsKey(field), field);
    }

    [Fact]
    public void A_check_is_overdue_after_its_interval_and_when_never_done()
    {
        var today = new DateOnly(2026, 12, 7);
        Resource Checked(DateOnly? last)
        {
            var resource = new Resource();
            resource.SetCheck(last, 180);
            return resource;
        }
        Assert.True(Checked(null).CheckOverdue(today));
        Assert.True(Checked(new(2026, 6, 1)).CheckOverdue(today));
        Assert.False(Checked(new(2026, 6, 10)).CheckOverdue(today));
        Assert.Equal(new DateOnly(2026, 12, 7), Checked(new(2026, 6, 10)).NextCheck);
    }
}
