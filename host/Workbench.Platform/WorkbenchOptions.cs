using Workbench.Abstractions.Tenants;

namespace Workbench.Platform;

/// <summary>The <c>Workbench</c> configuration section.</summary>
public sealed class WorkbenchOptions
{
    public const string Section = "Workbench";

    /// <summary>Folder of the embedded databases, logs and generated secrets. Relative paths are resolved against the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>Folder of plugin modules, one sub-folder per module id.</summary>
    public string PluginsPath { get; set; } = "plugins";

    /// <summary>Folder of <c>*.recipe.json</c> files.</summary>
    public string RecipesPath { get; set; } = "recipes";

    /// <summary>Where the tenant registry lives; defaults to SQLite in the data folder.</summary>
    public DatabaseProvider HostDatabaseProvider { get; set; } = DatabaseProvider.Sqlite;
    public string? HostConnectionString { get; set; }

    /// <summary>Seconds between checks for tenant changes made by other processes (CLI, other nodes).</summary>
    public double TenantPollSeconds { get; set; } = 1;

    /// <summary>Seconds between outbox dispatch passes.</summary>
    public double OutboxPollSeconds { get; set; } = 5;

    /// <summary>Base of the exponential back-off between delivery attempts (attempt n waits 2^n times this, at most 10 minutes).</summary>
    public double OutboxRetryBaseSeconds { get; set; } = 1;

    /// <summary>How long a node that claimed a message has to deliver it; a node that died meanwhile leaves it to the others after this.</summary>
    public double OutboxLeaseSeconds { get; set; } = 120;

    /// <summary>Hours between runs of the reminder job (review dates and other due dates of modules).</summary>
    public double ReminderIntervalHours { get; set; } = 24;

    /// <summary>How often the search index is compacted (FTS5 optimize on SQLite tenants).</summary>
    public double SearchMaintenanceHours { get; set; } = 24;

    /// <summary>How often due workflow timers resume and scheduled workflow types start.</summary>
    public double WorkflowTimerSeconds { get; set; } = 30;

    public SetupOptions Setup { get; set; } = new();

    public AuditOptions Audit { get; set; } = new();

    public DataProtectionOptions DataProtection { get; set; } = new();

    public Telemetry.TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Attempts per minute and client address on the sign-in and token endpoints (429 beyond).</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Tenants created and set up from their recipe on first start (AutoSetup).</summary>
    public List<TenantSetupOptions> Tenants { get; set; } = [];
}

public sealed class RateLimitOptions
{
    public int SignInPerMinute { get; set; } = 20;
    public int TokenPerMinute { get; set; } = 600;
}

public sealed class SetupOptions
{
    public string AdminEmail { get; set; } = "admin@workbench.local";
    public string? AdminPassword { get; set; }
}

public sealed class TenantSetupOptions
{
    public string Name { get; set; } = "";
    public string Recipe { get; set; } = "";
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }
}

public sealed class AuditOptions
{
    /// <summary>Base64 secret (≥ 32 bytes) keying the audit chains; the same on every node. Empty: <c>audit.key</c> in the data folder.</summary>
    public string? Key { get; set; }
}

public sealed class DataProtectionOptions
{
    /// <summary>PFX file whose certificate encrypts the shared key ring (relative to the data folder); the same on every node. Empty: one made in the data folder.</summary>
    public string? Certificate { get; set; }
    public string? CertificatePassword { get; set; }
}
