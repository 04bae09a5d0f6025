using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Batteries;

/// <summary>
/// A host of its own for the batteries (they change and probe a lot): a fresh municipality from the riga recipe, with
/// its demo meetings, documents, articles and cards, plus the competence centre for the operations only it offers.
/// </summary>
public sealed class BatteryHost : WorkbenchFactory, IAsyncLifetime
{
    public const string CompetenceCentre = "competence-centre";
    private static readonly string[] CompetenceCentreOnly = ["/api/tenants", "/api/admin/openid", "/api/admin/jobs"];

    public string Tenant { get; private set; } = "";
    public OpenApiOperations Operations { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await StartAsync();
        Tenant = await CreateTenantAsync("riga");
        // riga keeps no cemetery register; the batteries' municipality gets a small one, so its operations meet real records.
        using (var admin = await AdminClientAsync(Tenant))
        {
            var recipe = new StringContent(CemeteryRecipe, System.Text.Encoding.UTF8, "application/json");
            (await admin.PostAsync($"/{Tenant}/api/admin/recipes/run", recipe)).EnsureSuccessStatusCode();
        }
        // Kept for the fixture's life: the operations' schemas are elements of this document.
        Operations = new OpenApiOperations(JsonDocument.Parse(await AnonymousClient().GetStringAsync("/openapi/v1.json")));
    }

    private const string CemeteryRecipe = """
        {"name": "battery-cemetery", "steps": [
          {"name": "feature", "enable": ["Workbench.Cemetery"]},
          {"name": "cemetery", "items": [{"id": "5d1f6a10-0013-4000-8000-0000000000b1", "name": "Baterijas kapi",
            "ranges": [{"from": "1A-1", "to": "1B-5", "type": "Family", "capacity": 3, "grid": {}}],
            "burials": [{"siteNumber": "1A-1", "givenName": "Jānis", "familyName": "Bērziņš", "personalCode": "010101-12345", "deathDate": "2001-01-02", "burialDate": "2001-01-05"}],
            "useRights": [{"siteNumber": "1A-1", "holderName": "Anna Bērziņa", "start": "2001-01-05", "end": "2031-01-04",
              "fees": [{"description": "Uzturēšanas maksa", "amount": 20, "dueDate": "2026-03-01"}]}]}]}]}
        """;

    /// <summary>The tenant an operation is tried in: the competence centre for its own operations, else the municipality.</summary>
    public string TenantFor(ApiOperation operation) =>
        CompetenceCentreOnly.Any(p => operation.Path.StartsWith(p, StringComparison.Ordinal)) ? CompetenceCentre : Tenant;

    /// <summary>Host-level operations (health, culture) are not under a tenant.</summary>
    public static bool IsHostLevel(ApiOperation operation) => operation.Path is "/health" or "/culture";

    private static readonly Dictionary<string, (string List, string Property)> Sources = new()
    {
        ["personId"] = ("/api/council/people", "id"),
        ["type"] = ("/api/admin/workflows/types", "name"),
        ["taskId"] = ("/api/documents/tasks/mine", "id"),
    };

    /// <summary>
    /// The path with existing records' ids where they can be found (the list the path extends, read as the administrator),
    /// so that requests get past "not found" to the checks behind it; otherwise an id that does not exist.
    /// </summary>
    public async Task<string> ConcretePathAsync(ApiOperation operation, HttpClient admin)
    {
        var tenant = TenantFor(operation);
        var segments = operation.Path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var name = segments[i][1..^1];
            var (list, property) = Sources.TryGetValue(name, out var source) ? source : (string.Join('/', segments[..i]), name == "id" || name.EndsWith("Id", StringComparison.Ordinal) ? "id" : name);
            segments[i] = Uri.EscapeDataString(await FirstValueAsync(admin, $"/{tenant}{list}", property) ?? Fallback(name));
        }
        return IsHostLevel(operation) ? string.Join('/', segments) : $"/{tenant}{string.Join('/', segments)}";
    }

    /// <summary>The path with values that name no record (a changed record would change what later requests see).</summary>
    public string PathWithoutRecords(ApiOperation operation) =>
        $"/{TenantFor(operation)}{string.Join('/', operation.Path.Split('/').Select(s => s.StartsWith('{') ? Guid.NewGuid().ToString() : s))}";

    private static string Fallback(string parameter) => parameter switch
    {
        "email" => "battery@example.lv",
        "action" => "convene",
        "channel" => "depp",
        "name" => "Editor",
        _ => Guid.NewGuid().ToString(),
    };

    private static async Task<string?> FirstValueAsync(HttpClient admin, string path, string property)
    {
        try
        {
            using var response = await admin.GetAsync(path, TestContext.Current.CancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json") != true) return null;
            return Find(await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken), property);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException) { return null; }
    }

    private static string? Find(JsonElement element, string property)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number) return value.ToString();
                foreach (var child in element.EnumerateObject())
                    if (Find(child.Value, property) is { } found) return found;
                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    if (Find(item, property) is { } found) return found;
                return null;
            default: return null;
        }
    }

    /// <summary>Rows per table of a tenant's database, but for the logs of attempts: the audit log (refusals are audited on
    /// purpose) and the recipe-run history (a refused run is listed with its errors); and the workflow events waiting for
    /// the runner, which drains what earlier, accepted requests published while a later one is refused.</summary>
    public async Task<Dictionary<string, long>> RowCountsAsync(string tenant)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataPath, "tenants", tenant, "workbench.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT IN ('Platform_AuditEntries', 'Platform_RecipeRuns', 'Wf_PendingEvents')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    public static string Difference(Dictionary<string, long> before, Dictionary<string, long> after) =>
        string.Join(", ", after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)}→{a.Value}"));

    /// <summary>Entries the host logged at Error level or above (malformed input must not be one).</summary>
    public List<string> ErrorLogEntries()
    {
        var entries = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(DataPath, "logs"), "workbench-*.json"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
                if (line.Contains("\"Level\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"Level\":\"Fatal\"", StringComparison.Ordinal)) entries.Add(line);
        }
        return entries;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => DisposeAsync();
}
