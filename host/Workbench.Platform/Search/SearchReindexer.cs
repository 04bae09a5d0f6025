using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Search;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Search;

/// <summary>Rebuilds the tenant's index from every enabled feature's search source, in one transaction.</summary>
public sealed class SearchReindexer(
    IEnumerable<ISearchSource> sources,
    SearchIndexWriter writer,
    TenantDatabaseSession session,
    PlatformDbContext db,
    ITenantContext tenant,
    IAuditLog audit)
{
    private const string SettingName = "search-index";

    public async Task<SearchIndexStatus> RebuildAsync(IProgress<int>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        await session.InTransactionAsync(async () =>
        {
            foreach (var source in sources.Where(s => tenant.Required.IsFeatureEnabled(s.Feature)))
            {
                await writer.RemoveFeatureAsync(source.Feature, ct);
                await foreach (var document in source.ReadAllAsync(ct))
                {
                    await writer.IndexAsync(document, ct);
                    if (++count % 500 == 0) progress?.Report(count);
                }
            }
            var status = new SearchIndexStatus(count, DateTime.UtcNow, watch.Elapsed.TotalSeconds);
            var row = await db.Settings.SingleOrDefaultAsync(s => s.Name == SettingName, ct);
            if (row is null) db.Settings.Add(new SettingRecord { Name = SettingName, Json = JsonSerializer.Serialize(status) });
            else row.Json = JsonSerializer.Serialize(status);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync("search.rebuilt", tenant.Required.Name, status, ct);
        }, ct);
        progress?.Report(count);
        return new SearchIndexStatus(count, DateTime.UtcNow, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Items per feature and the last rebuild, for the admin page.</summary>
    public async Task<(IReadOnlyDictionary<string, long> ItemsPerFeature, long TextBytes, SearchIndexStatus? LastRebuild)> DescribeAsync(CancellationToken ct)
    {
        var perFeature = (await session.Connection.QueryAsync<(string Feature, long Count)>(new CommandDefinition(
            """SELECT "Feature", COUNT(*) FROM "Search_Items" GROUP BY "Feature" """, transaction: session.Transaction, cancellationToken: ct))).ToDictionary(r => r.Feature, r => r.Count);
        var bytes = await session.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """SELECT SUM(LENGTH("Text") + LENGTH("TextExact") + LENGTH("TextFold")) FROM "Search_Content" """, transaction: session.Transaction, cancellationToken: ct)) ?? 0;
        var json = await db.Settings.AsNoTracking().Where(s => s.Name == SettingName).Select(s => s.Json).SingleOrDefaultAsync(ct);
        return (perFeature, bytes, json is null ? null : JsonSerializer.Deserialize<SearchIndexStatus>(json));
    }
}

public sealed record SearchIndexStatus(int Items, DateTime RebuiltUtc, double Seconds);
