using Workbench.Abstractions.Data;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions;
using Workbench.Abstractions.Files;
using Workbench.Cemetery.Data;
using Workbench.Cemetery.Search;

namespace Workbench.Cemetery.Domain;

/// <summary>Cemeteries, their sections and rows, and grave sites: created one by one or by range, placed on the scheme.</summary>
public sealed class CemeteryService(CemeteryDbContext db, AuditedWriter<CemeteryDbContext> writer, CemeterySearchSource search, IFileStore files, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<List<Cemetery>> ListAsync(CancellationToken ct) => db.Cemeteries.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public Task<Cemetery?> FindAsync(Guid id, CancellationToken ct) => db.Cemeteries.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    public async Task<Cemetery> RequireAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new KeyNotFoundException("Nav tādas kapsētas.");

    public Task<Cemetery> CreateAsync(CemeteryInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var name = input.Name!.Trim();
        if (await db.Cemeteries.AnyAsync(c => c.Name == name, ct)) throw new ConflictException($"Kapsēta \"{name}\" jau ir reģistrā.");
        var cemetery = new Cemetery { Id = input.Id ?? Guid.NewGuid(), CreatedUtc = Now };
        Apply(cemetery, input);
        db.Cemeteries.Add(cemetery);
        await writer.SaveAsync("cemetery.created", cemetery.Id.ToString(), new { cemetery.Name }, ct, $"Kapsēta \"{name}\" jau ir reģistrā.");
        await search.IndexCemeteryAsync(cemetery, ct);
        return cemetery;
    }, ct);

    public Task<Cemetery> UpdateAsync(Guid id, CemeteryInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var cemetery = await db.Cemeteries.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException("Nav tādas kapsētas.");
        var name = input.Name!.Trim();
        if (await db.Cemeteries.AnyAsync(c => c.Name == name && c.Id != id, ct)) throw new ConflictException($"Kapsēta \"{name}\" jau ir reģistrā.");
        if ((input.SchemeWidth < cemetery.SchemeWidth || input.SchemeHeight < cemetery.SchemeHeight) && await db.Sites.AnyAsync(s => s.CemeteryId == id && s.Polygon != null, ct))
        {
            var outside = (await db.Sites.AsNoTracking().Where(s => s.CemeteryId == id && s.Polygon != null).Select(s => new { s.Number, s.Polygon }).ToListAsync(ct))
                .FirstOrDefault(s => Polygons.FromJson(s.Polygon).Any(p => p[0] > input.SchemeWidth || p[1] > input.SchemeHeight));
            if (outside is not null) throw new ConflictException($"Kapavieta {outside.Number} paliktu ārpus mazākas shēmas.");
        }
        Apply(cemetery, input);
        await writer.SaveAsync("cemetery.updated", id.ToString(), new { cemetery.Name, cemetery.Status }, ct);
        await search.IndexCemeteryAsync(cemetery, ct);
        return cemetery;
    }, ct);

    private void Apply(Cemetery c, CemeteryInput input)
    {
        (c.Name, c.Status, c.Address, c.Latitude, c.Longitude, c.OpeningHours, c.Caretaker) =
            (input.Name!.Trim(), input.Status, input.Address?.Trim(), input.Latitude, input.Longitude, input.OpeningHours?.Trim(), input.Caretaker?.Trim());
        (c.ReuseYears, c.AllowsCoffins, c.AllowsUrns, c.UrnsIntoOccupied, c.PublishAfterDays) = (input.ReuseYears, input.AllowsCoffins, input.AllowsUrns, input.UrnsIntoOccupied, input.PublishAfterDays);
        (c.DayStart, c.DayEnd, c.SlotMinutes, c.SchemeWidth, c.SchemeHeight) =
            (input.DayStart ?? new(10, 0), input.DayEnd ?? new(16, 0), input.SlotMinutes, input.SchemeWidth, input.SchemeHeight);
        (c.NeglectWaitDays, c.ReminderEmail) = (input.NeglectWaitDays, string.IsNullOrWhiteSpace(input.ReminderEmail) ? null : input.ReminderEmail.Trim());
        c.UpdatedUtc = Now;
    }

    /// <summary>The plan image drawn under the scheme (kept in the file store; only its address here).</summary>
    public Task<Cemetery> SetPlanAsync(Guid id, byte[] content, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var cemetery = await db.Cemeteries.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException("Nav tādas kapsētas.");
        var stored = await files.PutAsync(content, Images.Require(content), ct);
        (cemetery.PlanSha256, cemetery.PlanContentType, cemetery.UpdatedUtc) = (stored.Sha256, stored.ContentType, Now);
        await writer.SaveAsync("cemetery.plan.uploaded", id.ToString(), new { stored.Sha256, stored.Size }, ct);
        return cemetery;
    }, ct);

    public async Task<(byte[] Content, string ContentType)?> PlanAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { PlanSha256: { } sha } cemetery && await files.ReadAsync(sha, ct) is { } bytes ? (bytes, cemetery.PlanContentType ?? "application/octet-stream") : null;

    public Task<SitePhoto> AddPhotoAsync(Guid siteId, byte[] content, string? caption, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        if (caption is { Length: > 300 }) throw new ArgumentException("Paraksts līdz 300 zīmēm.");
        _ = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, ct) ?? throw new KeyNotFoundException("Nav tādas kapavietas.");
        var stored = await files.PutAsync(content, Images.Require(content), ct);
        var photo = new SitePhoto { Id = Guid.NewGuid(), SiteId = siteId, Sha256 = stored.Sha256, ContentType = stored.ContentType, Caption = caption?.Trim(), TakenUtc = Now };
        db.SitePhotos.Add(photo);
        await writer.SaveAsync("cemetery.site.photo", siteId.ToString(), new { stored.Sha256 }, ct);
        return photo;
    }, ct);

    public Task<List<SitePhoto>> PhotosAsync(Guid siteId, CancellationToken ct) => db.SitePhotos.AsNoTracking().Where(p => p.SiteId == siteId).OrderBy(p => p.TakenUtc).ToListAsync(ct);

    public async Task<(byte[] Content, string ContentType)?> PhotoAsync(Guid photoId, CancellationToken ct) =>
        await db.SitePhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId, ct) is { } photo && await files.ReadAsync(photo.Sha256, ct) is { } bytes
            ? (bytes, photo.ContentType) : null;

    public static int DefaultCapacity(SiteType type) => type switch { SiteType.Family => 4, SiteType.Urn => 4, SiteType.Columbarium => 2, _ => 1 };

    public Task<GraveSite> CreateSiteAsync(Guid cemeteryId, SiteInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var cemetery = await RequireAsync(cemeteryId, ct);
        var site = await NewSiteAsync(cemetery, input, new Dictionary<string, Guid>(), new Dictionary<(Guid, string), Guid>(), ct);
        if (await db.Sites.AnyAsync(s => s.CemeteryId == cemeteryId && s.Number == site.Number, ct))
            throw new ConflictException($"Kapavieta {site.Number} šajā kapsētā jau ir.");
        db.Sites.Add(site);
        await writer.SaveAsync("cemetery.site.created", site.Id.ToString(), new { cemeteryId, site.Number }, ct,
            $"Kapavieta {site.Number} šajā kapsētā jau ir.");
        return site;
    }, ct);

    /// <summary>Many sites at once (an import): one save and one audit entry; the caller has checked the numbers are new.</summary>
    public Task<List<GraveSite>> CreateSitesAsync(Guid cemeteryId, IReadOnlyList<SiteInput> inputs, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var cemetery = await RequireAsync(cemeteryId, ct);
        var (sections, rows) = (new Dictionary<string, Guid>(), new Dictionary<(Guid, string), Guid>());
        var sites = new List<GraveSite>();
        foreach (var input in inputs) sites.Add(await NewSiteAsync(cemetery, input, sections, rows, ct));
        db.Sites.AddRange(sites);
        await writer.SaveAsync("cemetery.sites.created", cemeteryId.ToString(), new { count = sites.Count }, ct, "Kāds kapavietas numurs šajā kapsētā jau ir.");
        return sites;
    }, ct);

    /// <summary>Every site of the range, in one transaction; a number already used refuses the whole range (naming the first).</summary>
    public Task<List<GraveSite>> CreateRangeAsync(Guid cemeteryId, SiteRangeInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var cemetery = await RequireAsync(cemeteryId, ct);
        var (numbers, problem) = SiteNumbers.Range(input.From, input.To);
        if (problem is not null) throw new ArgumentException(problem);
        var wanted = numbers.Select(n => n.ToString()).ToList();
        var used = await db.Sites.AsNoTracking().Where(s => s.CemeteryId == cemeteryId).Select(s => s.Number).ToListAsync(ct);
        var clash = wanted.Intersect(used).ToList();
        if (clash.Count > 0)
            throw new ConflictException($"Kapavietas {string.Join(", ", clash.Take(5))}{(clash.Count > 5 ? " …" : "")} šajā kapsētā jau ir; nekas netika izveidots ({clash.Count} of these numbers are already used; nothing was created).");
        var positions = input.Grid is { } grid ? Layout(numbers, grid) : null;
        if (positions is not null && positions.Values.FirstOrDefault(p => Polygons.Problem(p, cemetery.SchemeWidth, cemetery.SchemeHeight) is not null) is { } bad)
            throw new ArgumentException($"Izkārtojums neietilpst shēmā {cemetery.SchemeWidth} × {cemetery.SchemeHeight}: {Polygons.Problem(bad, cemetery.SchemeWidth, cemetery.SchemeHeight)}.");
        var sections = new Dictionary<string, Guid>();
        var rows = new Dictionary<(Guid, string), Guid>();
        var sites = new List<GraveSite>();
        foreach (var number in numbers)
        {
            var site = await NewSiteAsync(cemetery, new SiteInput(number.ToString(), input.Type, input.Capacity, Polygon: positions?[number.ToString()]), sections, rows, ct);
            sites.Add(site);
        }
        db.Sites.AddRange(sites);
        await writer.SaveAsync("cemetery.sites.created", cemeteryId.ToString(), new { input.From, input.To, count = sites.Count }, ct);
        return sites;
    }, ct);

    /// <summary>Rectangles for a range: sections side by side, rows below each other, places left to right.</summary>
    public static Dictionary<string, List<double[]>> Layout(IReadOnlyList<SiteNumbers.Parsed> numbers, SchemeGrid grid)
    {
        var sections = numbers.Select(n => n.Section).Distinct().Order().ToList();
        var rows = numbers.Select(n => n.Row).Distinct().Order(StringComparer.Ordinal).ToList();
        var places = numbers.Select(n => n.Place).Distinct().Order().ToList();
        var sectionWidth = places.Count * (grid.SiteWidth + grid.Gap) + grid.Gap * 2;
        var result = new Dictionary<string, List<double[]>>();
        foreach (var n in numbers)
        {
            var x = grid.X + sections.IndexOf(n.Section) * sectionWidth + places.IndexOf(n.Place) * (grid.SiteWidth + grid.Gap);
            var y = grid.Y + rows.IndexOf(n.Row) * (grid.SiteHeight + grid.Gap);
            result[n.ToString()] = [[x, y], [x + grid.SiteWidth, y], [x + grid.SiteWidth, y + grid.SiteHeight], [x, y + grid.SiteHeight]];
        }
        return result;
    }

    private async Task<GraveSite> NewSiteAsync(Cemetery cemetery, SiteInput input, Dictionary<string, Guid> sections, Dictionary<(Guid, string), Guid> rows, CancellationToken ct)
    {
        var number = input.Number!.Trim();
        var parsed = SiteNumbers.Parse(number);
        var sectionName = input.Section?.Trim() is { Length: > 0 } s ? s : parsed?.Section.ToString();
        var rowName = input.Row?.Trim() is { Length: > 0 } r ? r : parsed?.Row;
        Guid? sectionId = null, rowId = null;
        if (sectionName is not null)
        {
            if (!sections.TryGetValue(sectionName, out var sid))
            {
                sid = await db.Sections.Where(x => x.CemeteryId == cemetery.Id && x.Name == sectionName).Select(x => (Guid?)x.Id).SingleOrDefaultAsync(ct)
                    ?? db.Sections.Add(new Section { Id = Guid.NewGuid(), CemeteryId = cemetery.Id, Name = sectionName }).Entity.Id;
                sections[sectionName] = sid;
            }
            sectionId = sid;
            if (rowName is not null)
            {
                if (!rows.TryGetValue((sid, rowName), out var rid))
                {
                    rid = await db.Rows.Where(x => x.SectionId == sid && x.Name == rowName).Select(x => (Guid?)x.Id).SingleOrDefaultAsync(ct)
                        ?? db.Rows.Add(new Row { Id = Guid.NewGuid(), SectionId = sid, Name = rowName }).Entity.Id;
                    rows[(sid, rowName)] = rid;
                }
                rowId = rid;
            }
        }
        return new GraveSite
        {
            Id = Guid.NewGuid(), CemeteryId = cemetery.Id, SectionId = sectionId, RowId = rowId, Number = number, Type = input.Type,
            Capacity = input.Capacity > 0 ? input.Capacity : DefaultCapacity(input.Type), WidthM = input.WidthM, LengthM = input.LengthM,
            State = input.State ?? SiteState.Free, Polygon = input.Polygon is null ? null : Polygons.ToJson(input.Polygon), CreatedUtc = Now, UpdatedUtc = Now,
        };
    }

    public Task<GraveSite> PlaceSiteAsync(Guid siteId, List<double[]>? polygon, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, ct) ?? throw new KeyNotFoundException("Nav tādas kapavietas.");
        var cemetery = await RequireAsync(site.CemeteryId, ct);
        if (Polygons.Problem(polygon, cemetery.SchemeWidth, cemetery.SchemeHeight) is { } problem) throw new ArgumentException(problem);
        (site.Polygon, site.UpdatedUtc) = (Polygons.ToJson(polygon!), Now);
        await writer.SaveAsync("cemetery.site.placed", siteId.ToString(), new { site.Number }, ct);
        return site;
    }, ct);

    /// <summary>Reserved or free by hand; occupied follows the burials and neglected the neglect procedure, so those are refused here.</summary>
    public Task<GraveSite> SetStateAsync(Guid siteId, SiteState state, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, ct) ?? throw new KeyNotFoundException("Nav tādas kapavietas.");
        if (state is SiteState.Occupied or SiteState.Neglected)
            throw new ArgumentException("Stāvokli \"aizņemta\" nosaka apbedījumi, \"nekopta\" — nekoptas vietas procedūra.");
        if (await db.Burials.AnyAsync(b => b.SiteId == siteId, ct))
            throw new ConflictException($"Kapavietā {site.Number} ir apbedījumi; tā paliek aizņemta.");
        (site.State, site.UpdatedUtc) = (state, Now);
        await writer.SaveAsync("cemetery.site.state", siteId.ToString(), new { site.Number, state }, ct);
        return site;
    }, ct);

    public Task<GraveSite?> SiteAsync(Guid id, CancellationToken ct) => db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

    public Task<List<GraveSite>> SitesAsync(Guid cemeteryId, CancellationToken ct) =>
        db.Sites.AsNoTracking().Where(s => s.CemeteryId == cemeteryId).ToListAsync(ct);

    public async Task<Dictionary<Guid, string>> SectionNamesAsync(Guid cemeteryId, CancellationToken ct) =>
        await db.Sections.AsNoTracking().Where(s => s.CemeteryId == cemeteryId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

    public async Task<Dictionary<Guid, string>> RowNamesAsync(Guid cemeteryId, CancellationToken ct) =>
        await (from r in db.Rows.AsNoTracking() join s in db.Sections.AsNoTracking() on r.SectionId equals s.Id where s.CemeteryId == cemeteryId select r)
            .ToDictionaryAsync(r => r.Id, r => r.Name, ct);
}
