using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Security;
using Workbench.KnowledgeBase.Domain;
using Workbench.Abstractions.Http;

namespace Workbench.KnowledgeBase.Api;

/// <summary>REST API of the knowledge base: <c>/{tenant}/api/kb</c>.</summary>
public static class KnowledgeBaseApi
{
    public static IEndpointRouteBuilder MapKnowledgeBaseApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/kb").WithTags("Knowledge base");
        api.MapGet("/", List).WithSummary("Public articles to anyone; every article to staff with ViewKnowledgeBase");
        api.MapGet("/{id:guid}", Get);
        api.MapPost("/", Create).RequireAuthorization(PermissionNames.Policy(KnowledgeBaseManifest.ManageArticles));
        api.MapPut("/{id:guid}", Update).RequireAuthorization(PermissionNames.Policy(KnowledgeBaseManifest.ManageArticles));
        api.MapPost("/{id:guid}/attachments", Attach).RequireAuthorization(PermissionNames.Policy(KnowledgeBaseManifest.ManageArticles))
            .DisableAntiforgery().WithSummary("multipart/form-data with one file (PDF, DOCX, DOC, TXT; 25 MB by default)");
        api.MapGet("/{id:guid}/attachments/{sha}", Download).Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream");
        api.MapGet("/{id:guid}/versions", Versions).RequireAuthorization(PermissionNames.Policy(KnowledgeBaseManifest.ViewArticles));
        api.MapGet("/stale", Stale).RequireAuthorization(PermissionNames.Policy(KnowledgeBaseManifest.ViewArticles)).WithSummary("Articles past their review date");
        api.MapGet("/export", Export).RequireAuthorization(PermissionNames.Policy(KnowledgeBaseManifest.ExportArticles))
            .WithSummary("Articles changed since a moment (ISO 8601), for the VPVKAC client-service system; body also as safe HTML");
        return routes;
    }

    private static bool Staff(ClaimsPrincipal user, IPermissionService permissions) => permissions.HasPermission(user, KnowledgeBaseManifest.ViewArticles);

    private static async Task<Ok<List<ArticleInput>>> List(ClaimsPrincipal user, IPermissionService permissions, ArticleService articles, CancellationToken ct) =>
        TypedResults.Ok((await articles.ListAsync(Staff(user, permissions), ct)).Select(ArticleService.View).ToList());

    private static async Task<Results<Ok<ArticleInput>, NotFound>> Get(Guid id, ClaimsPrincipal user, IPermissionService permissions, ArticleService articles, CancellationToken ct) =>
        await articles.FindAsync(id, ct) is { } a && (a.IsPublic || Staff(user, permissions)) ? TypedResults.Ok(ArticleService.View(a)) : TypedResults.NotFound();

    private static async Task<Results<Created<ArticleInput>, ValidationProblem, Conflict<string>>> Create(ArticleInput input, ArticleService articles, CancellationToken ct)
    {
        if (input.Id is { } id && await articles.FindAsync(id, ct) is not null) return TypedResults.Conflict($"Raksts {id} jau pastāv; lietojiet PUT.");
        var errors = await articles.ValidateAsync(input, input.Id, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var article = await articles.SaveAsync(input.Id, input, ct);
        return TypedResults.Created($"api/kb/{article.Id}", ArticleService.View(article));
    }

    private static async Task<Results<Ok<ArticleInput>, ValidationProblem, NotFound>> Update(Guid id, ArticleInput input, ArticleService articles, CancellationToken ct)
    {
        if (await articles.FindAsync(id, ct) is null) return TypedResults.NotFound();
        var errors = await articles.ValidateAsync(input, id, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(ArticleService.View(await articles.SaveAsync(id, input, ct)));
    }

    private static async Task<Results<Ok<string>, ValidationProblem, NotFound>> Attach(Guid id, HttpRequest request, ArticleService articles, CancellationToken ct)
    {
        if (await articles.FindAsync(id, ct) is null) return TypedResults.NotFound();
        var (file, problem) = await Uploads.ReadSingleFileAsync(request, articles.MaxUploadBytes, ct);
        if ((file is null ? problem : articles.CheckUpload(file.FileName, file.Content.LongLength)) is { } refusal)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [refusal] });
        return TypedResults.Ok((await articles.AttachAsync(id, file!.FileName, file.ContentType, file.Content, ct))!);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(Guid id, string sha, ClaimsPrincipal user, IPermissionService permissions, ArticleService articles, CancellationToken ct)
    {
        if (await articles.FindAsync(id, ct) is not { } article || !article.IsPublic && !Staff(user, permissions)) return TypedResults.NotFound();
        return await articles.FileAsync(id, sha, ct) is (var attachment, var content)
            ? TypedResults.File(content, Uploads.SafeContentType(attachment.FileName), attachment.FileName) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<List<ArticleVersion>>, NotFound>> Versions(Guid id, ArticleService articles, CancellationToken ct) =>
        await articles.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await articles.VersionsAsync(id, ct));

    private static async Task<Ok<List<ArticleInput>>> Stale(ArticleService articles, CancellationToken ct) =>
        TypedResults.Ok((await articles.StaleAsync(ct)).Select(ArticleService.View).ToList());

    public sealed record ExportedArticle(ArticleInput Article, string BodyHtml, DateTime UpdatedUtc, int Version);

    private static async Task<Results<Ok<List<ExportedArticle>>, ValidationProblem>> Export(string? since, ArticleService articles, CancellationToken ct)
    {
        var from = DateTime.MinValue;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = ["Laiks formā ISO 8601, piem. 2026-11-01T00:00:00Z."] });
            from = parsed.UtcDateTime;
        }
        return TypedResults.Ok((await articles.ChangedSinceAsync(from, ct)).Select(a => new ExportedArticle(ArticleService.View(a), SafeMarkdown.ToHtml(a.Body), a.UpdatedUtc, a.Version)).ToList());
    }
}
