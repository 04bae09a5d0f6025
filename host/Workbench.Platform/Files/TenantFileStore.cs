using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Files;
using Workbench.Platform.Data;

namespace Workbench.Platform.Files;

/// <summary>The file store in the tenant's own database, so a backup, an export or a restore carries the files with the records.</summary>
public sealed class TenantFileStore(PlatformDbContext db, TenantDatabaseSession session) : IFileStore
{
    public Task<StoredFileInfo> PutAsync(byte[] content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var sha256 = FileAddress.Of(content);
        return session.InTransactionAsync(async () =>
        {
            // Two requests storing the same bytes at once both succeed: the second insert is a no-op, not a key violation.
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "Platform_Files" ("Sha256", "ContentType", "Size", "Content", "StoredUtc") VALUES ({sha256}, {contentType}, {content.LongLength}, {content}, {DateTime.UtcNow}) ON CONFLICT ("Sha256") DO NOTHING""",
                cancellationToken);
            // The first content type stored for these bytes stays theirs; callers serve files by their own record's name.
            return (await FindAsync(sha256, cancellationToken))!;
        }, cancellationToken);
    }

    public Task<StoredFileInfo?> FindAsync(string sha256, CancellationToken cancellationToken) =>
        db.Files.AsNoTracking().Where(f => f.Sha256 == sha256)
            .Select(f => new StoredFileInfo(f.Sha256, f.ContentType, f.Size)).SingleOrDefaultAsync(cancellationToken);

    public Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken) =>
        db.Files.AsNoTracking().Where(f => f.Sha256 == sha256).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken)!;
}
