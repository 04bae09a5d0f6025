using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Files;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Records;
using Workbench.Abstractions.Search;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.KnowledgeBase.Data;
using Workbench.KnowledgeBase.Search;
using Workbench.Abstractions.Validation;

namespace Workbench.KnowledgeBase.Domain;

/// <summary>Rules of articles, shared by the API, the pages and the recipe step.</summary>
public sealed class ArticleService(
    KnowledgeBaseDbContext db,
    ITenantTransaction transaction,
    ISearchIndex search,
    IFileStore files,
    IModuleContract<IServiceCardDirectory> serviceCards,
    IRecipeRunState recipe,
    IAuditLog audit,
    ICurrentActor actor,
    ITenantContext tenant,
    IConfiguration configuration)
{
    public static readonly string[] AllowedExtensions = [".pdf", ".docx", ".doc", ".txt"];
    public long MaxUploadBytes => configuration.GetValue("Workbench:KnowledgeBase:MaxUploadBytes", 25L * 1024 * 1024);

    public async Task<ValidationErrors> ValidateAsync(ArticleInput input, Guid? id, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 200) errors["title"] = ["Virsraksts ir obligāts, līdz 200 zīmēm."];
        if (input.Body is { Length: > 100_000 }) errors["body"] = ["Teksts līdz 100 000 zīmēm."];
        if (input.ReviewIntervalDays is < 1 or > 1095) errors["reviewIntervalDays"] = ["Pārskatīšanas intervāls: 1–1095 dienas."];
        foreach (var card in input.ServiceCardIds ?? [])
            if (!recipe.IsAnnounced<IServiceCardDirectory>(card) && !(serviceCards.Current is { } cards && await cards.ExistsAsync(card, ct)))
                errors["serviceCardIds"] = [$"Pakalpojuma kartīte {card} nav atrasta."];
        foreach (var related in input.RelatedArticleIds ?? [])
            if (related == id || !await db.Articles.AnyAsync(a => a.Id == related, ct))
                errors["relatedArticleIds"] = [$"Saistītais raksts {related} nav atrasts."];
        return errors;
    }

    public Task<Article> SaveAsync(Guid? id, ArticleInput input, CancellationToken ct) =>
        transaction.InTransactionAsync(async () =>
        {
            var article = id is { } existing ? await db.Articles.SingleOrDefaultAsync(a => a.Id == existing, ct) : null;
            var created = article is null;
            article ??= db.Articles.Add(new Article { Id = id ?? Guid.NewGuid(), Title = "", Owner = input.Owner ?? actor.Name }).Entity;
            var textChanged = created || article.Title != input.Title!.Trim() || article.Body != (input.Body ?? "");
            var fields = (JsonSerializer.Serialize(input.Categories ?? []), JsonSerializer.Serialize(input.Tags ?? []),
                JsonSerializer.Serialize(input.ServiceCardIds ?? []), JsonSerializer.Serialize(input.RelatedArticleIds ?? []));
            var unchanged = !textChanged && article.Type == input.Type && article.IsPublic == input.IsPublic && article.ReviewIntervalDays == input.ReviewIntervalDays
                && (article.CategoriesJson, article.TagsJson, article.ServiceCardIdsJson, article.RelatedArticleIdsJson) == fields
                && (input.Owner is null || input.Owner == article.Owner) && (input.NextReviewDate is null || input.NextReviewDate == article.NextReviewDate);
            // Saving the same content again (a recipe run twice) makes no new version.
            if (unchanged) return article;
            article.Title = input.Title!.Trim();
            article.Type = input.Type;
            article.Body = input.Body ?? "";
            (article.CategoriesJson, article.TagsJson, article.ServiceCardIdsJson, article.RelatedArticleIdsJson) = fields;
            article.IsPublic = input.IsPublic;
            if (input.Owner is not null) article.Owner = input.Owner;
            article.ReviewIntervalDays = input.ReviewIntervalDays;
            if (input.NextReviewDate is { } next) article.NextReviewDate = next;
            else if (textChanged) article.NextReviewDate = tenant.Required.Settings.Today().AddDays(input.ReviewIntervalDays);
            article.UpdatedUtc = DateTime.UtcNow;
            if (textChanged)
            {
                article.Version++;
                db.Versions.Add(new ArticleVersion { Id = Guid.NewGuid(), ArticleId = article.Id, Version = article.Version, Title = article.Title, Body = article.Body, Actor = actor.Name, CreatedUtc = article.UpdatedUtc });
            }
            await db.SaveChangesAsync(ct);
            await IndexAsync(article, ct);
            await audit.AppendAsync(created ? "kb-article.created" : "kb-article.updated", article.Id.ToString(), new { article.Title, article.Version }, ct);
            return article;
        }, ct);

    /// <summary>Attaches a file, stored once by its SHA-256; its text is indexed with the article.</summary>
    public Task<string?> AttachAsync(Guid id, string fileName, string contentType, byte[] content, CancellationToken ct) =>
        transaction.InTransactionAsync(async () =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id, ct);
            var sha = (await files.PutAsync(content, contentType, ct)).Sha256;
            if (!await db.Attachments.AnyAsync(a => a.ArticleId == id && a.Sha256 == sha, ct))
                db.Attachments.Add(new ArticleAttachment { ArticleId = id, Sha256 = sha, FileName = Path.GetFileName(fileName) });
            await db.SaveChangesAsync(ct);
            await IndexAsync(article, ct);
            await audit.AppendAsync("kb-article.attached", id.ToString(), new { fileName, sha }, ct);
            return (string?)sha;
        }, ct);

    public string? CheckUpload(string fileName, long length)
    {
        if (length == 0) return "Fails ir tukšs.";
        if (length > MaxUploadBytes) return $"Fails ir lielāks par {MaxUploadBytes / 1024 / 1024} MB.";
        return AllowedExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()) ? null
            : $"Neatbalstīts faila tips; atļauti: {string.Join(", ", AllowedExtensions)}.";
    }

    private async Task IndexAsync(Article article, CancellationToken ct)
    {
        await search.IndexAsync(await ArticleSearchSource.DocumentWithAttachmentsAsync(db, files, article, ct), ct);
    }

    public Task<Article?> FindAsync(Guid id, CancellationToken ct) => db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);

    public Task<List<Article>> ListAsync(bool includeInternal, CancellationToken ct) =>
        (includeInternal ? db.Articles : db.Articles.Where(a => a.IsPublic)).AsNoTracking().OrderBy(a => a.Title).ToListAsync(ct);

    /// <summary>Articles past their review date, for their owners.</summary>
    public Task<List<Article>> StaleAsync(CancellationToken ct)
    {
        var today = tenant.Required.Settings.Today();
        return db.Articles.AsNoTracking().Where(a => a.NextReviewDate < today).OrderBy(a => a.NextReviewDate).ToListAsync(ct);
    }

    public Task<List<Article>> ChangedSinceAsync(DateTime since, CancellationToken ct) =>
        db.Articles.AsNoTracking().Where(a => a.UpdatedUtc >= since).OrderBy(a => a.UpdatedUtc).ToListAsync(ct);

    public Task<List<ArticleVersion>> VersionsAsync(Guid id, CancellationToken ct) =>
        db.Versions.AsNoTracking().Where(v => v.ArticleId == id).OrderByDescending(v => v.Version).ToListAsync(ct);

    public Task<List<ArticleAttachment>> AttachmentsAsync(Guid id, CancellationToken ct) =>
        db.Attachments.AsNoTracking().Where(a => a.ArticleId == id).OrderBy(a => a.FileName).ToListAsync(ct);

    /// <summary>The article's attachment with this address and its bytes; null when the article has no such attachment.</summary>
    public async Task<(ArticleAttachment Attachment, byte[] Content)?> FileAsync(Guid id, string sha, CancellationToken ct) =>
        await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.ArticleId == id && a.Sha256 == sha, ct) is { } attachment
            && await files.ReadAsync(sha, ct) is { } content ? (attachment, content) : null;

    public static ArticleInput View(Article a) => new()
    {
        Id = a.Id, Title = a.Title, Type = a.Type, Body = a.Body,
        Categories = JsonSerializer.Deserialize<List<string>>(a.CategoriesJson), Tags = JsonSerializer.Deserialize<List<string>>(a.TagsJson),
        ServiceCardIds = JsonSerializer.Deserialize<List<Guid>>(a.ServiceCardIdsJson), RelatedArticleIds = JsonSerializer.Deserialize<List<Guid>>(a.RelatedArticleIdsJson),
        IsPublic = a.IsPublic, Owner = a.Owner, ReviewIntervalDays = a.ReviewIntervalDays, NextReviewDate = a.NextReviewDate,
    };
}
