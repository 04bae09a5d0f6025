namespace Workbench.Platform.Data;

public sealed class Notification
{
    public Guid Id { get; set; }
    public required string Recipient { get; set; }
    public required string Key { get; set; }
    public required string Text { get; set; }
    public required string Url { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}
