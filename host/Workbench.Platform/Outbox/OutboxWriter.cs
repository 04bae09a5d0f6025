using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Integration;
using Workbench.Platform.Data;

namespace Workbench.Platform.Outbox;

public sealed class OutboxWriter(PlatformDbContext db, TenantDatabaseSession session) : IOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task EnqueueAsync(string adapter, string idempotencyKey, object payload, CancellationToken cancellationToken = default) =>
        session.InTransactionAsync(async () =>
        {
            if (await db.Outbox.AnyAsync(m => m.Adapter == adapter && m.IdempotencyKey == idempotencyKey, cancellationToken)) return;
            var now = DateTime.UtcNow;
            db.Outbox.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(), Adapter = adapter, IdempotencyKey = idempotencyKey, PayloadJson = JsonSerializer.Serialize(payload, Json),
                Status = OutboxStatus.Pending, NextAttemptUtc = now, CreatedUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
}
