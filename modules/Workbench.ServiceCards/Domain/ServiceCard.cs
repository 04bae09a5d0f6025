namespace Workbench.ServiceCards.Domain;

/// <summary>
/// A service card: the working copy editors change and, once approved, the published copy residents read.
/// Editing a published card prepares the next version without taking the published one offline.
/// </summary>
public sealed class ServiceCard
{
    public Guid Id { get; set; }
    public required string Identifier { get; set; }
    public required string Name { get; set; }
    public CardState State { get; set; }
    public int Version { get; set; }
    public required string WorkingJson { get; set; }
    public string? PublishedJson { get; set; }
    public int? PublishedVersion { get; set; }
    public DateOnly? NextReviewDate { get; set; }
    public string? ReviewComment { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public bool IsPublished => PublishedJson is not null;
}

/// <summary>Every saved state of a card, with who and when.</summary>
public sealed class ServiceCardVersion
{
    public Guid Id { get; set; }
    public Guid CardId { get; set; }
    public int Version { get; set; }
    public CardState State { get; set; }
    public required string Json { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedUtc { get; set; }
}
