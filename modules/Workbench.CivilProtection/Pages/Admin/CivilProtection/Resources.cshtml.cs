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

    public async Task OnGetAsync(CancellationToken ct)
    {
        Types = await register.TypesAsync(ct);
        Codes = Types.ToDictionary(t => t.Id, t => t.Code);
        Items = await register.ResourcesAsync(new(string.IsNullOrEmpty(Type) ? null : Type, Availability), ct);
    }
}
