using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.CustomFields;
using Workbench.Notices.Domain;
using Workbench.Abstractions.Validation;

namespace Workbench.Notices.Pages.Admin.Notices;

[Authorize(Policy = "permission:" + NoticesManifest.ManageNotices)]
public sealed class EditModel(NoticeService notices, ICustomFieldService customFields) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public NoticeForm Input { get; set; } = new();
    [BindProperty(Name = "customFields")] public Dictionary<string, string> CustomFieldValues { get; set; } = [];
    public ValidationErrors Errors { get; private set; } = [];
    public CustomFieldsEditor CustomFields { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        JsonObject? values = null;
        if (Id is { } id)
        {
            if (await notices.FindAsync(id, ct) is not { } notice) return NotFound();
            var input = NoticeInput.From(notice);
            Input = new NoticeForm { Title = input.Title, Body = input.Body, Category = input.Category, PublishedOn = input.PublishedOn, ExpiresOn = input.ExpiresOn, IsPublic = input.IsPublic };
            values = input.CustomFields;
        }
        CustomFields = new CustomFieldsEditor(await customFields.GetDefinitionsAsync(Notice.RecordType, ct), values);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var values = CustomFieldsEditor.ValuesFromForm(CustomFieldValues);
        var input = new NoticeInput
        {
            Id = Id, Title = Input.Title, Body = Input.Body, Category = Input.Category,
            PublishedOn = Input.PublishedOn, ExpiresOn = Input.ExpiresOn, IsPublic = Input.IsPublic, CustomFields = values,
        };
        Errors = await notices.ValidateAsync(input, ct);
        if (Errors.Count > 0)
        {
            CustomFields = new CustomFieldsEditor(await customFields.GetDefinitionsAsync(Notice.RecordType, ct), values, CustomFieldsEditor.ErrorsFrom(Errors));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await notices.SaveAsync(input, ct);
        return Redirect(Url.Content("~/admin/notices"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is { } id) await notices.DeleteAsync(id, ct);
        return Redirect(Url.Content("~/admin/notices"));
    }

    public sealed class NoticeForm
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public string? Category { get; set; }
        public DateOnly? PublishedOn { get; set; }
        public DateOnly? ExpiresOn { get; set; }
        public bool IsPublic { get; set; }
    }
}
