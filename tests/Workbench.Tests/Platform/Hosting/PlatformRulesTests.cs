using Workbench.Platform.Modules;
using Workbench.Platform.Recipes.Steps;
using Workbench.Platform.Tenants;

namespace Workbench.Tests.Platform.Hosting;

public sealed class PlatformRulesTests
{
    [Theory]
    [InlineData("[1.0,2.0)", "1.0", true)]
    [InlineData("[1.0,2.0)", "1.9", true)]
    [InlineData("[1.0,2.0)", "2.0", false)]
    [InlineData("(1.0,2.0]", "1.0", false)]
    [InlineData("(1.0,2.0]", "2.0", true)]
    [InlineData("[2.0,]", "1.0", false)]
    [InlineData("1.0", "3.1", true)]
    public void Host_api_ranges(string range, string version, bool compatible) =>
        Assert.Equal(compatible, HostApiRange.Check(range, Version.Parse(version)) is null);

    [Theory]
    [InlineData("1.0,2.0")]
    [InlineData("[a,b)")]
    [InlineData("[1.0)")]
    public void Malformed_ranges_are_reported(string range) =>
        Assert.Contains(range, HostApiRange.Check(range, new Version(1, 0)));

    [Theory]
    [InlineData("riga", true)]
    [InlineData("competence-centre", true)]
    [InlineData("a1", true)]
    [InlineData("r", false)]
    [InlineData("Riga", false)]
    [InlineData("rīga", false)]
    [InlineData("ri ga", false)]
    [InlineData("api", false)]
    public void Tenant_names(string name, bool valid) => Assert.Equal(valid, TenantNameRule.Validate(name) is null);

    [Theory]
    [InlineData("#000000", 21.0)]
    [InlineData("#ffffff", 1.0)]
    [InlineData("#767676", 4.54)]
    public void Contrast_against_white_follows_wcag(string colour, double expected)
    {
        Assert.True(Colors.TryParse(colour, out var rgb));
        Assert.Equal(expected, Colors.Contrast(rgb, (255, 255, 255)), 2);
    }
}
