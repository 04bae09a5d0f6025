using System.Net;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Hosting;

public sealed class HostTests(HostFixture host)
{
    [Fact]
    public async Task Health_lists_every_tenant_running()
    {
        var response = await host.AnonymousClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var tenants = json.RootElement.GetProperty("tenants").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("state").GetString());
        foreach (var name in new[] { "competence-centre", "riga", "ventspils", "smiltene" })
            Assert.Equal("Running", tenants[name]);
    }

    [Theory]
    [InlineData("/no-such-town/admin")]
    [InlineData("/no-such-town")]
    [InlineData("/admin")]
    [InlineData("/api/notices")]
    public async Task Unknown_tenant_or_missing_tenant_prefix_is_a_404_page_without_internals(string path)
    {
        var response = await host.AnonymousClient().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at Workbench", body);
    }

    [Fact]
    public async Task Staff_pages_ask_for_sign_in_in_their_own_tenant()
    {
        var response = await host.AnonymousClient().GetAsync("/riga/admin", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/riga/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Admin_workplace_shows_enabled_modules_in_latvian_and_english()
    {
        var client = await host.AdminClientAsync("riga");
        var latvian = await client.GetStringAsync("/riga/admin", TestContext.Current.CancellationToken);
        Assert.Contains("data-feature=\"Workbench.Notices\"", latvian);
        Assert.Contains("Moduļi", WebUtility.HtmlDecode(latvian));
        Assert.Contains("<main", latvian);
        Assert.Contains("aria-label", latvian);

        var switched = await client.GetAsync("/riga/culture?c=en-US&returnUrl=/riga/admin", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await client.GetStringAsync("/riga/admin", TestContext.Current.CancellationToken);
        Assert.Contains(">Modules<", english);
        Assert.Contains("lang=\"en\"", english);
    }

    [Fact]
    public async Task Tenants_have_different_feature_sets_from_their_recipes()
    {
        var registry = (Workbench.Platform.Tenants.TenantRegistry)host.Services.GetService(typeof(Workbench.Platform.Tenants.TenantRegistry))!;
        var riga = registry.Find("riga")!.Info!.EnabledFeatures;
        var smiltene = registry.Find("smiltene")!.Info!.EnabledFeatures;
        var centre = registry.Find("competence-centre")!.Info!.EnabledFeatures;
        Assert.Contains("Workbench.CustomFields", riga);
        Assert.Contains("Workbench.PublicSite", riga);
        Assert.DoesNotContain("Workbench.PublicSite", smiltene);
        Assert.Contains("Workbench.Notices", smiltene);
        Assert.Contains("Workbench.TenantAdministration", centre);
        Assert.DoesNotContain("Workbench.TenantAdministration", riga);
    }

    [Fact]
    public async Task Each_request_is_logged_as_json_with_tenant_user_and_request_id()
    {
        var client = await host.AdminClientAsync("ventspils");
        await client.GetStringAsync("/ventspils/admin", TestContext.Current.CancellationToken);
        var logs = Directory.GetFiles(Path.Combine(host.DataPath, "logs"), "workbench-*.json");
        Assert.NotEmpty(logs);
        var line = await WaitFor(() =>
        {
            using var stream = new FileStream(logs[0], FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n').FirstOrDefault(l => l.Contains("/ventspils/admin") && l.Contains("responded 200"));
        });
        using var json = JsonDocument.Parse(line);
        var properties = json.RootElement.GetProperty("Properties");
        Assert.Equal("ventspils", properties.GetProperty("Tenant").GetString());
        Assert.Equal(WorkbenchFactory.AdminEmail, properties.GetProperty("User").GetString());
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("RequestId").GetString()));
    }

    [Fact]
    public async Task OpenApi_describes_platform_and_module_endpoints()
    {
        var document = await host.AnonymousClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(document);
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/notices", paths);
        Assert.Contains("/api/notices/{id}", paths);
        Assert.Contains("/api/admin/features/{id}/enable", paths);
        Assert.Contains("/api/tenants", paths);
    }

    private static async Task<string> WaitFor(Func<string?> probe)
    {
        for (var i = 0; i < 50; i++)
        {
            if (probe() is { } found) return found;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("log line not written");
    }
}
