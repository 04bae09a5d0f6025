using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Search;
using Workbench.KnowledgeBase.Data;
using Workbench.KnowledgeBase.Domain;

namespace Workbench.KnowledgeBase.Search;

/// <summary>Public articles are found by everyone; internal ones by staff who may read the knowledge base.</summary>
public sealed class ArticleSearchSource(KnowledgeBaseDbContext db) : ISearchSource
{
    public const string Type = "kb-article";

    public string Feature => KnowledgeBaseManifest.Feature;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var article in articles)
        {
            var files = await (from a in db.Attachments where a.ArticleId == article.Id join f in db.Files on a.Sha256 equals f.Sha256 select new { a.FileName, f.Content }).ToListAsync(cancellationToken);
            yield return Document(article) with { Attachments = files.Select(f => new SearchAttachment(f.FileName, f.Content)).ToList() };
        }
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
