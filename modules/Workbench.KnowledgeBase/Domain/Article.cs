namespace Workbench.KnowledgeBase.Domain;

/// <summary>A knowledge-base article (raksts): how to deliver a service, a procedure, an FAQ answer, case guidance.</summary>
public sealed class Article
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public ArticleType Type { get; set; }
    /// <summary>Markdown; rendered without raw HTML and with unsafe link schemes removed.</summary>
    public string Body { get; set; } = "";
    public string CategoriesJson { get; set; } = "[]";
    public string TagsJson { get; set; } = "[]";
    /// <summary>Ids of service cards (module ServiceCards) the article explains; checked through the shared index.</summary>
    public string ServiceCardIdsJson { get; set; } = "[]";
    public string RelatedArticleIdsJson { get; set; } = "[]";
    public bool IsPublic { get; set; }
    public required string Owner { get; set; }
    public int ReviewIntervalDays { get; set; }
    public DateOnly NextReviewDate { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

public sealed class ArticleVersion
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string Actor { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public sealed class ArticleAttachment
{
    public Guid ArticleId { get; set; }
    public required string Sha256 { get; set; }
    public required string FileName { get; set; }
}

public enum ArticleType { Procedure, Instruction, Faq, CaseGuidance }
