using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Tenants;

public sealed class TenantCreationTests(HostFixture host)
{
    [Theory]
    [InlineData("A")]
    [InlineData("Riga")]
    [InlineData("riga_2")]
    [InlineData("x")]
    [InlineData("this-name-is-far-too-long-for-a-municipality")]
    [InlineData("health")]
    public async Task Invalid_tenant_names_are_refused_with_400(string name)
    {
        var admin = await host.AdminClientAsync("competence-centre");
        var response = await admin.PostAsJsonAsync("/competence-centre/api/tenants", new { name, recipe = "smiltene" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(host.Services.GetRequiredService<Workbench.Platform.Tenants.TenantRegistry>().Find(name));
    }

    [Fact]
    public async Task A_duplicate_tenant_is_refused_with_409()
    {
        var admin = await host.AdminClientAsync("competence-centre");
        var response = await admin.PostAsJsonAsync("/competence-centre/api/tenants", new { name = "riga", recipe = "riga" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("jau pastāv", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Creating_a_tenant_through_the_api_sets_it_up_and_serves_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await host.AdminClientAsync("competence-centre");
        var name = "cesis-" + Guid.NewGuid().ToString("N")[..6];
        var response = await admin.PostAsJsonAsync("/competence-centre/api/tenants", new { name, recipe = "ventspils" }, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await host.AnonymousClient().GetFromJsonAsync<List<object>>($"/{name}/api/notices", ct))!.Count);
        var tenants = await admin.GetFromJsonAsync<List<Dictionary<string, object>>>("/competence-centre/api/tenants", ct);
        Assert.Contains(tenants!, t => t["name"].ToString() == name);
    }

    [Fact]
    public async Task Tenant_administration_is_not_offered_in_municipal_tenants()
    {
        var admin = await host.AdminClientAsync("riga");
        var response = await admin.PostAsJsonAsync("/riga/api/tenants", new { name = "sneaky", recipe = "riga" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_tenant_whose_recipe_fails_leaves_nothing_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(Path.Combine(host.RecipesPath, "broken-town.recipe.json"), """
            { "name": "broken-town", "steps": [
                { "name": "feature", "enable": ["Workbench.Notices"] },
                { "name": "notices", "items": [ { "title": "Labs" }, { "title": "", "isPublic": true } ] } ] }
            """, ct);
        var admin = await host.AdminClientAsync("competence-centre");
        var response = await admin.PostAsJsonAsync("/competence-centre/api/tenants", new { name = "broken-town", recipe = "broken-town" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.steps[1].items[1].title", await response.Content.ReadAsStringAsync(ct));

        Assert.False(File.Exists(Path.Combine(host.DataPath, "tenants", "broken-town", "workbench.db")));
        Assert.False(Directory.Exists(Path.Combine(host.DataPath, "tenants", "broken-town")));
        await using var hostDb = host.Services.GetRequiredService<HostDatabase>().CreateContext();
        Assert.False(await hostDb.Tenants.AnyAsync(t => t.Name == "broken-town", ct));
        Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync("/broken-town/api/notices", ct)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_recipe_is_refused()
    {
        var admin = await host.AdminClientAsync("competence-centre");
        var response = await admin.PostAsJsonAsync("/competence-centre/api/tenants", new { name = "nowhere", recipe = "no-such-recipe" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-recipe", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
