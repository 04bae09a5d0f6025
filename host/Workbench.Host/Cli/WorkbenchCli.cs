using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Tenants;
using Workbench.Platform;
using Workbench.Platform.Audit;
using Workbench.Platform.Data;
using Workbench.Platform.Features;
using Workbench.Platform.Hosting;
using Workbench.Platform.Modules;
using Workbench.Platform.Recipes;
using Workbench.Platform.Search;
using Workbench.Platform.Security;
using Workbench.Platform.Setup;
using Workbench.Platform.Tenants;

namespace Workbench.Host.Cli;

/// <summary>
/// Administrators' commands on the host executable. They work on the same databases as a running host,
/// which picks their changes up within a second (tenant versions in the host database).
/// Exit codes: 0 done, 1 refused or failed, 2 usage error.
/// </summary>
public static class WorkbenchCli
{
    private static readonly string[] Verbs = ["tenants", "recipes", "modules", "features", "audit", "search"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public const string Usage = """
        Usage: Workbench.Host <command> [--json]
          tenants list
          tenants create --name N --recipe R [--provider Sqlite|Postgres] [--connection CS]
          recipes validate FILE
          recipes run --tenant T --file FILE
          modules list
          features enable|disable --tenant T --feature F
          audit verify --tenant T
          search reindex --tenant T
        Configuration: --Workbench:DataPath=PATH or environment Workbench__DataPath.
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        CliArguments cli;
        try { cli = CliArguments.Parse(args); }
        catch (CliUsageException ex) { return UsageError(ex.Message); }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. cli.ConfigurationArgs] });
        builder.AddWorkbench(commandLine: true, typeof(WorkbenchCli).Assembly);
        await using var app = builder.Build();
        var output = new CliOutput(cli.Json);
        try
        {
            await app.Services.GetRequiredService<HostDatabase>().MigrateAsync(CancellationToken.None);
            await app.Services.GetRequiredService<TenantRegistry>().RefreshAsync(CancellationToken.None);
            return (cli.Positional.ElementAtOrDefault(0), cli.Positional.ElementAtOrDefault(1)) switch
            {
                ("tenants", "list") => TenantsList(app.Services, output),
                ("tenants", "create") => await TenantsCreateAsync(app.Services, cli, output),
                ("recipes", "validate") => await RecipesValidateAsync(app.Services, cli, output),
                ("recipes", "run") => await RecipesRunAsync(app.Services, cli, output),
                ("modules", "list") => ModulesList(app.Services, output),
                ("features", "enable" or "disable") => await FeaturesAsync(app.Services, cli, output, cli.Positional[1] == "enable"),
                ("audit", "verify") => await AuditVerifyAsync(app.Services, cli, output),
                ("search", "reindex") => await SearchReindexAsync(app.Services, cli, output),
                _ => UsageError($"Unknown command: {string.Join(' ', cli.Positional)}"),
            };
        }
        catch (CliUsageException ex)
        {
            return UsageError(ex.Message);
        }
    }

    private static int TenantsList(IServiceProvider services, CliOutput output)
    {
        var tenants = services.GetRequiredService<TenantRegistry>().All.Select(t => new
        {
            name = t.Name,
            state = t.Record.State.ToString(),
            provider = t.Record.DatabaseProvider.ToString(),
            features = t.Info?.EnabledFeatures.Order(StringComparer.Ordinal).ToArray() ?? [],
        }).ToList();
        return output.Result(true, tenants, () => tenants.Select(t => $"{t.name,-22} {t.state,-12} {t.provider,-9} {string.Join(", ", t.features)}"));
    }

    private static async Task<int> TenantsCreateAsync(IServiceProvider services, CliArguments cli, CliOutput output)
    {
        var provider = Enum.TryParse<DatabaseProvider>(cli.Option("provider") ?? "Sqlite", ignoreCase: true, out var p)
            ? p : throw new CliUsageException("--provider is Sqlite or Postgres.");
        var result = await services.GetRequiredService<TenantSetup>().CreateAsync(
            new TenantCreateRequest(cli.Required("name"), cli.Required("recipe"), provider, cli.Option("connection")), Actor, CancellationToken.None);
        return output.Result(result.Succeeded, new { created = result.Succeeded, outcome = result.Outcome.ToString(), errors = result.Errors },
            () => result.Succeeded ? [$"Tenant {cli.Option("name")} created."] : result.Errors);
    }

    private static async Task<int> RecipesValidateAsync(IServiceProvider services, CliArguments cli, CliOutput output)
    {
        var file = cli.Positional.ElementAtOrDefault(2) ?? throw new CliUsageException("recipes validate needs a FILE.");
        var loaded = services.GetRequiredService<RecipeLoader>().LoadFile(file);
        var errors = loaded.Errors.ToList();
        if (loaded.Recipe is { } recipe)
        {
            // Validated as a new tenant named like the recipe would be, in a scratch database that is thrown away.
            var scratch = Path.Combine(Path.GetTempPath(), "workbench-validate-" + Guid.NewGuid().ToString("N"));
            var name = TenantNameRule.Validate(recipe.Name) is null ? recipe.Name : "scratch";
            var info = new TenantInfo(name, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(scratch, "v.db")};Pooling=False", new HashSet<string>(), new SiteSettings());
            try
            {
                await DatabaseConfigurator.EnsureDatabaseExistsAsync(info.DatabaseProvider, info.ConnectionString, CancellationToken.None);
                await using var scope = services.GetRequiredService<TenantScopes>().Create(info, Actor);
                await scope.ServiceProvider.GetRequiredService<FeatureManager>().MigrateAsync([], CancellationToken.None);
                await scope.ServiceProvider.GetRequiredService<TenantDatabaseSession>().InTransactionAsync(
                    () => scope.ServiceProvider.GetRequiredService<RoleService>().SeedBuiltInAsync(CancellationToken.None), CancellationToken.None);
                errors.AddRange(await scope.ServiceProvider.GetRequiredService<RecipeRunner>().ValidateAsync(recipe, CancellationToken.None));
            }
            finally
            {
                if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
            }
        }
        return output.Result(errors.Count == 0, new { valid = errors.Count == 0, errors },
            () => errors.Count == 0 ? [$"{file}: valid."] : errors.Select(e => e.ToString()));
    }

    private static async Task<int> RecipesRunAsync(IServiceProvider services, CliArguments cli, CliOutput output)
    {
        var file = cli.Required("file");
        var loaded = services.GetRequiredService<RecipeLoader>().LoadFile(file);
        if (!loaded.IsValid)
            return output.Result(false, new { succeeded = false, errors = loaded.Errors }, () => loaded.Errors.Select(e => e.ToString()));
        await using var scope = TenantScope(services, cli.Required("tenant"));
        var result = await scope.ServiceProvider.GetRequiredService<RecipeRunner>().RunAsync(loaded.Recipe!, CancellationToken.None);
        return output.Result(result.Succeeded, new { succeeded = result.Succeeded, errors = result.Errors },
            () => result.Succeeded ? [$"Recipe {loaded.Recipe!.Name} ran in {cli.Option("tenant")}."] : result.Errors.Select(e => e.ToString()));
    }

    private static int ModulesList(IServiceProvider services, CliOutput output)
    {
        var modules = services.GetRequiredService<ModuleCatalog>().Modules.Select(m => new
        {
            id = m.Id,
            version = m.Version,
            source = m.Source.ToString().ToLowerInvariant(),
            status = m.Status.ToString(),
            error = m.Error,
            features = m.Features.Select(f => f.Id).ToArray(),
        }).ToList();
        return output.Result(true, modules, () => modules.Select(m => $"{m.id,-30} {m.version,-8} {m.source,-8} {m.status,-12} {m.error}"));
    }

    private static async Task<int> FeaturesAsync(IServiceProvider services, CliArguments cli, CliOutput output, bool enable)
    {
        await using var scope = TenantScope(services, cli.Required("tenant"));
        var manager = scope.ServiceProvider.GetRequiredService<FeatureManager>();
        var feature = cli.Required("feature");
        var plan = enable ? await manager.EnableAsync([feature], CancellationToken.None) : await manager.DisableAsync([feature], CancellationToken.None);
        return output.Result(plan.IsValid, new { succeeded = plan.IsValid, features = plan.Features, errors = plan.Errors },
            () => plan.IsValid ? [$"{(enable ? "Enabled" : "Disabled")}: {string.Join(", ", plan.Features.DefaultIfEmpty("(nothing to change)"))}"] : plan.Errors);
    }

    private static async Task<int> AuditVerifyAsync(IServiceProvider services, CliArguments cli, CliOutput output)
    {
        await using var scope = TenantScope(services, cli.Required("tenant"));
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
        return output.Result(result.Valid, result,
            () => [result.Valid
                ? $"Audit log intact: {result.EntriesChecked} entries chained, {result.Pending} waiting to be chained{(result.OldestPendingSeconds is { } age ? $" (oldest {age:0.###} s)" : "")}."
                : $"Audit log BROKEN at {result.Problem}"]);
    }

    private static async Task<int> SearchReindexAsync(IServiceProvider services, CliArguments cli, CliOutput output)
    {
        await using var scope = TenantScope(services, cli.Required("tenant"));
        // Progress goes to stderr so that --json output stays one document.
        var progress = new Progress<int>(count => Console.Error.Write($"\rindexed {count} items"));
        var status = await scope.ServiceProvider.GetRequiredService<SearchReindexer>().RebuildAsync(progress, CancellationToken.None);
        Console.Error.WriteLine();
        return output.Result(true, status, () => [$"Rebuilt the index of {cli.Option("tenant")}: {status.Items} items in {status.Seconds:0.00} s."]);
    }

    private static AsyncServiceScope TenantScope(IServiceProvider services, string tenant)
    {
        var shell = services.GetRequiredService<TenantRegistry>().Find(tenant);
        if (shell?.Info is null) throw new CliUsageException($"Unknown or stopped tenant \"{tenant}\".");
        return services.GetRequiredService<TenantScopes>().Create(shell.Info, Actor);
    }

    private static string Actor => "cli:" + Environment.UserName;

    private static int UsageError(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private sealed class CliOutput(bool json)
    {
        public int Result(bool success, object value, Func<IEnumerable<string>> text)
        {
            if (json) Console.WriteLine(JsonSerializer.Serialize(value, Json));
            else foreach (var line in text()) (success ? Console.Out : Console.Error).WriteLine(line);
            return success ? 0 : 1;
        }
    }
}
