using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.KnowledgeBase.Domain;
using Workbench.Abstractions.Validation;

namespace Workbench.KnowledgeBase.Pages.Admin.Kb;

/// <summary>The editor's form; links to service cards and related articles are kept as they are (set them through the API or recipes).</summary>
[Authorize(Policy = "permission:" + KnowledgeBaseManifest.ManageArticles)]
public sealed class EditModel(ArticleService articles) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public ArticleForm Form { get; set; } = new();
    public ValidationErrors Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await articles.FindAsync(id, ct) is not { } article) return NotFound();
            var view = ArticleService.View(article);
            Form = new ArticleForm
            {
                Title = view.Title, Type = view.Type, Body = view.Body, Categories = string.Join('\n', view.Categories ?? []),
                Tags = string.Join('\n', view.Tags ?? []), IsPublic = view.IsPublic, ReviewIntervalDays = view.ReviewIntervalDays,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var existing = Id is { } id ? await articles.FindAsync(id, ct) : null;
        if (Id is not null && existing is null) return NotFound();
        static List<string> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var input = (existing is null ? new ArticleInput() : ArticleService.View(existing) with { NextReviewDate = null }) with
        {
            Title = Form.Title, Type = Form.Type, Body = Form.Body, Categories = Lines(Form.Categories), Tags = Lines(Form.Tags),
            IsPublic = Form.IsPublic, ReviewIntervalDays = Form.ReviewIntervalDays,
        };
        Errors = await articles.ValidateAsync(input, Id, ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var saved = await articles.SaveAsync(Id, input, ct);
        return Redirect(Url.Content($"~/admin/kb/{saved.Id}"));
    }

    public sealed class ArticleForm
    {
        public string? Title { get; set; }
        public ArticleType Type { get; set; } = ArticleType.Instruction;
        public string? Body { get; set; }
        public string? Categories { get; set; }
        public string? Tags { get; set; }
        public bool IsPublic { get; set; }
        public int ReviewIntervalDays { get; set; } = 180;
    }
}
