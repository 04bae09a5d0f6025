using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Platform.Setup;
using Workbench.Platform.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Operations;

/// <summary>Liveness and readiness as a load balancer asks for them.</summary>
public sealed class ReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_only_when_no_tenant_is_being_set_up_and_a_failed_tenant_is_reported_without_blocking()
    {
        var release = new TaskCompletionSource();
        await using var factory = new WorkbenchFactory
        {
            ExtraServices = s => s.AddSingleton(release).AddScoped<IRecipeStepHandler, WaitingStep>(),
            Settings =
            {
                ["Workbench:Tenants:4:Name"] = "slow", ["Workbench:Tenants:4:Recipe"] = "slow",
            },
        };
        await File.WriteAllTextAsync(Path.Combine(factory.RecipesPath, "slow.recipe.json"), """{"name": "slow", "steps": [{"name": "wait"}]}""", Ct);
        var client = factory.AnonymousClient();

        // The web server answers while "slow" is still being set up: alive, not ready.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        var starting = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
        Assert.Contains("still being set up", await starting.Content.ReadAsStringAsync(Ct));

        release.SetResult();
        await factory.Services.GetRequiredService<TenantActivator>().Ready;
        var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (await ready.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());

        // A tenant whose database cannot be read any more fails to load: reported, the node stays in rotation.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.Combine(factory.DataPath, "tenants", "smiltene"), "workbench.db*")) File.Delete(file);
        await File.WriteAllTextAsync(Path.Combine(factory.DataPath, "tenants", "smiltene", "workbench.db"), "not a database any more", Ct);
        var registry = factory.Services.GetRequiredService<TenantRegistry>();
        await registry.BumpAsync("smiltene", Ct);
        for (var i = 0; i < 100 && registry.Find("smiltene")!.Record.State != Workbench.Platform.Data.TenantState.Failed; i++) await Task.Delay(100, Ct);
        var degraded = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        var report = await degraded.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        var tenants = report.GetProperty("checks").GetProperty("tenants");
        Assert.Contains("smiltene", tenants.GetProperty("description").GetString());
        Assert.Equal("Running", tenants.GetProperty("data").GetProperty("slow").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("registry").GetProperty("status").GetString());
    }

    private sealed class WaitingStep(TaskCompletionSource release) : IRecipeStepHandler
    {
        public string StepName => "wait";
        public string? RequiredFeature => null;
        public Task ValidateAsync(RecipeStepContext context, CancellationToken ct) => Task.CompletedTask;
        public Task ExecuteAsync(RecipeStepContext context, CancellationToken ct) => release.Task.WaitAsync(ct);
    }
}
