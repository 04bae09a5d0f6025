namespace Workbench.Abstractions.Tenants;

/// <summary>The tenant (municipality) of the current request or background operation.</summary>
public interface ITenantContext
{
    /// <summary>Null outside a tenant (host-level requests).</summary>
    TenantInfo? Current { get; }

    TenantInfo Required => Current ?? throw new InvalidOperationException("This operation needs a tenant.");
}

public sealed record TenantInfo(
    string Name,
    DatabaseProvider DatabaseProvider,
    string ConnectionString,
    IReadOnlySet<string> EnabledFeatures,
    SiteSettings Settings)
{
    public bool IsDefaultTenant => Name == TenantNames.CompetenceCentre;
    public bool IsFeatureEnabled(string featureId) => EnabledFeatures.Contains(featureId);
}

public enum DatabaseProvider { Sqlite, Postgres }

public static class TenantNames
{
    /// <summary>The tenant that administers the platform (and later hosts the identity provider).</summary>
    public const string CompetenceCentre = "competence-centre";
}

/// <summary>Per-tenant site settings, set by the <c>settings</c> recipe step and the admin settings page.</summary>
public sealed record SiteSettings
{
    public string SiteName { get; init; } = "Workbench";
    public string Culture { get; init; } = "lv-LV";
    public string TimeZone { get; init; } = "Europe/Riga";
    public Branding Branding { get; init; } = new();

    /// <summary>Today's date in the municipality's time zone.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, TimeZone));
}

public sealed record Branding
{
    /// <summary>Tenant-relative or absolute URL of the coat of arms image (ģerbonis).</summary>
    public string? CoatOfArmsUrl { get; init; }
    public string PrimaryColor { get; init; } = "#7a1f2b";
    public string AccentColor { get; init; } = "#f4efe6";
}
