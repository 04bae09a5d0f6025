using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Files;
using Workbench.Abstractions.Security;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Search;

namespace Workbench.DocumentRegister.Domain;

/// <summary>A document's files: attached (stored once by hash, a signed container only once it checks out), listed, downloaded.</summary>
public sealed class DocumentAttachments(
    DocumentRegisterDbContext db, IFileStore files, IAuditLog audit, ITenantTransaction transaction, ICurrentActor actor, TimeProvider clock, DocumentSearchSource search)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<List<Attachment>> AttachmentsAsync(Guid id, CancellationToken ct) =>
        db.Attachments.AsNoTracking().Where(a => a.DocumentId == id).OrderBy(a => a.AddedUtc).ToListAsync(ct);

    /// <summary>Attaches a file (its content stored once per hash); a signed container only once its structure checks out.</summary>
    public Task<Attachment> AttachAsync(Guid id, string fileName, string contentType, byte[] content, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta.");
        if (content.Length == 0) throw new ArgumentException("Datne ir tukša.");
        var name = Path.GetFileName(fileName.Trim());
        if (name.Length is 0 or > 255) throw new ArgumentException("Datnes nosaukums ir obligāts, līdz 255 zīmēm.");
        var kind = AttachmentKind.File;
        string? signers = null;
        if (SignedContainer.LooksLikeOne(name, contentType))
        {
            var check = SignedContainer.Check(content);
            if (check.Error is not null) throw new ArgumentException(check.Error);
            (kind, signers) = (AttachmentKind.SignedContainer, string.Join("; ", check.Signers));
        }
        if (string.IsNullOrWhiteSpace(contentType)) contentType = "application/octet-stream";
        var hash = (await files.PutAsync(content, contentType, ct)).Sha256;
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(), DocumentId = id, FileName = name, ContentType = contentType,
            Hash = hash, Size = content.Length, Kind = kind, Signers = signers, AddedBy = actor.Name, AddedUtc = Now,
        };
        db.Attachments.Add(attachment);
        document.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("documents.attached", document.RegistrationNumber, new { attachment.FileName, hash, kind }, ct);
        await search.IndexAsync(id, ct);
        return attachment;
    }, ct);

    public async Task<(Attachment Attachment, byte[] Content)?> AttachmentAsync(Guid documentId, Guid attachmentId, CancellationToken ct)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DocumentId == documentId, ct);
        if (attachment is null) return null;
        return (attachment, await ContentAsync(attachment, ct));
    }

    public Task<byte[]> ContentAsync(Attachment attachment, CancellationToken ct) => files.ReadReferencedAsync(attachment.Hash, ct);
}
