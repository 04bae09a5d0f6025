using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Benefits.Data;
using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Integration;

/// <param name="Differences">Fields whose values differ (for <c>different</c>).</param>
public sealed record ReconciliationLine(string Code, int? LocalVersion, int? AvisVersion, IReadOnlyList<string> Differences);

/// <summary>What AVIS holds for the municipality compared with the latest local version of each relief.</summary>
public sealed record ReconciliationReport(
    Guid Id, DateTime RunUtc, string RunBy, int Compared, IReadOnlyList<ReconciliationLine> Missing, IReadOnlyList<ReconciliationLine> Different,
    IReadOnlyList<ReconciliationLine> Unknown, string? Error);

/// <summary>
/// Reads <c>GET {Workbench:Integrations:Avis:Url}/reliefs?municipality={tenant}</c> (the relief messages AVIS holds, in
/// the contract's shape) and reports reliefs missing in AVIS, held in another version or with other values, and reliefs
/// AVIS holds that the municipality does not know. Each run is kept and audited (counts only).
/// </summary>
public sealed class AvisReconciliation(
    BenefitsDbContext db, IHttpClientFactory http, IConfiguration configuration, ITenantContext tenant, ICurrentActor actor, IAuditLog audit)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Configured => configuration["Workbench:Integrations:Avis:Url"] is { Length: > 0 };

    public async Task<ReconciliationReport?> LatestAsync(CancellationToken ct) =>
        await db.Reconciliations.AsNoTracking().OrderByDescending(r => r.RunUtc).FirstOrDefaultAsync(ct) is { } run ? Read(run) : null;

    public async Task<ReconciliationReport> RunAsync(CancellationToken ct)
    {
        var run = new Reconciliation { Id = Guid.NewGuid(), RunUtc = DateTime.UtcNow, RunBy = actor.Name };
        ReconciliationReport report;
        try
        {
            var held = await FetchAsync(ct);
            report = await CompareAsync(run, held, ct);
            run.ReportJson = JsonSerializer.Serialize(report, Json);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            run.Error = $"AVIS nevarēja nolasīt: {ex.Message}";
            report = new(run.Id, run.RunUtc, run.RunBy, 0, [], [], [], run.Error);
        }
        db.Reconciliations.Add(run);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("benefits.avis.reconciled", run.Id.ToString(),
            new { compared = report.Compared, missing = report.Missing.Count, different = report.Different.Count, unknown = report.Unknown.Count, error = report.Error }, ct);
        return report;
    }

    private async Task<List<JsonElement>> FetchAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AvisClient.Endpoint(configuration, $"reliefs?municipality={Uri.EscapeDataString(tenant.Required.Name)}"));
        AvisClient.Authorize(configuration, request);
        using var client = http.CreateClient(AvisAdapter.AdapterName);
        client.Timeout = TimeSpan.FromSeconds(30);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"AVIS answered {(int)response.StatusCode} {response.ReasonPhrase}");
        return await response.Content.ReadFromJsonAsync<List<JsonElement>>(ct) ?? [];
    }

    private async Task<ReconciliationReport> CompareAsync(Reconciliation run, List<JsonElement> held, CancellationToken ct)
    {
        var reliefs = await db.Reliefs.AsNoTracking().ToListAsync(ct);
        var latest = (await db.Versions.AsNoTracking().ToListAsync(ct)).GroupBy(v => v.ReliefId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);
        var avis = held.Where(h => h.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
            .GroupBy(h => h.GetProperty("code").GetString()!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(VersionOf), StringComparer.Ordinal);
        var (missing, different) = (new List<ReconciliationLine>(), new List<ReconciliationLine>());
        foreach (var relief in reliefs.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var local = JsonSerializer.SerializeToElement(AvisRelief.Of(tenant.Required.Name, relief, latest[relief.Id]), Json);
            if (!avis.TryGetValue(relief.Code, out var there)) { missing.Add(new(relief.Code, latest[relief.Id].Number, null, [])); continue; }
            var differences = local.EnumerateObject().Where(p => !SameValue(p.Value, there.TryGetProperty(p.Name, out var v) ? v : default)).Select(p => p.Name).ToList();
            if (differences.Count > 0) different.Add(new(relief.Code, latest[relief.Id].Number, VersionOf(there), differences));
        }
        var known = reliefs.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = avis.Where(a => !known.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new ReconciliationLine(a.Key, null, VersionOf(a.Value), [])).ToList();
        return new(run.Id, run.RunUtc, run.RunBy, reliefs.Count, missing, different, unknown, null);
    }

    private static int? VersionOf(JsonElement item) => item.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : null;

    /// <summary>JSON values compared by meaning: 50 and 50.00 are the same number, "ā" and "\u0101" the same text, a missing field is null.</summary>
    private static bool SameValue(JsonElement a, JsonElement b)
    {
        var (ak, bk) = (Kind(a), Kind(b));
        if (ak != bk) return false;
        return ak switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.Number => a.GetDecimal() == b.GetDecimal(),
            JsonValueKind.String => a.GetString() == b.GetString(),
            JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => SameValue(p.First, p.Second)),
            JsonValueKind.Object => a.EnumerateObject().All(p => SameValue(p.Value, b.TryGetProperty(p.Name, out var v) ? v : default)),
            _ => a.GetRawText() == b.GetRawText(),
        };
    }

    private static JsonValueKind Kind(JsonElement e) => e.ValueKind is JsonValueKind.Undefined ? JsonValueKind.Null : e.ValueKind;

    private static ReconciliationReport Read(Reconciliation run) =>
        run.ReportJson is { } json ? JsonSerializer.Deserialize<ReconciliationReport>(json, Json)! : new(run.Id, run.RunUtc, run.RunBy, 0, [], [], [], run.Error);
}

/// <summary>Nightly reconciliation with AVIS, where AVIS is configured.</summary>
public sealed class AvisReconciliationJob(AvisReconciliation reconciliation) : IModuleJob
{
    public string Feature => BenefitsManifest.Feature;
    public string Name => "benefits-avis-reconciliation";

    public async Task RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (!reconciliation.Configured) return;
        if ((await reconciliation.RunAsync(cancellationToken)).Error is { } error) throw new InvalidOperationException(error);
    }
}
