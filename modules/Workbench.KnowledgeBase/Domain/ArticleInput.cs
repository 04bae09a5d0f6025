namespace Workbench.KnowledgeBase.Domain;

/// <summary>The JSON of the create API and of the <c>knowledge-base</c> recipe step (the read API returns it plus <c>id</c>).</summary>
public sealed record ArticleInput
{
    public Guid? Id { get; init; }
    public string? Title { get; init; }
    public ArticleType Type { get; init; } = ArticleType.Instruction;
    public string? Body { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<Guid>? ServiceCardIds { get; init; }
    public IReadOnlyList<Guid>? RelatedArticleIds { get; init; }
    public bool IsPublic { get; init; }
    /// <summary>E-mail of the person who keeps the article current; defaults to whoever creates it.</summary>
    public string? Owner { get; init; }
    public int ReviewIntervalDays { get; init; } = 180;
    /// <summary>Defaults to today plus the review interval whenever the text changes.</summary>
    public DateOnly? NextReviewDate { get; init; }
}
