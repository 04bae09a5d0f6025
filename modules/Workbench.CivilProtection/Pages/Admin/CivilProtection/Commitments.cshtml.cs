using Microsoft.AspNetCore.Mvc;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

/// <summary>Exercise mode: resources committed to an exercise or an event, and released afterwards.</summary>
public sealed class CommitmentsModel(CommitmentService commitments, RegisterService register, ScenarioService scenarios) : CivilProtectionPageModel
{
    public List<CommitmentView> Items { get; private set; } = [];
    public List<Resource> Available { get; private set; } = [];
    public List<Scenario> Scenarios { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await commitments.CommitmentsAsync(ct);
        var resources = await register.ResourcesAsync(new(), ct);
        Names = resources.ToDictionary(r => r.Id, r => r.Name);
        Available = resources.Where(r => r.Availability == Availability.Available).ToList();
        Scenarios = await scenarios.ScenariosAsync(ct);
    }

    public Task<IActionResult> OnPostCommitAsync(string? name, CommitmentKind? kind, Guid? scenarioId, List<Guid>? resources, CancellationToken ct) =>
        ActAsync(async () =>
        {
            var committed = await commitments.CommitAsync(new CommitmentInput(name, kind, scenarioId, resources), ct);
            return $"Piesaistīti {committed.Resources.Count} resursi: {committed.Name}.";
        });

    public Task<IActionResult> OnPostReleaseAsync(Guid commitment, CancellationToken ct) =>
        ActAsync(async () => $"Atbrīvots: {(await commitments.ReleaseAsync(commitment, ct)).Name}.");
}
