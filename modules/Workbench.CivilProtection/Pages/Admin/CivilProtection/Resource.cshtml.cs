using Microsoft.AspNetCore.Mvc;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

/// <summary>One resource: its facts, availability (changed here by the specialist) and history.</summary>
public sealed class ResourceModel(RegisterService register) : CivilProtectionPageModel
{
    public Resource? Item { get; private set; }
    public ResourceType? Type { get; private set; }
    public List<AvailabilityChange> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((Item = await register.ResourceAsync(id, ct)) is null) return NotFound();
        Type = (await register.TypesAsync(ct)).FirstOrDefault(t => t.Id == Item.TypeId);
        History = await register.HistoryAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAvailabilityAsync(Guid id, Availability? availability, string? reason, CancellationToken ct) =>
        ActAsync(async () => $"Pieejamība: {Labels.Of((await register.SetAvailabilityAsync(id, new AvailabilityInput(availability, reason), ct)).Availability)}.");

    public Task<IActionResult> OnPostCheckedAsync(Guid id, CancellationToken ct) =>
        ActAsync(async () => $"Pārbaude atzīmēta: {(await register.CheckedAsync(id, new CheckInput(null), ct)).LastChecked:dd.MM.yyyy}.");
}
