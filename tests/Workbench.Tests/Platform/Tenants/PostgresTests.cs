using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Audit;
using Workbench.Platform.Setup;
using Workbench.Platform.Tenants;
using Workbench.Tests.Infrastructure;
using Workbench.Tests.Platform.Recipes;
using Workbench.Tests.Platform.Modules;

namespace Workbench.Tests.Platform.Tenants;

/// <summary>The same platform behaviour on PostgreSQL: tenants with their own database next to SQLite tenants.</summary>
public sealed class PostgresTests(HostFixture host)
{
    private static string NewDatabaseName() => "wb_" + Guid.NewGuid().ToString("N")[..12];

    private Task<string> CreatePostgresTenantAsync(string recipe) =>
        host.CreateTenantAsync(recipe, DatabaseProvider.Postgres, Postgres.Database(NewDatabaseName()));

    [Fact]
    public async Task A_postgres_tenant_runs_its_recipe_serves_its_api_and_toggles_features()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await CreatePostgresTenantAsync("riga");
        Assert.Equal(DatabaseProvider.Postgres, host.Services.GetRequiredService<TenantRegistry>().Find(tenant)!.Info!.DatabaseProvider);
        var admin = await host.AdminClientAsync(tenant);
        Assert.Equal(4, (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/notices", ct))!.Count);
        Assert.Equal(3, (await host.AnonymousClient().GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/notices", ct))!.Count);

        var created = await admin.PostAsJsonAsync($"/{tenant}/api/notices",
            new { title = "Siltumapgādes pārtraukums", publishedOn = "2026-11-20", isPublic = true, customFields = new { district = "Teika", urgent = true } }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{tenant}/api/admin/features/Workbench.Notices/disable", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{tenant}/api/notices", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{tenant}/api/admin/features/Workbench.Notices/enable", null, ct)).StatusCode);
        Assert.Equal(5, (await admin.GetFromJsonAsync<List<JsonElement>>($"/{tenant}/api/notices", ct))!.Count);

        var verification = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(ct));
        Assert.True(verification.Valid, verification.Problem);
    }

    [Fact]
    public Task A_recipe_failure_on_postgres_rolls_everything_back() => RecipeRollback.RunAsync(DatabaseProvider.Postgres, Postgres.Database(NewDatabaseName()));

    [Fact]
    public async Task Notices_upgrade_from_1_0_to_1_1_keeps_existing_notices_on_postgres()
    {
        var tenant = await CreatePostgresTenantAsync("municipality-base");
        await ModuleUpgrade.RunAsync(host, tenant);
    }

    [Fact]
    public async Task Audit_tampering_is_detected_on_postgres()
    {
        var tenant = await CreatePostgresTenantAsync("smiltene");
        var connectionString = host.Services.GetRequiredService<TenantRegistry>().Find(tenant)!.Info!.ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("UPDATE \"Platform_AuditEntries\" SET \"Details\" = '{}' WHERE \"Sequence\" = 2", connection);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }
        var result = await host.InTenantAsync(tenant, sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));
        Assert.False(result.Valid);
        Assert.Equal(2, result.BrokenAt);
    }

    [Fact]
    public async Task A_failed_postgres_tenant_setup_drops_its_database()
    {
        var database = NewDatabaseName();
        await File.WriteAllTextAsync(Path.Combine(host.RecipesPath, "pg-broken.recipe.json"), """
            { "name": "pg-broken", "steps": [ { "name": "feature", "enable": ["Workbench.Notices"] }, { "name": "notices", "items": [ { "title": "" } ] } ] }
            """, TestContext.Current.CancellationToken);
        var result = await host.Services.GetRequiredService<TenantSetup>().CreateAsync(
            new TenantCreateRequest("pg-broken", "pg-broken", DatabaseProvider.Postgres, Postgres.Database(database)), "test", CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.False(await Postgres.DatabaseExistsAsync(database));
        Assert.Null(host.Services.GetRequiredService<TenantRegistry>().Find("pg-broken"));
    }

    [Fact]
    public async Task The_tenant_registry_itself_can_live_on_postgres_and_auto_setup_mixes_engines()
    {
        var registryDatabase = NewDatabaseName();
        var tenantDatabase = NewDatabaseName();
        await using var factory = new PostgresRegistryFactory(Postgres.Database(registryDatabase), Postgres.Database(tenantDatabase));
        await factory.StartAsync();
        var health = await factory.AnonymousClient().GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
        var states = health.GetProperty("tenants").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("state").GetString());
        Assert.Equal("Running", states["pg-auto"]);
        Assert.Equal("Running", states["riga"]);
        Assert.True(await Postgres.DatabaseExistsAsync(tenantDatabase));
        Assert.Single((await factory.AnonymousClient().GetFromJsonAsync<List<JsonElement>>("/pg-auto/api/notices", TestContext.Current.CancellationToken))!);
    }

    private sealed class PostgresRegistryFactory(string registry, string tenant) : WorkbenchFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Workbench:HostDatabaseProvider", "Postgres");
            builder.UseSetting("Workbench:HostConnectionString", registry);
            builder.UseSetting("Workbench:Tenants:0:Name", "pg-auto");
            builder.UseSetting("Workbench:Tenants:0:Recipe", "smiltene");
            builder.UseSetting("Workbench:Tenants:0:DatabaseProvider", "Postgres");
            builder.UseSetting("Workbench:Tenants:0:ConnectionString", tenant);
        }
    }
}
