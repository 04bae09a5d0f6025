namespace Workbench.Platform.Data;

/// <summary>A row of <c>Platform_Files</c>: one file's bytes, stored once per tenant under their SHA-256.</summary>
public sealed class StoredFileRecord
{
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime StoredUtc { get; set; }
}
