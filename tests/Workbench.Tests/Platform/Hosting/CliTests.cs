using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Hosting;

/// <summary>The CLI runs as its own process on the same data folder as the running test host.</summary>
public sealed class CliTests(HostFixture host)
{
    private Task<ProcessResult> CliAsync(params string[] args) => ProcessRunner.RunAsync("dotnet",
        [Repository.HostDll, .. args, $"--Workbench:DataPath={host.DataPath}", $"--Workbench:RecipesPath={host.RecipesPath}",
         $"--Workbench:PluginsPath={host.PluginsPath}", $"--Workbench:Setup:AdminPassword={WorkbenchFactory.AdminPassword}"],
        Path.GetDirectoryName(Repository.HostDll));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail("the running host did not pick up the change");
    }

    [Fact]
    public async Task Tenants_list_as_json()
    {
        var result = await CliAsync("tenants", "list", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var riga = json.RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "riga");
        Assert.Equal("Running", riga.GetProperty("state").GetString());
        Assert.Equal("Sqlite", riga.GetProperty("provider").GetString());
        Assert.Contains("Workbench.Notices", riga.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Modules_list_shows_source_and_status()
    {
        var result = await CliAsync("modules", "list", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var notices = json.RootElement.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "Workbench.Notices");
        Assert.Equal("builtin", notices.GetProperty("source").GetString());
        Assert.Equal("Loaded", notices.GetProperty("status").GetString());
        Assert.Equal("1.1.0", notices.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Feature_changes_from_the_cli_reach_the_running_host_without_a_restart()
    {
        var tenant = await host.CreateTenantAsync("ventspils");
        var client = host.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{tenant}/api/notices", TestContext.Current.CancellationToken)).StatusCode);

        var disabled = await CliAsync("features", "disable", "--tenant", tenant, "--feature", "Workbench.Notices");
        Assert.Equal(0, disabled.ExitCode);
        await WaitUntilAsync(async () => (await client.GetAsync($"/{tenant}/api/notices")).StatusCode == HttpStatusCode.NotFound);

        var enabled = await CliAsync("features", "enable", "--tenant", tenant, "--feature", "Workbench.Notices", "--json");
        Assert.Equal(0, enabled.ExitCode);
        await WaitUntilAsync(async () => (await client.GetAsync($"/{tenant}/api/notices")).StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refused_feature_changes_exit_non_zero_with_the_reason()
    {
        var result = await CliAsync("features", "disable", "--tenant", "riga", "--feature", "Workbench.Admin");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Workbench.CustomFields", result.Error);
        var unknownTenant = await CliAsync("features", "enable", "--tenant", "atlantis", "--feature", "Workbench.Notices");
        Assert.Equal(2, unknownTenant.ExitCode);
        Assert.Contains("atlantis", unknownTenant.Error);
    }

    [Fact]
    public async Task Tenants_created_from_the_cli_are_served_by_the_running_host()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var result = await CliAsync("tenants", "create", "--name", name, "--recipe", "smiltene", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.True(JsonDocument.Parse(result.Output).RootElement.GetProperty("created").GetBoolean());
        await WaitUntilAsync(async () => (await host.AnonymousClient().GetAsync($"/{name}/api/notices")).StatusCode == HttpStatusCode.OK);

        var duplicate = await CliAsync("tenants", "create", "--name", name, "--recipe", "smiltene");
        Assert.Equal(1, duplicate.ExitCode);
        var invalid = await CliAsync("tenants", "create", "--name", "Bad_Name", "--recipe", "smiltene", "--json");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("mazie burti a–z, cipari un '-'", JsonDocument.Parse(invalid.Output).RootElement.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task Recipes_validate_reports_step_index_name_and_path()
    {
        Assert.Equal(0, (await CliAsync("recipes", "validate", Path.Combine(host.RecipesPath, "riga.recipe.json"))).ExitCode);
        Assert.Equal(0, (await CliAsync("recipes", "validate", Path.Combine(host.RecipesPath, "competence-centre.recipe.json"))).ExitCode);

        var file = Path.Combine(host.RecipesPath, "cli-invalid.json");
        await File.WriteAllTextAsync(file, """{ "name": "cli-invalid", "steps": [ { "name": "feature", "enable": ["Workbench.Notices"] }, { "name": "notices", "items": [ { "title": 5 } ] }, { "name": "mystery" } ] }""", TestContext.Current.CancellationToken);
        var result = await CliAsync("recipes", "validate", file, "--json");
        Assert.Equal(1, result.ExitCode);
        var errors = JsonDocument.Parse(result.Output).RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("stepIndex").GetInt32() == 2 && e.GetProperty("stepName").GetString() == "mystery" && e.GetProperty("path").GetString() == "$.steps[2].name");
        Assert.Contains(errors, e => e.GetProperty("path").GetString()!.StartsWith("$.steps[1].items[0]", StringComparison.Ordinal));

        await File.WriteAllTextAsync(file, "{ not json", TestContext.Current.CancellationToken);
        Assert.Equal(1, (await CliAsync("recipes", "validate", file)).ExitCode);
    }

    [Fact]
    public async Task Recipes_run_applies_a_file_to_a_tenant()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var file = Path.Combine(host.RecipesPath, $"{tenant}-extra.json");
        await File.WriteAllTextAsync(file, """{ "name": "extra", "steps": [ { "name": "notices", "items": [ { "title": "No CLI", "isPublic": false } ] } ] }""", TestContext.Current.CancellationToken);
        var result = await CliAsync("recipes", "run", "--tenant", tenant, "--file", file);
        Assert.Equal(0, result.ExitCode);
        var count = await host.InTenantAsync(tenant, sp => Task.FromResult(((Workbench.Notices.Data.NoticesDbContext)sp.GetService(typeof(Workbench.Notices.Data.NoticesDbContext))!).Notices.Count()));
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Audit_verify_exits_non_zero_on_a_tampered_log()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        Assert.Equal(0, (await CliAsync("audit", "verify", "--tenant", tenant)).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataPath, "tenants", tenant, "workbench.db")};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Platform_AuditEntries SET Action = 'nothing.happened' WHERE Sequence = 1";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        var result = await CliAsync("audit", "verify", "--tenant", tenant, "--json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(result.Output).RootElement.GetProperty("brokenAt").GetInt64());
    }

    [Fact]
    public async Task Unknown_commands_print_usage_and_exit_2()
    {
        var result = await CliAsync("tenants", "explode");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.Error);
    }
}
