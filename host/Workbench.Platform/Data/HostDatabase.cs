using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Data;

/// <summary>Opens the tenant registry database (SQLite in the data folder unless configured otherwise).</summary>
public sealed class HostDatabase
{
    private readonly DataPaths _paths;

    public HostDatabase(IOptions<WorkbenchOptions> options, DataPaths paths)
    {
        _paths = paths;
        Provider = options.Value.HostDatabaseProvider;
        ConnectionString = options.Value.HostConnectionString ?? $"Data Source={Path.Combine(paths.Root, "host.db")}";
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public HostDbContext CreateContext()
    {
        var connection = DatabaseConfigurator.CreateConnection(Provider, ConnectionString);
        var options = new DbContextOptionsBuilder<HostDbContext>()
            .Configure(Provider, connection, "__host_migrations")
            .Options;
        return new HostDbContext(options);
    }

    public async Task MigrateAsync(CancellationToken ct)
    {
        await DatabaseConfigurator.EnsureDatabaseExistsAsync(Provider, ConnectionString, ct);
        await using var context = CreateContext();
        await context.Database.MigrateAsync(ct);
        await ImportFileKeysAsync(context, _paths.Root, ct);
    }

    /// <summary>Keys an earlier version kept in <c>keys/</c> of the data folder join the shared ring once, so nothing they protect is lost.</summary>
    private static async Task ImportFileKeysAsync(HostDbContext db, string dataRoot, CancellationToken ct)
    {
        var folder = Path.Combine(dataRoot, "keys");
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(ct)) return;
        foreach (var file in Directory.GetFiles(folder, "*.xml"))
            db.DataProtectionKeys.Add(new() { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = await File.ReadAllTextAsync(file, ct) });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The resolved data folder.</summary>
public sealed class DataPaths(string root)
{
    public string Root { get; } = root;
    public string TenantDatabase(string tenant) => Path.Combine(Root, "tenants", tenant, "workbench.db");
}
