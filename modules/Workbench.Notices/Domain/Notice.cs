namespace Workbench.Notices.Domain;

/// <summary>A notice (paziņojums) the municipality publishes, e.g. a water outage or a road closure.</summary>
public sealed class Notice
{
    public const string RecordType = "notices.notice";

    public Guid Id { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";

    /// <summary>Added in schema version 2 (migration AddCategory).</summary>
    public string Category { get; set; } = "";
    public DateOnly? PublishedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public bool IsPublic { get; set; }

    /// <summary>Values of the tenant's custom fields for notices, as a JSON object.</summary>
    public string CustomFieldsJson { get; set; } = "{}";
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Whether residents see it today.</summary>
    public bool IsVisibleToPublic(DateOnly today) =>
        IsPublic && PublishedOn is { } from && from <= today && (ExpiresOn is null || ExpiresOn >= today);
}
