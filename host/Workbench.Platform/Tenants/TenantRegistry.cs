using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Tenants;

/// <summary>A tenant as the running host sees it: its registry row and, while it runs, its loaded configuration.</summary>
public sealed record TenantShell(TenantRecord Record, TenantInfo? Info, IReadOnlyDictionary<string, IReadOnlySet<string>> RolePermissions)
{
    public string Name => Record.Name;
    public bool IsRunning => Record.State == TenantState.Running && Info is not null;

    /// <summary>What <c>/health</c> and the CLI show: a running tenant whose migrations are still being applied is <c>Starting</c>.</summary>
    public string State => IsRunning ? "Running" : Record.State == TenantState.Running ? "Starting" : Record.State.ToString();
}

/// <summary>
/// The process-wide cache of tenants. Every change to a tenant bumps its version in the host database;
/// each host process reloads a tenant when it sees a new version, so CLI and admin changes apply without a restart.
/// </summary>
public sealed class TenantRegistry(HostDatabase hostDatabase, DataPaths paths, TenantScopes scopes, ILogger<TenantRegistry> logger) : ITenantChanges
{
    private readonly ConcurrentDictionary<string, TenantShell> _shells = new(StringComparer.Ordinal);

    public TenantShell? Find(string name) => _shells.GetValueOrDefault(name);

    public IReadOnlyList<TenantShell> All => _shells.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>Lists a tenant as starting until <see cref="RefreshAsync(string, CancellationToken)"/> loads it.</summary>
    public void AddStarting(TenantRecord record) =>
        _shells[record.Name] = new TenantShell(record, null, new Dictionary<string, IReadOnlySet<string>>());

    public async Task<IReadOnlyList<TenantRecord>> ListRecordsAsync(CancellationToken ct)
    {
        await using var db = hostDatabase.CreateContext();
        return await db.Tenants.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
    }

    /// <summary>Picks up tenants created, changed or removed by any process.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var db = hostDatabase.CreateContext();
        var records = await db.Tenants.AsNoTracking().ToListAsync(ct);
        foreach (var record in records)
        {
            if (_shells.TryGetValue(record.Name, out var known) && known.Record.Version == record.Version && known.Record.State == record.State)
                continue;
            await LoadAsync(record, ct);
        }
        foreach (var gone in _shells.Keys.Except(records.Select(r => r.Name)).ToList())
            _shells.TryRemove(gone, out _);
    }

    public async Task RefreshAsync(string name, CancellationToken ct)
    {
        await using var db = hostDatabase.CreateContext();
        var record = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Name == name, ct);
        if (record is null) _shells.TryRemove(name, out _);
        else await LoadAsync(record, ct);
    }

    /// <summary>Records that the tenant changed, for this and every other host process.</summary>
    public async Task BumpAsync(string name, CancellationToken ct)
    {
        await using (var db = hostDatabase.CreateContext())
            await db.Tenants.Where(t => t.Name == name).ExecuteUpdateAsync(s => s.SetProperty(t => t.Version, t => t.Version + 1), ct);
        await RefreshAsync(name, ct);
    }

    Task ITenantChanges.ChangedAsync(string tenant, CancellationToken ct) => BumpAsync(tenant, ct);

    /// <summary>The tenant's connection details with no configuration loaded yet, for setup and migrations.</summary>
    public TenantInfo Provisional(TenantRecord record) => new(
        record.Name,
        record.DatabaseProvider,
        record.DatabaseProvider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(paths.Root, record.ConnectionString)};Default Timeout=30;Foreign Keys=True"
            : record.ConnectionString,
        new HashSet<string>(),
        new SiteSettings());

    private async Task LoadAsync(TenantRecord record, CancellationToken ct)
    {
        if (record.State != TenantState.Running)
        {
            _shells[record.Name] = new TenantShell(record, null, new Dictionary<string, IReadOnlySet<string>>());
            return;
        }
        try
        {
            var provisional = Provisional(record);
            await using var scope = scopes.Create(provisional, "system");
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var features = await db.EnabledFeatures.Select(f => f.FeatureId).ToListAsync(ct);
            var settingsJson = await db.Settings.Where(s => s.Name == SiteSettingsStore.Name).Select(s => s.Json).SingleOrDefaultAsync(ct);
            var rolePermissions = await (
                from role in db.Roles
                join claim in db.RoleClaims.Where(c => c.ClaimType == PermissionClaim.Type) on role.Id equals claim.RoleId into claims
                from claim in claims.DefaultIfEmpty()
                select new { role.Name, claim!.ClaimValue }).ToListAsync(ct);
            var info = provisional with
            {
                EnabledFeatures = features.ToHashSet(StringComparer.Ordinal),
                Settings = settingsJson is null ? new SiteSettings() : JsonSerializer.Deserialize<SiteSettings>(settingsJson, SiteSettingsStore.Json)!,
            };
            var permissions = rolePermissions
                .GroupBy(r => r.Name!)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Where(x => x.ClaimValue is not null).Select(x => x.ClaimValue!).ToHashSet(), StringComparer.Ordinal);
            _shells[record.Name] = new TenantShell(record, info, permissions);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Tenant {Tenant} could not be loaded", record.Name);
            record.State = TenantState.Failed;
            record.Error = ex.Message;
            _shells[record.Name] = new TenantShell(record, null, new Dictionary<string, IReadOnlySet<string>>());
        }
    }
}

/// <summary>Role claims that carry permission names.</summary>
public static class PermissionClaim
{
    public const string Type = "permission";
    public const string TenantClaimType = "workbench:tenant";
    public static Claim Of(string permission) => new(Type, permission);
}
