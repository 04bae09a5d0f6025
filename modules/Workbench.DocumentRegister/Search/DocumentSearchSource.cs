using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Files;
using Workbench.Abstractions.Search;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Domain;

namespace Workbench.DocumentRegister.Search;

/// <summary>
/// Documents in the shared index with their attachments' text. A restricted document opens only to the e-mail
/// addresses on its access list, so it is never found, nor counted, by anyone else.
/// </summary>
public sealed class DocumentSearchSource(DocumentRegisterDbContext db, IFileStore files, ISearchIndex index) : ISearchSource
{
    public const string Type = "document";

    public string Feature => DocumentRegisterManifest.Feature;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await db.Documents.AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
            if (await DocumentAsync(id, cancellationToken) is { } document) yield return document;
    }

    public async Task IndexAsync(Guid id, CancellationToken ct)
    {
        if (await DocumentAsync(id, ct) is { } document) await index.IndexAsync(document, ct);
    }

    private async Task<SearchDocument?> DocumentAsync(Guid id, CancellationToken ct)
    {
        var d = await db.Documents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        var readers = await db.Access.AsNoTracking().Where(a => a.DocumentId == id).Select(a => a.Email).ToListAsync(ct);
        var access = readers.Select(SearchAccess.Email).Concat(d.Restricted ? [] : [SearchAccess.Permission(DocumentRegisterManifest.ViewDocuments)]).ToList();
        var attachments = new List<SearchAttachment>();
        foreach (var a in await db.Attachments.AsNoTracking().Where(a => a.DocumentId == id && a.Kind == AttachmentKind.File).OrderBy(a => a.AddedUtc).ToListAsync(ct))
            if (await files.ReadAsync(a.Hash, ct) is { } content) attachments.Add(new SearchAttachment(a.FileName, content));
        var text = string.Join('\n', new[] { d.RegistrationNumber, d.Kind, d.Summary, d.Author, d.Correspondent, d.Executor }
            .Concat(d.CustomFields.Select(p => p.Value?.ToString())).Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument(DocumentRegisterManifest.Feature, Type, id.ToString(), $"{d.RegistrationNumber} {d.Title}", text, $"admin/documents/{id}", access)
        {
            Attachments = attachments,
        };
    }
}
