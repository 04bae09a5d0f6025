using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.DocumentRegister.Data;

namespace Workbench.DocumentRegister.Domain;

/// <summary>Reads documents as a person may see them: the list, one document, its versions.</summary>
public sealed class DocumentQueries(DocumentRegisterDbContext db, DocumentAccessRule access)
{
    /// <summary>The documents the person may see.</summary>
    public IQueryable<Document> Visible(ClaimsPrincipal user) => access.Visible(user);

    public Task<Document?> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        access.Visible(user).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);

    public async Task<DocumentView> ViewAsync(Document d, CancellationToken ct)
    {
        var accessList = await db.Access.AsNoTracking().Where(a => a.DocumentId == d.Id).Select(a => a.Email).OrderBy(e => e).ToListAsync(ct);
        var links = await db.Links.AsNoTracking().Where(l => l.DocumentId == d.Id).Select(l => new LinkInput(l.TargetId, l.Kind)).ToListAsync(ct);
        return new DocumentView(d.Id, d.RegistrationNumber, d.RegisteredUtc, d.RegisteredBy, d.Direction, d.Kind, d.Status, d.Version, d.RegisterId, d.CaseFileId,
            d.Title, d.Summary, d.Author, d.Correspondent, d.DocumentDate, d.Executor, d.DueDate, d.Restricted, accessList, links, d.ServiceCases, d.CustomFields);
    }

    public sealed record ListQuery(Guid? RegisterId = null, DocumentStatus? Status = null, Direction? Direction = null, DateOnly? From = null, DateOnly? Until = null, int Skip = 0, int Take = 50);

    /// <summary>The documents the person may see, newest first, with how many there are in all.</summary>
    public async Task<(int Total, List<Document> Page)> ListAsync(ClaimsPrincipal user, ListQuery query, CancellationToken ct)
    {
        var documents = access.Visible(user).AsNoTracking();
        if (query.RegisterId is { } register) documents = documents.Where(d => d.RegisterId == register);
        if (query.Status is { } status) documents = documents.Where(d => d.Status == status);
        if (query.Direction is { } direction) documents = documents.Where(d => d.Direction == direction);
        if (query.From is { } from) documents = documents.Where(d => d.RegisteredUtc >= from.ToDateTime(TimeOnly.MinValue));
        if (query.Until is { } until) documents = documents.Where(d => d.RegisteredUtc < until.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var total = await documents.CountAsync(ct);
        var page = await documents.OrderByDescending(d => d.RegisteredUtc).ThenByDescending(d => d.Sequence).Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(ct);
        return (total, page);
    }

    public Task<List<DocumentVersion>> VersionsAsync(Guid id, CancellationToken ct) =>
        db.Versions.AsNoTracking().Where(v => v.DocumentId == id).OrderBy(v => v.Version).ToListAsync(ct);
}
