using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.CustomFields;
using Workbench.ServiceCards.Domain;
using Workbench.Abstractions.Validation;

namespace Workbench.ServiceCards.Pages.Admin.ServiceCards;

/// <summary>
/// The editor's form for the fields edited most; the API and recipes carry every field (costs, steps, FAQ, …),
/// and fields this form does not show are kept as they are.
/// </summary>
[Authorize(Policy = "permission:" + ServiceCardsManifest.ManageServiceCards)]
public sealed class EditModel(ServiceCardService cards, ICustomFieldService customFields) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public CardForm Form { get; set; } = new();
    [BindProperty(Name = "customFields")] public Dictionary<string, string> CustomFieldValues { get; set; } = [];
    public ValidationErrors Errors { get; private set; } = [];
    public CustomFieldsEditor CustomFields { get; private set; } = new([], null);
    public List<ServiceCardVersion> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        JsonObject? values = null;
        if (Id is { } id)
        {
            if (await cards.FindAsync(id, ct) is not { } card) return NotFound();
            var content = ServiceCardService.Working(card);
            Form = CardForm.From(content);
            values = content.CustomFields;
            Versions = await cards.VersionsAsync(id, ct);
        }
        CustomFields = new CustomFieldsEditor(await customFields.GetDefinitionsAsync(ServiceCardService.RecordType, ct), values);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var existing = Id is { } id ? await cards.FindAsync(id, ct) : null;
        if (Id is not null && existing is null) return NotFound();
        var values = CustomFieldsEditor.ValuesFromForm(CustomFieldValues);
        var content = Form.ApplyTo(existing is null ? new ServiceCardContent() : ServiceCardService.Working(existing)) with { CustomFields = values };
        Errors = await cards.ValidateAsync(content, Id, ct);
        if (Errors.Count > 0)
        {
            CustomFields = new CustomFieldsEditor(await customFields.GetDefinitionsAsync(ServiceCardService.RecordType, ct), values, CustomFieldsEditor.ErrorsFrom(Errors));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var saved = await cards.SaveAsync(Id, content, ct);
        return Redirect(Url.Content($"~/admin/service-cards/edit/{saved.Id}"));
    }

    public sealed class CardForm
    {
        public string? Identifier { get; set; }
        public string? Name { get; set; }
        public string? ShortDescription { get; set; }
        public string? Description { get; set; }
        public string? Owner { get; set; }
        public string? ResponsibleUnit { get; set; }
        public List<Channel> Channels { get; set; } = [];
        public string? EServiceUrl { get; set; }
        public bool InPersonOnly { get; set; }
        public string? Themes { get; set; }
        public string? LifeSituations { get; set; }
        public string? RequiredDocuments { get; set; }
        public string? Output { get; set; }
        public DateOnly? NextReviewDate { get; set; }

        private static List<string> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        public static CardForm From(ServiceCardContent c) => new()
        {
            Identifier = c.Identifier, Name = c.Name, ShortDescription = c.ShortDescription, Description = c.Description, Owner = c.Owner,
            ResponsibleUnit = c.ResponsibleUnit, Channels = c.Channels.ToList(), EServiceUrl = c.EServiceUrl, InPersonOnly = c.InPersonOnly,
            Themes = string.Join('\n', c.Themes), LifeSituations = string.Join('\n', c.LifeSituations), RequiredDocuments = string.Join('\n', c.RequiredDocuments),
            Output = c.Output, NextReviewDate = c.NextReviewDate,
        };

        public ServiceCardContent ApplyTo(ServiceCardContent c) => c.Normalized() with
        {
            Identifier = Identifier, Name = Name, ShortDescription = ShortDescription, Description = Description, Owner = Owner,
            ResponsibleUnit = ResponsibleUnit, Channels = Channels, EServiceUrl = string.IsNullOrWhiteSpace(EServiceUrl) ? null : EServiceUrl.Trim(),
            InPersonOnly = InPersonOnly, Themes = Lines(Themes), LifeSituations = Lines(LifeSituations), RequiredDocuments = Lines(RequiredDocuments),
            Output = Output, NextReviewDate = NextReviewDate,
        };
    }
}
