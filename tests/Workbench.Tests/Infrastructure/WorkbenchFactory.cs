using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;
using Workbench.Platform.Outbox;
using Workbench.Platform.Setup;
using Workbench.Platform.Tenants;
using Workbench.Platform.Workflows;

namespace Workbench.Tests.Infrastructure;

/// <summary>
/// An in-process Workbench host on its own data folder and recipe folder (a copy of the repository's recipes),
/// with the four standard tenants set up from their recipes.
/// </summary>
public class WorkbenchFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@workbench.local";
    public const string AdminPassword = "Test-Admin-Password-1";

    public string DataPath { get; } = Repository.NewTempFolder("wb-data");
    public string RecipesPath { get; } = Repository.NewTempFolder("wb-recipes");
    public string PluginsPath { get; init; } = Path.Combine(Path.GetTempPath(), "wb-no-plugins");

    /// <summary>Extra configuration, e.g. the address of a stub integration server.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Extra services, e.g. a recipe step that fails on purpose.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Leaves the data folder in place when disposed, for another host to start on it (a restart).</summary>
    public bool KeepData { get; init; }

    public WorkbenchFactory()
    {
        foreach (var file in Directory.GetFiles(Repository.Recipes, "*.recipe.json"))
            File.Copy(file, Path.Combine(RecipesPath, Path.GetFileName(file)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Workbench:DataPath", DataPath);
        builder.UseSetting("Workbench:RecipesPath", RecipesPath);
        builder.UseSetting("Workbench:PluginsPath", PluginsPath);
        builder.UseSetting("Workbench:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("Workbench:TenantPollSeconds", "0.2");
        // Every test request comes from one address; the rate-limit test sets its own low limits.
        builder.UseSetting("Workbench:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Workbench:RateLimits:TokenPerMinute", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (ExtraServices is not null) builder.ConfigureServices(ExtraServices);
    }

    /// <summary>Starts the host and waits until every configured tenant is set up.</summary>
    public async Task StartAsync()
    {
        _ = Server;
        await Services.GetRequiredService<TenantActivator>().Ready;
    }

    /// <summary>A client with its own cookie jar, signed in as the tenant's administrator.</summary>
    public async Task<HttpClient> AdminClientAsync(string tenant)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync($"/{tenant}/api/session", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Creates a staff account with <paramref name="roles"/> in the tenant and returns a client signed in as it.</summary>
    public async Task<HttpClient> UserClientAsync(string tenant, string email, params string[] roles)
    {
        const string password = "Staff-Password-2026";
        using (var admin = await AdminClientAsync(tenant))
            (await admin.PostAsJsonAsync($"/{tenant}/api/admin/users", new { email, displayName = email, password, roles })).EnsureSuccessStatusCode();
        var client = AnonymousClient();
        (await client.PostAsJsonAsync($"/{tenant}/api/session", new { email, password })).EnsureSuccessStatusCode();
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A fresh tenant for a test that changes things, so tests do not disturb each other.</summary>
    public async Task<string> CreateTenantAsync(string recipe, DatabaseProvider provider = DatabaseProvider.Sqlite, string? connectionString = null)
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        var result = await Services.GetRequiredService<TenantSetup>().CreateAsync(new TenantCreateRequest(name, recipe, provider, connectionString), "test", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return name;
    }

    /// <summary>Runs <paramref name="work"/> in a DI scope bound to the tenant, as a background job would.</summary>
    public async Task<T> InTenantAsync<T>(string tenant, Func<IServiceProvider, Task<T>> work)
    {
        var info = Services.GetRequiredService<TenantRegistry>().Find(tenant)?.Info ?? throw new InvalidOperationException($"tenant {tenant} is not running");
        await using var scope = Services.GetRequiredService<TenantScopes>().Create(info, "test");
        return await work(scope.ServiceProvider);
    }

    /// <summary>Waits until the workflow events the tenant's changes published have run (the runner does it right after commit).</summary>
    public async Task WorkflowEventsRunAsync(string tenant)
    {
        var runner = Services.GetRequiredService<WorkflowEventRunner>();
        var info = Services.GetRequiredService<TenantRegistry>().Find(tenant)!.Info!;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await runner.RunDueAsync(info, CancellationToken.None);
            if (await InTenantAsync(tenant, sp => sp.GetRequiredService<WorkflowDbContext>().PendingEvents.CountAsync(e => e.Attempts < WorkflowEventRunner.MaxAttempts)) == 0) return;
            await Task.Delay(20);
        }
        throw new TimeoutException($"Workflow events of {tenant} still waiting after 20 s.");
    }

    /// <summary>Runs the outbox dispatcher of the tenant until nothing is pending (or 40 passes), as its job would over time.</summary>
    public async Task DispatchOutboxAsync(string tenant)
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        var info = Services.GetRequiredService<TenantRegistry>().Find(tenant)!.Info!;
        for (var pass = 0; pass < 40; pass++)
        {
            await dispatcher.DispatchAsync(info, CancellationToken.None);
            if (await InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Outbox.CountAsync(m => m.Status == OutboxStatus.Pending)) == 0) return;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in KeepData ? [RecipesPath] : new[] { DataPath, RecipesPath })
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { /* a log file may still be open; the temp folder is cleaned by the OS */ }
    }
}

/// <summary>The host shared by the tests of the whole assembly.</summary>
public sealed class HostFixture : WorkbenchFactory, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await StartAsync();
}
