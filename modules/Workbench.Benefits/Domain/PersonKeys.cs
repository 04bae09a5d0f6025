using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workbench.Benefits.Data;

namespace Workbench.Benefits.Domain;

/// <summary>
/// Personal codes are kept only as HMAC-SHA256 with the tenant's own random key (made on first use), so a hash of one
/// municipality means nothing in another and a code cannot be looked up without the key.
/// </summary>
public sealed class PersonKeys(BenefitsDbContext db)
{
    private byte[]? _key;

    public async Task<string> HashAsync(string normalizedCode, CancellationToken ct) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await KeyAsync(ct), Encoding.ASCII.GetBytes(normalizedCode)));

    public async Task<BenefitsSettings> SettingsAsync(CancellationToken ct)
    {
        if (await db.Settings.SingleOrDefaultAsync(s => s.Id == 1, ct) is { } settings) return settings;
        settings = new BenefitsSettings { Id = 1, PersonKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        db.Settings.Add(settings);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another request made the key first: use that one.
            db.Entry(settings).State = EntityState.Detached;
            return await db.Settings.SingleAsync(s => s.Id == 1, ct);
        }
        return settings;
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct) => _key ??= Convert.FromBase64String((await SettingsAsync(ct)).PersonKey);
}
