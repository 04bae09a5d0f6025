namespace Workbench.Abstractions.Integration;

/// <summary>
/// Messages to external systems (PSPP/VIRSIS, DEPP, DIV, AVIS, …), written in the same transaction as the change
/// they report and delivered afterwards by a background dispatcher with retries. Each message carries an
/// idempotency key, so the receiver can recognise a repeated delivery.
/// </summary>
public interface IOutbox
{
    /// <summary>Queues the message unless one with the same adapter and key is already queued (enqueueing is idempotent).</summary>
    Task EnqueueAsync(string adapter, string idempotencyKey, object payload, CancellationToken cancellationToken = default);
}

/// <summary>Delivers one kind of message. Throwing means "not delivered, try again later".</summary>
public interface IOutboxAdapter
{
    string Name { get; }

    Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken);
}

public sealed record OutboxDelivery(Guid Id, string Tenant, string Adapter, string IdempotencyKey, string PayloadJson, int Attempt);
