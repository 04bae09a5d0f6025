using Microsoft.AspNetCore.Mvc;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

/// <summary>The resource register, filtered by type and availability.</summary>
public sealed class ResourcesModel(RegisterService register, TimeProvider clock) : CivilProtectionPageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public Availability? Availability { get; set; }
    public List<ResourceType> Types { get; private set; } = [];
    public Dictionary<Guid, string> Codes { get; private set; } = [];
    public List<Resource> Items { get; private set; } = [];
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The create form's values, kept when the register refuses them.</summary>
    public ResourceInput? Input { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Registers a resource; a refused input is shown again with every reason and nothing saved.</summary>
    public async Task<IActionResult> OnPostCreateAsync([FromForm(Name = "Input")] ResourceInput input, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (await register.ValidateAsync(input, ct) is { IsValid: false } errors)
        {
            (Message, IsError, Input) = (string.Join(" ", errors.Entries.Select(e => $"{e.Field}: {e.Message}")), true, input);
            await LoadAsync(ct);
            return Page();
        }
        var resource = await register.CreateResourceAsync(input, ct);
        (Message, IsError) = ($"Resurss \"{resource.Name}\" reģistrēts.", false);
        return RedirectToPage("Resource", new { id = resource.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Types = await register.TypesAsync(ct);
        Codes = Types.ToDictionary(t => t.Id, t => t.Code);
        Items = await register.ResourcesAsync(new(string.IsNullOrEmpty(Type) ? null : Type, Availability), ct);
    }
}
