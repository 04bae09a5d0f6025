using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Tenants;

/// <summary>Reads and writes the tenant's <see cref="SiteSettings"/> (one JSON row).</summary>
public sealed class SiteSettingsStore(PlatformDbContext db)
{
    public const string Name = "site";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(SiteSettings settings, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(settings, Json);
        var row = await db.Settings.SingleOrDefaultAsync(s => s.Name == Name, ct);
        if (row is null) db.Settings.Add(new SettingRecord { Name = Name, Json = json });
        else row.Json = json;
        await db.SaveChangesAsync(ct);
    }
}
