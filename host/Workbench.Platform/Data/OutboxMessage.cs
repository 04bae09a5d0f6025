namespace Workbench.Platform.Data;

public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public required string Adapter { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string PayloadJson { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>When the next delivery may start; also the lease of a dispatcher working on it (several nodes).</summary>
    public DateTime NextAttemptUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? DeliveredUtc { get; set; }
}

public enum OutboxStatus { Pending, Delivered, Failed }
