using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Workbench.Platform.Data;

namespace Workbench.Platform.Audit;

/// <summary>
/// The two keyed hashes of an audit entry. The <em>mark</em> is made by the appender inside the business transaction:
/// an HMAC over the entry's content with a random salt, so the chainer links only entries written with the audit key
/// (and a copied entry collides on the unique mark). The <em>chain hash</em> is made by the chainer: an HMAC over the
/// content, the entry's place in the chain, its mark and the previous entry's hash.
/// </summary>
public static class AuditHashes
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Marks a keyed chain hash; entries written before the chain was keyed carry a plain SHA-256.</summary>
    public const string KeyedPrefix = "hmac-sha256:";

    /// <summary>The hash the chainer gives a pending entry whose mark does not match: it is never chained.</summary>
    public const string Refused = "refused";

    private const int SaltBytes = 16;

    public static string Mark(AuditEntry e, byte[] key)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Convert.ToHexStringLower(salt) + "." + Convert.ToHexStringLower(MarkOf(e, salt, key));
    }

    public static bool MarkMatches(AuditEntry e, byte[] key)
    {
        if (e.ContentMac?.Split('.') is not [var saltHex, var macHex] || saltHex.Length != SaltBytes * 2) return false;
        try { return CryptographicOperations.FixedTimeEquals(MarkOf(e, Convert.FromHexString(saltHex), key), Convert.FromHexString(macHex)); }
        catch (FormatException) { return false; }
    }

    /// <summary>The keyed chain hash: HMAC-SHA256 with the tenant's audit key.</summary>
    public static string ChainHash(AuditEntry e, byte[] key) => KeyedPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Chained(e)));

    /// <summary>The hash of entries written before the chain was keyed (verifiable, but forgeable by anyone).</summary>
    public static string LegacyHash(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Chained(e)));

    private static byte[] MarkOf(AuditEntry e, byte[] salt, byte[] key) =>
        HMACSHA256.HashData(key, salt.Concat(Encoding.UTF8.GetBytes(string.Join('\u001f', Content(e)))).ToArray());

    // The same fields, in the same order, as before batch chaining: entries chained then still verify. Their place in
    // the chain was their number, and they have no mark.
    private static byte[] Chained(AuditEntry e) => Encoding.UTF8.GetBytes(string.Join('\u001f',
        [(e.ChainIndex ?? 0).ToString(CultureInfo.InvariantCulture), .. Content(e), e.PreviousHash, .. e.ContentMac is null ? Array.Empty<string>() : [e.ContentMac]]));

    private static string[] Content(AuditEntry e) =>
    [
        DateTime.SpecifyKind(e.TimestampUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        e.Tenant, e.Actor, e.Action, e.Subject, e.Details ?? "", e.SourceIp ?? "",
    ];
}
