using Workbench.Abstractions.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions;
using Workbench.Cemetery.Data;

namespace Workbench.Cemetery.Domain;

/// <summary>One problem of an import: the spreadsheet row (the header is row 1) and the column.</summary>
public sealed record ImportError(int Row, string? Column, string Message);

public sealed record ImportReport(int Rows, int SitesCreated, int Burials, int UseRights, bool Committed, List<ImportError> Errors);

/// <summary>
/// Import of an existing register from CSV (sites, burials, holders), all or nothing: every row is checked — its shape,
/// then the register's rules against what the rows before it brought — and the whole import is one transaction, rolled
/// back for a preview or when any row is wrong. Columns: <see cref="Columns"/>; <c>cemetery</c> and <c>site</c> are
/// required, a row without <c>burialDate</c> and <c>holderName</c> only makes sure the site exists.
/// </summary>
public sealed class RegisterImport(CemeteryDbContext db, CemeteryService cemeteries, BurialService burials, UseRightService rights, AuditedWriter<CemeteryDbContext> writer)
{
    public const int MaxRows = 50_000;
    public static readonly string[] Columns =
        ["cemetery", "site", "siteType", "capacity", "givenName", "familyName", "personalCode", "birthDate", "deathDate", "burialDate", "burialType", "unidentified",
         "holderName", "holderCode", "holderEmail", "holderPhone", "rightStart", "rightEnd"];
    private static readonly string[] Required = ["cemetery", "site"];

    private sealed class Refused(ImportReport report) : Exception("import refused") { public ImportReport Report { get; } = report; }

    public async Task<ImportReport> RunAsync(byte[] content, bool commit, CancellationToken ct)
    {
        var rows = CsvReader.Read(content);
        if (rows.Count < 2) throw new ArgumentException("Datnē nav ne galvenes, ne rindu.");
        if (rows.Count - 1 > MaxRows) throw new ArgumentException($"Vienā importā līdz {MaxRows} rindām.");
        var header = rows[0].Select(h => h.Trim()).ToList();
        var missing = Required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
            throw new ArgumentException(string.Join(" ", new[]
            {
                missing.Count > 0 ? $"Trūkst kolonnu: {string.Join(", ", missing)}." : null,
                unknown.Count > 0 ? $"Nezināmas kolonnas: {string.Join(", ", unknown)}; der {string.Join(", ", Columns)} (unknown columns)." : null,
            }.Where(m => m is not null)));
        var index = Columns.ToDictionary(c => c, c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase)));
        try
        {
            return await writer.InTransactionAsync(async () =>
            {
                var report = await ApplyAsync(rows, index, ct);
                if (report.Errors.Count > 0 || !commit) throw new Refused(report with { Committed = false });
                return report with { Committed = true };
            }, ct);
        }
        catch (Refused refused)
        {
            db.ChangeTracker.Clear();
            return refused.Report;
        }
    }

    private async Task<ImportReport> ApplyAsync(List<string[]> rows, Dictionary<string, int> index, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var cemeteryIds = (await db.Cemeteries.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct)).ToDictionary(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var parsed = new List<(int Row, Guid Cemetery, string Site, SiteInput SiteInput, BurialInput? Burial, UseRightInput? Right)>();
        var today = burials.Today;
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = rows[r];
            var rowNumber = r + 1;
            var before = errors.Count;
            string? Cell(string column) => index[column] >= 0 && index[column] < cells.Length && cells[index[column]].Trim() is { Length: > 0 } v ? v : null;
            void Error(string column, string message) => errors.Add(new(rowNumber, column, message));
            DateOnly? Date(string column)
            {
                if (Cell(column) is not { } text) return null;
                if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
                Error(column, $"\"{text}\" nav datums formā 2024-05-31 vai 31.05.2024.");
                return null;
            }
            T Enum<T>(string column, T fallback) where T : struct, System.Enum
            {
                if (Cell(column) is not { } text) return fallback;
                if (System.Enum.TryParse<T>(text, true, out var value) && System.Enum.IsDefined(value)) return value;
                Error(column, $"\"{text}\" nav derīga vērtība; der {string.Join(", ", System.Enum.GetNames<T>())} (not a valid value).");
                return fallback;
            }
            if (cells.Length > Columns.Length + 5) Error("", "Rindā par daudz šūnu.");
            var cemeteryName = Cell("cemetery");
            var cemeteryId = Guid.Empty;
            if (cemeteryName is null) Error("cemetery", "Kapsēta ir obligāta.");
            else if (!cemeteryIds.TryGetValue(cemeteryName, out cemeteryId)) Error("cemetery", $"Nav kapsētas \"{cemeteryName}\"; vispirms izveidojiet to.");
            var site = Cell("site");
            if (site is null || site.Length > 30) Error("site", "Kapavietas numurs ir obligāts, līdz 30 zīmēm.");
            var capacityText = Cell("capacity");
            var capacity = 0;
            if (capacityText is not null && (!int.TryParse(capacityText, out capacity) || capacity is < 1 or > 50)) Error("capacity", "Ietilpība 1–50.");
            var siteInput = new SiteInput(site, Enum("siteType", SiteType.Single), capacity);
            BurialInput? burial = null;
            var burialDate = Date("burialDate");
            var (birth, death) = (Date("birthDate"), Date("deathDate"));
            var unidentified = Cell("unidentified") is { } u && (u.Equals("true", StringComparison.OrdinalIgnoreCase) || u == "1" || u.Equals("jā", StringComparison.OrdinalIgnoreCase));
            if (burialDate is not null || Cell("familyName") is not null || Cell("givenName") is not null)
            {
                burial = new BurialInput(Guid.Empty, Cell("givenName"), Cell("familyName"), burialDate, Enum("burialType", BurialType.Coffin), Cell("personalCode"), birth, death, unidentified);
                foreach (var (field, message) in CemeteryValidation.Validate(burial, today).Entries) Error(field, message);
            }
            UseRightInput? right = null;
            if (Cell("holderName") is not null || Cell("rightStart") is not null || Cell("rightEnd") is not null)
            {
                right = new UseRightInput(Guid.Empty, Cell("holderName"), Date("rightStart"), Date("rightEnd"), HolderKind.Person, Cell("holderCode"), Cell("holderEmail"), Cell("holderPhone"));
                foreach (var (field, message) in CemeteryValidation.Validate(right).Entries)
                    Error(field switch { "start" => "rightStart", "end" => "rightEnd", _ => field }, message);
            }
            if (errors.Count == before) parsed.Add((rowNumber, cemeteryId, site!.Trim(), siteInput, burial, right));
            if (errors.Count > 200) break;
        }
        if (errors.Count > 0) return new ImportReport(rows.Count - 1, 0, 0, 0, false, errors);

        // Sites first (the first row naming a site gives its type and capacity), then each cemetery's burials in date order, then holders.
        var sitesCreated = 0;
        var siteIds = new Dictionary<(Guid, string), Guid>();
        foreach (var group in parsed.GroupBy(p => p.Cemetery))
        {
            var existing = (await db.Sites.AsNoTracking().Where(s => s.CemeteryId == group.Key).Select(s => new { s.Id, s.Number }).ToListAsync(ct)).ToDictionary(s => s.Number, s => s.Id);
            var firsts = group.GroupBy(p => p.Site).Select(g => g.First()).ToList();
            foreach (var first in firsts.Where(f => existing.ContainsKey(f.Site))) siteIds[(group.Key, first.Site)] = existing[first.Site];
            var created = await cemeteries.CreateSitesAsync(group.Key, firsts.Where(f => !existing.ContainsKey(f.Site)).Select(f => f.SiteInput with { Number = f.Site }).ToList(), ct);
            foreach (var site in created) siteIds[(group.Key, site.Number)] = site.Id;
            sitesCreated += created.Count;
            var toBury = group.Where(p => p.Burial is not null).OrderBy(p => p.Burial!.BurialDate).ToList();
            var (_, refusals) = await burials.RecordManyAsync(group.Key, toBury.Select(p => p.Burial! with { SiteId = siteIds[(group.Key, p.Site)] }).ToList(), dryRun: false, ct);
            errors.AddRange(refusals.Select(e => new ImportError(toBury[e.Index].Row, "site", e.Message)));
        }
        var grantedRights = 0;
        foreach (var row in parsed.Where(p => p.Right is not null))
        {
            try
            {
                await rights.CreateAsync(row.Right! with { SiteId = siteIds[(row.Cemetery, row.Site)] }, ct);
                grantedRights++;
            }
            catch (ConflictException conflict) { errors.Add(new(row.Row, "holderName", conflict.Message)); }
        }
        return new ImportReport(rows.Count - 1, sitesCreated, parsed.Count(p => p.Burial is not null), grantedRights, false, errors.OrderBy(e => e.Row).ToList());
    }
}
