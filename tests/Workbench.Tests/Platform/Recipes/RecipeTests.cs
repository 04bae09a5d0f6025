using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Recipes;

public sealed class RecipeTests(HostFixture host)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode Status, JsonDocument Body)> RunAsync(HttpClient admin, string tenant, string recipe)
    {
        var response = await admin.PostAsync($"/{tenant}/api/admin/recipes/run", Json(recipe), TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    private static JsonElement FirstError(JsonDocument body) => body.RootElement.GetProperty("errors")[0];

    private async Task<(int Notices, int Features, int Roles, long Audit)> SnapshotAsync(string tenant) =>
        await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var notices = await sp.GetRequiredService<Workbench.Notices.Data.NoticesDbContext>().Notices.CountAsync();
            return (notices, await db.EnabledFeatures.CountAsync(), await db.Roles.CountAsync(), await db.AuditEntries.LongCountAsync());
        });

    [Fact]
    public async Task Malformed_json_is_reported_with_its_line()
    {
        var admin = await host.AdminClientAsync("riga");
        var (status, body) = await RunAsync(admin, "riga", "{\n \"name\": \"x\",\n \"steps\": [ { \"name\": \"feature\" \n");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("4. rindā", FirstError(body).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unknown_step_names_its_index_name_and_path_and_changes_nothing()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var admin = await host.AdminClientAsync(tenant);
        var before = await SnapshotAsync(tenant);
        var (status, body) = await RunAsync(admin, tenant, """
            { "name": "bad", "steps": [
                { "name": "notices", "items": [ { "title": "Netiks saglabāts", "isPublic": false } ] },
                { "name": "no-such-step" } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = FirstError(body);
        Assert.Equal(1, error.GetProperty("stepIndex").GetInt32());
        Assert.Equal("no-such-step", error.GetProperty("stepName").GetString());
        Assert.Equal("$.steps[1].name", error.GetProperty("path").GetString());
        var after = await SnapshotAsync(tenant);
        Assert.Equal(before.Notices, after.Notices);
        Assert.Equal(before.Audit, after.Audit);
    }

    [Fact]
    public async Task Invalid_items_are_reported_with_json_paths()
    {
        var admin = await host.AdminClientAsync("riga");
        var (status, body) = await RunAsync(admin, "riga", """
            { "name": "bad-items", "steps": [
                { "name": "feature", "enable": ["Workbench.Nothing"] },
                { "name": "roles", "items": [ { "name": "Kasieris", "permissions": ["NoSuchPermission"] } ] },
                { "name": "notices", "items": [ { "title": "", "isPublic": true } ] } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var paths = body.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.steps[0].enable", paths);
        Assert.Contains("$.steps[1].items[0].permissions[0]", paths);
        Assert.Contains("$.steps[2].items[0].title", paths);
        Assert.Contains("$.steps[2].items[0].publishedOn", paths);
    }

    [Fact]
    public Task A_step_that_fails_while_running_rolls_back_every_earlier_step() => RecipeRollback.RunAsync(DatabaseProvider.Sqlite, null);

    [Fact]
    public async Task Running_a_recipe_twice_creates_no_duplicates()
    {
        var tenant = await host.CreateTenantAsync("riga");
        var admin = await host.AdminClientAsync(tenant);
        var before = await SnapshotAsync(tenant);
        var recipe = await File.ReadAllTextAsync(Path.Combine(host.RecipesPath, "riga.recipe.json"), TestContext.Current.CancellationToken);
        var (status, _) = await RunAsync(admin, tenant, recipe);
        Assert.Equal(HttpStatusCode.OK, status);
        var after = await SnapshotAsync(tenant);
        Assert.Equal(before.Notices, after.Notices);
        Assert.Equal(before.Features, after.Features);
        Assert.Equal(before.Roles, after.Roles);
        Assert.Equal(4, after.Notices);
    }

    [Fact]
    public Task A_unique_key_conflict_in_a_recipe_is_explained_not_quoted_from_the_database() => RecipeRollback.UniqueConflictAsync();

    [Fact]
    public async Task Variables_and_included_recipes_are_applied()
    {
        var registry = host.Services.GetRequiredService<Workbench.Platform.Tenants.TenantRegistry>();
        Assert.Equal("Rīgas valstspilsētas pašvaldība", registry.Find("riga")!.Info!.Settings.SiteName);
        var roles = await host.InTenantAsync("riga", sp => sp.GetRequiredService<PlatformDbContext>().Roles.Where(r => r.Name == "Editor").Select(r => r.Description).SingleAsync());
        Assert.StartsWith("Satura redaktors", roles);
    }

    [Fact]
    public async Task Later_steps_may_use_custom_fields_that_earlier_steps_define()
    {
        var notice = await host.AnonymousClient().GetFromJsonAsync<JsonElement>("/riga/api/notices/5d1f6a10-0001-4000-8000-000000000001", TestContext.Current.CancellationToken);
        Assert.Equal("Purvciems", notice.GetProperty("customFields").GetProperty("district").GetString());
        Assert.True(notice.GetProperty("customFields").GetProperty("urgent").GetBoolean());
    }

    [Fact]
    public async Task Settings_with_unreadable_colours_are_refused()
    {
        var admin = await host.AdminClientAsync("riga");
        var (status, body) = await RunAsync(admin, "riga", """
            { "name": "pale", "steps": [ { "name": "settings", "siteName": "Rīga", "culture": "lv-LV", "timeZone": "Europe/Riga",
              "branding": { "primaryColor": "#ffff66", "accentColor": "#ffffff" } } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("$.steps[0].branding.primaryColor", FirstError(body).GetProperty("path").GetString());
    }
}

/// <summary>
/// A recipe whose last step fails while running (as a database error would) leaves features, roles, notices and
/// audit exactly as they were.
/// </summary>
public static class RecipeRollback
{
    public static async Task RunAsync(DatabaseProvider provider, string? connectionString)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new WorkbenchFactory { ExtraServices = s => s.AddScoped<IRecipeStepHandler, ExplodingStep>() };
        await factory.StartAsync();
        var tenant = await factory.CreateTenantAsync("smiltene", provider, connectionString);
        var admin = await factory.AdminClientAsync(tenant);
        var before = await CountsAsync(factory, tenant);

        var response = await admin.PostAsync($"/{tenant}/api/admin/recipes/run", new StringContent("""
            { "name": "explodes", "steps": [
                { "name": "feature", "enable": ["Workbench.PublicSite", "Workbench.CustomFields"] },
                { "name": "roles", "items": [ { "name": "Kasieris", "permissions": ["AccessAdmin"] } ] },
                { "name": "users", "items": [ { "email": "kasieris@smiltene.lv", "roles": ["Kasieris"] } ] },
                { "name": "notices", "items": [ { "title": "Pazudīs", "isPublic": false } ] },
                { "name": "explode" } ] }
            """, Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var error = body.RootElement.GetProperty("errors")[0];
        Assert.Equal(4, error.GetProperty("stepIndex").GetInt32());
        Assert.Equal("explode", error.GetProperty("stepName").GetString());

        Assert.Equal(before, await CountsAsync(factory, tenant));
        // The public site the recipe tried to enable stays off: the home page still leads to the workplace.
        Assert.Equal(HttpStatusCode.Redirect, (await factory.AnonymousClient().GetAsync($"/{tenant}/", ct)).StatusCode);
        var history = await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/admin/recipes/runs", ct);
        Assert.False(history![0].GetProperty("succeeded").GetBoolean());
    }

    private static Task<(int Notices, int Features, int Roles, int Users, int Audit)> CountsAsync(WorkbenchFactory factory, string tenant) =>
        factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            return (await sp.GetRequiredService<Workbench.Notices.Data.NoticesDbContext>().Notices.CountAsync(),
                await db.EnabledFeatures.CountAsync(), await db.Roles.CountAsync(), await db.Users.CountAsync(), await db.AuditEntries.CountAsync());
        });

    /// <summary>A step whose write meets a unique index: the person is told what happened, not the engine's message.</summary>
    public static async Task UniqueConflictAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new WorkbenchFactory { ExtraServices = s => s.AddScoped<IRecipeStepHandler, DuplicateStep>() };
        await factory.StartAsync();
        var admin = await factory.AdminClientAsync("smiltene");
        var response = await admin.PostAsync("/smiltene/api/admin/recipes/run", new StringContent("""{"name": "twice", "steps": [{"name": "duplicate"}]}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Equal(DatabaseErrors.UniqueViolationMessage, message);
    }

    private sealed class DuplicateStep : IRecipeStepHandler
    {
        public string StepName => "duplicate";
        public string? RequiredFeature => null;
        public Task ValidateAsync(RecipeStepContext context, CancellationToken ct) => Task.CompletedTask;
        public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
        {
            var db = context.Services.GetRequiredService<PlatformDbContext>();
            for (var i = 0; i < 2; i++)
                db.Add(new Notification { Id = Guid.NewGuid(), Recipient = "a@smiltene.lv", Key = "same", Text = "x", Url = "/" });
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed class ExplodingStep : IRecipeStepHandler
    {
        public string StepName => "explode";
        public string? RequiredFeature => null;
        public Task ValidateAsync(RecipeStepContext context, CancellationToken ct) => Task.CompletedTask;
        public Task ExecuteAsync(RecipeStepContext context, CancellationToken ct) => throw new InvalidOperationException("Sprādziens (the step failed on purpose).");
    }
}
