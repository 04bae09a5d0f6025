using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Records;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Domain;

namespace Workbench.DocumentRegister.Integration;

/// <summary>
/// Registers other modules' finished records (minutes, decisions) in the register of their kind, in the case file the
/// register receives documents in, once per source key, with their files attached.
/// </summary>
public sealed class RecordRegistry(DocumentRegisterDbContext db, DocumentRegistration registration, DocumentAttachments attachments) : IRecordRegistry
{
    public async Task<RegisteredRecord?> RegisterAsync(RecordToRegister record, CancellationToken cancellationToken = default)
    {
        var externalId = record.SourceKey;
        var existing = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.ExternalId == externalId, cancellationToken);
        if (existing is null)
        {
            var register = await db.Registers.AsNoTracking().Where(r => r.Kind == record.Kind && r.InboxCaseFileId != null).OrderBy(r => r.Code).FirstOrDefaultAsync(cancellationToken)
                ?? throw new RecordRegistryException($"Dokumentu reģistrā nav reģistra veidam \"{record.Kind}\" ar lietu, kurā reģistrēt saņemto.");
            existing = await registration.RegisterAsync(new DocumentInput(register.Id, register.InboxCaseFileId!.Value, record.Title, record.Summary, record.Author, DocumentDate: record.DocumentDate, Restricted: record.Restricted), externalId, cancellationToken);
            foreach (var file in record.Files) await attachments.AttachAsync(existing.Id, file.Name, file.ContentType, file.Content, cancellationToken);
        }
        return new RegisteredRecord(existing.Id, existing.RegistrationNumber, $"admin/documents/{existing.Id}");
    }
}
