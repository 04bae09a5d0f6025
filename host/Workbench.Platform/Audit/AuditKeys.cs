using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Workbench.Platform.Data;
using Workbench.Platform.Security;

namespace Workbench.Platform.Audit;

/// <summary>
/// The secret that keys every tenant's audit chain, kept outside the tenant databases so that write access to a
/// database is not enough to forge entries: <c>Workbench:Audit:Key</c> (base64, at least 32 bytes — set the same
/// value on every node), else <c>audit.key</c> in the data folder, generated once and readable only by its owner.
/// Each tenant's chain uses its own key derived from it.
/// </summary>
public sealed class AuditKeys
{
    private const int MinimumKeyBytes = 32;
    private readonly byte[] _master;

    public AuditKeys(IOptions<WorkbenchOptions> options, DataPaths paths) =>
        _master = options.Value.Audit.Key is { Length: > 0 } configured ? FromConfiguration(configured) : FromFile(Path.Combine(paths.Root, "audit.key"));

    /// <summary>The HMAC key of one tenant's chain.</summary>
    public byte[] For(string tenant) => HMACSHA256.HashData(_master, Encoding.UTF8.GetBytes("workbench-audit-chain/" + tenant));

    private static byte[] FromConfiguration(string base64)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InvalidOperationException("Workbench:Audit:Key is not base64."); }
        return key.Length >= MinimumKeyBytes ? key : throw new InvalidOperationException($"Workbench:Audit:Key must hold at least {MinimumKeyBytes} bytes.");
    }

    private static byte[] FromFile(string path) =>
        FromConfiguration(Encoding.ASCII.GetString(SecretFiles.ReadOrCreate(path, () => Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes))))).Trim());
}
