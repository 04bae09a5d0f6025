using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.CustomFields;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Search;
using Workbench.Notices.Search;
using Workbench.Notices.Data;
using Workbench.Abstractions.Validation;

namespace Workbench.Notices.Domain;

/// <summary>The rules for notices, shared by the API, the staff pages and the recipe step.</summary>
public sealed class NoticeService(NoticesDbContext db, ICustomFieldService customFields, IAuditLog audit, ITenantTransaction transaction, ISearchIndex search)
{
    /// <returns>Errors keyed by field name (camelCase, custom fields as <c>customFields.key</c>); empty when valid.</returns>
    public async Task<ValidationErrors> ValidateAsync(NoticeInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 200)
            errors["title"] = ["Virsraksts ir obligāts, līdz 200 zīmēm."];
        if (input.Body is { Length: > 20000 })
            errors["body"] = ["Teksts līdz 20 000 zīmēm."];
        if (input.Category is { Length: > 80 })
            errors["category"] = ["Kategorija līdz 80 zīmēm."];
        if (input.IsPublic && input.PublishedOn is null)
            errors["publishedOn"] = ["Publiskam paziņojumam vajag publicēšanas datumu."];
        if (input.PublishedOn is { } from && input.ExpiresOn is { } to && to < from)
            errors["expiresOn"] = ["Beigu datums nevar būt pirms publicēšanas."];
        var fields = await customFields.ValidateAsync(Notice.RecordType, input.CustomFields, ct);
        foreach (var (key, message) in fields.Errors) errors[$"customFields.{key}"] = [message];
        return errors;
    }

    /// <summary>Creates or updates (when the id exists). Call <see cref="ValidateAsync"/> first.</summary>
    public Task<(Notice Notice, bool Created)> SaveAsync(NoticeInput input, CancellationToken ct) =>
        transaction.InTransactionAsync(() => SaveInTransactionAsync(input, ct), ct);

    private async Task<(Notice Notice, bool Created)> SaveInTransactionAsync(NoticeInput input, CancellationToken ct)
    {
        var values = (await customFields.ValidateAsync(Notice.RecordType, input.CustomFields, ct)).Values;
        var notice = input.Id is { } id ? await db.Notices.SingleOrDefaultAsync(n => n.Id == id, ct) : null;
        var created = notice is null;
        var now = DateTime.UtcNow;
        if (notice is null)
        {
            notice = new Notice { Id = input.Id ?? Guid.NewGuid(), Title = "", CreatedUtc = now };
            db.Notices.Add(notice);
        }
        notice.Title = input.Title!.Trim();
        notice.Body = input.Body ?? "";
        notice.Category = input.Category?.Trim() ?? "";
        notice.PublishedOn = input.PublishedOn;
        notice.ExpiresOn = input.ExpiresOn;
        notice.IsPublic = input.IsPublic;
        notice.CustomFieldsJson = values.ToJsonString();
        notice.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(NoticeSearchSource.Document(notice), ct);
        await audit.AppendAsync(created ? "notice.created" : "notice.updated", notice.Id.ToString(), new { notice.Title }, ct);
        return (notice, created);
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken ct) =>
        transaction.InTransactionAsync(async () =>
        {
            var deleted = await db.Notices.Where(n => n.Id == id).ExecuteDeleteAsync(ct);
            if (deleted == 0) return false;
            await search.RemoveAsync(NoticesManifest.Feature, NoticeSearchSource.Type, id.ToString(), ct);
            await audit.AppendAsync("notice.deleted", id.ToString(), cancellationToken: ct);
            return true;
        }, ct);

    /// <summary>What a caller may see: everything with <paramref name="includeInternal"/>, otherwise what residents see today.</summary>
    public async Task<List<Notice>> ListAsync(bool includeInternal, DateOnly today, CancellationToken ct)
    {
        var query = db.Notices.AsNoTracking();
        if (!includeInternal)
            query = query.Where(n => n.IsPublic && n.PublishedOn != null && n.PublishedOn <= today && (n.ExpiresOn == null || n.ExpiresOn >= today));
        return await query.OrderByDescending(n => n.PublishedOn).ThenBy(n => n.Title).ToListAsync(ct);
    }

    public Task<Notice?> FindAsync(Guid id, CancellationToken ct) => db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
}
