using System.Security.Cryptography;

namespace Workbench.Abstractions.Files;

/// <summary>A file held by the tenant's file store: its address (the SHA-256 of its bytes), content type and size.</summary>
public sealed record StoredFileInfo(string Sha256, string ContentType, long Size);

/// <summary>
/// The tenant's content-addressed file store: every module keeps attachments, photos and plans here and records only the
/// address. The same bytes are stored once per tenant however many records refer to them, and stored files are never
/// changed or removed (registers keep what was filed). Writes join the current tenant transaction, so a record and its
/// file are saved together or not at all.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores <paramref name="content"/> unless the tenant already holds the same bytes; returns its address either way.</summary>
    Task<StoredFileInfo> PutAsync(byte[] content, string contentType, CancellationToken cancellationToken);

    /// <summary>The file's description without its bytes, or null when the tenant holds no such file.</summary>
    Task<StoredFileInfo?> FindAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>The file's bytes, or null when the tenant holds no such file.</summary>
    Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken);
}

public static class FileStoreExtensions
{
    /// <summary>
    /// The bytes of a file a record refers to. The store never removes what it was given, so a missing one means a
    /// damaged database: a fault, not a refusal.
    /// </summary>
    public static async Task<byte[]> ReadReferencedAsync(this IFileStore files, string sha256, CancellationToken cancellationToken) =>
        await files.ReadAsync(sha256, cancellationToken) ?? throw new InvalidOperationException($"The file {sha256} is missing from the tenant's file store.");
}

public static class FileAddress
{
    /// <summary>The address a file store gives these bytes: lower-case hexadecimal SHA-256.</summary>
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
