using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Files;
using Workbench.Abstractions.Search;
using Workbench.KnowledgeBase.Data;
using Workbench.KnowledgeBase.Domain;

namespace Workbench.KnowledgeBase.Search;

/// <summary>Public articles are found by everyone; internal ones by staff who may read the knowledge base.</summary>
public sealed class ArticleSearchSource(KnowledgeBaseDbContext db, IFileStore files) : ISearchSource
{
    public const string Type = "kb-article";

    public string Feature => KnowledgeBaseManifest.Feature;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var article in articles)
            yield return await DocumentWithAttachmentsAsync(db, files, article, cancellationToken);
    }

    /// <summary>The article's search document with its attached files, whose text is indexed with it.</summary>
    public static async Task<SearchDocument> DocumentWithAttachmentsAsync(KnowledgeBaseDbContext db, IFileStore files, Article article, CancellationToken cancellationToken)
    {
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ArticleId == article.Id).OrderBy(a => a.FileName).ToListAsync(cancellationToken);
        var indexed = new List<SearchAttachment>();
        foreach (var attachment in attachments)
            if (await files.ReadAsync(attachment.Sha256, cancellationToken) is { } content) indexed.Add(new SearchAttachment(attachment.FileName, content));
        return Document(article) with { Attachments = indexed };
    }

    public static SearchDocument Document(Article article)
    {
        var text = string.Join('\n', new[] { article.Body }
            .Concat(JsonSerializer.Deserialize<List<string>>(article.CategoriesJson) ?? [])
            .Concat(JsonSerializer.Deserialize<List<string>>(article.TagsJson) ?? []));
        var view = SearchAccess.Permission(KnowledgeBaseManifest.ViewArticles);
        return article.IsPublic
            ? new SearchDocument(KnowledgeBaseManifest.Feature, Type, article.Id.ToString(), article.Title, text, $"kb/{article.Id}", [SearchAccess.Public, view])
            : new SearchDocument(KnowledgeBaseManifest.Feature, Type, article.Id.ToString(), article.Title, text, $"admin/kb/{article.Id}", [view]);
    }
}
