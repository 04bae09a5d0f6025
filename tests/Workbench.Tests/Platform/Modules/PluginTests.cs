using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Platform.Modules;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Modules;

/// <summary>
/// Builds modules from the repository's <c>dotnet new</c> template the way a competence-centre developer would — in a
/// folder outside the checkout, against the Workbench.Abstractions package from a local feed — drops their publish
/// output into a plugins folder next to a corrupt one, and starts a host on it.
/// </summary>
public sealed class PluginHost : IAsyncLifetime
{
    private readonly string _work = Repository.NewTempFolder("wb-plugins");
    public WorkbenchFactory Host { get; private set; } = null!;
    public string Plugins => Path.Combine(_work, "plugins");

    public async ValueTask InitializeAsync()
    {
        var hive = Path.Combine(_work, "template-hive");
        // A version of its own, so that no package restored earlier from another feed stands in for this build.
        var feed = Path.Combine(_work, "feed");
        await ProcessRunner.DotnetAsync(Repository.Root, "pack", "host/Workbench.Abstractions", "-c", Repository.Configuration, "--no-build", "-o", feed,
            $"-p:PackageVersion=1.0.{(long)(DateTime.UtcNow - new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds}");
        await ProcessRunner.DotnetAsync(_work, "new", "install", Path.Combine(Repository.Root, "modules", "Template"), "--debug:custom-hive", hive);
        await BuildAsync(hive, feed, "Acme.Hello", edit: null);
        await BuildAsync(hive, feed, "Acme.Future", edit: source => source.Replace("HostApiRange = \"[1.0,2.0)\"", "HostApiRange = \"[2.0,3.0)\""));
        await BuildAsync(hive, feed, "Acme.Lonely", edit: source => source.Replace("Features = [new(Feature, \"Acme.Lonely\")]", "Features = [new(Feature, \"Acme.Lonely\", \"\", [\"Acme.Missing\"])]"));
        var broken = Directory.CreateDirectory(Path.Combine(Plugins, "Broken.Plugin"));
        await File.WriteAllTextAsync(Path.Combine(broken.FullName, "Broken.Plugin.dll"), "this is not an assembly");

        Host = new WorkbenchFactory { PluginsPath = Plugins };
        await Host.StartAsync();
    }

    private async Task BuildAsync(string hive, string feed, string name, Func<string, string>? edit)
    {
        var source = Path.Combine(_work, "src", name);
        await ProcessRunner.DotnetAsync(_work, "new", "workbench-module", "-n", name, "-o", source, "--feed", feed, "--debug:custom-hive", hive);
        if (edit is not null)
        {
            var manifest = Path.Combine(source, "Manifest.cs");
            var text = await File.ReadAllTextAsync(manifest);
            var edited = edit(text);
            Assert.NotEqual(text, edited);
            await File.WriteAllTextAsync(manifest, edited);
        }
        await ProcessRunner.DotnetAsync(source, "publish", "-c", "Release", "-o", Path.Combine(Plugins, name));
        Assert.False(File.Exists(Path.Combine(Plugins, name, "Workbench.Abstractions.dll")), "the abstractions come from the host, not the plugin");
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { /* plugin assemblies stay loaded until the process ends */ } catch (UnauthorizedAccessException) { }
    }
}

public sealed class PluginTests(PluginHost plugins) : IClassFixture<PluginHost>
{
    [Fact]
    public void Good_broken_incompatible_and_unsatisfied_plugins_are_each_reported_and_the_host_runs()
    {
        var catalog = (ModuleCatalog)plugins.Host.Services.GetService(typeof(ModuleCatalog))!;
        var byId = catalog.Modules.ToDictionary(m => m.Id);
        Assert.Equal(ModuleStatus.Loaded, byId["Acme.Hello"].Status);
        Assert.Equal(ModuleSource.Plugin, byId["Acme.Hello"].Source);
        Assert.Equal(ModuleStatus.Failed, byId["Broken.Plugin"].Status);
        Assert.Contains("BadImageFormat", byId["Broken.Plugin"].Error);
        Assert.Equal(ModuleStatus.Incompatible, byId["Acme.Future"].Status);
        Assert.Contains("[2.0,3.0)", byId["Acme.Future"].Error);
        Assert.Equal(ModuleStatus.Incompatible, byId["Acme.Lonely"].Status);
        Assert.Contains("Acme.Missing", byId["Acme.Lonely"].Error);
        Assert.Equal(ModuleStatus.Loaded, byId["Workbench.Notices"].Status);
    }

    [Fact]
    public async Task An_enabled_plugin_serves_its_page_endpoint_and_static_file_in_that_tenant_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = plugins.Host;
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{tenant}/acme-hello", ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{tenant}/api/admin/features/Acme.Hello/enable", null, ct)).StatusCode);
        var page = await admin.GetAsync($"/{tenant}/acme-hello", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("Sveiki no Acme.Hello!", html);
        Assert.Contains($"<strong id=\"tenant-name\">{tenant}</strong>", html);
        Assert.Contains("data-feature=\"Acme.Hello\"", html);

        var api = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/acme-hello", ct);
        Assert.Equal(tenant, api.GetProperty("tenant").GetString());
        var css = await admin.GetAsync($"/{tenant}/_content/Acme.Hello/module.css", ct);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync("/riga/api/acme-hello", ct)).StatusCode);
    }

    [Fact]
    public async Task Plugins_that_did_not_load_cannot_be_enabled()
    {
        var admin = await plugins.Host.AdminClientAsync("riga");
        var response = await admin.PostAsync("/riga/api/admin/features/Acme.Future/enable", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Acme.Future", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var modules = await admin.GetFromJsonAsync<List<JsonElement>>("/riga/api/admin/modules", TestContext.Current.CancellationToken);
        Assert.Contains(modules!, m => m.GetProperty("id").GetString() == "Broken.Plugin" && m.GetProperty("status").GetString() == "Failed");
    }
}
