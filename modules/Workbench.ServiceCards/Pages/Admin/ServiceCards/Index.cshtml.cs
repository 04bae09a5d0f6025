using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Pages.Admin.ServiceCards;

[Authorize(Policy = "permission:" + ServiceCardsManifest.ViewServiceCards)]
public sealed class IndexModel(ServiceCardService cards, IPermissionService permissions, ITenantContext tenant) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public bool IsError { get; set; }
    public List<ServiceCard> Cards { get; private set; } = [];
    public bool CanManage => permissions.HasPermission(User, ServiceCardsManifest.ManageServiceCards);
    public bool CanReview => permissions.HasPermission(User, ServiceCardsManifest.ReviewServiceCards);
    public DateOnly Today => tenant.Required.Settings.Today();

    /// <summary>The workflow steps offered for a card in its state to this person.</summary>
    public IEnumerable<(string Handler, string Label, bool Allowed)> Actions(ServiceCard card) =>
    [
        ("Submit", "Nodot pārskatīšanai", CanManage && card.State == CardState.Draft),
        ("Approve", "Apstiprināt un publicēt", CanReview && card.State == CardState.InReview),
        ("Reject", "Atgriezt", CanReview && card.State == CardState.InReview),
        ("Withdraw", "Atsaukt", CanReview && card.IsPublished),
    ];

    public async Task OnGetAsync(CancellationToken ct) => Cards = await cards.ListAsync(includeUnpublished: true, ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) => Run(CanManage, () => cards.SubmitAsync(id, ct), "nodota pārskatīšanai");
    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => Run(CanReview, () => cards.ApproveAsync(id, null, ct), "publicēta");
    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => Run(CanReview, () => cards.RejectAsync(id, null, ct), "atgriezta");
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => Run(CanReview, () => cards.WithdrawAsync(id, null, ct), "atsaukta");

    private async Task<IActionResult> Run(bool allowed, Func<Task<WorkflowResult>> transition, string done)
    {
        if (!allowed) return Forbid();
        var result = await transition();
        (Message, IsError) = result.Card is { } card ? ($"Kartīte \"{card.Name}\" {done}.", false) : (result.Problem ?? "Kartīte nav atrasta.", true);
        return RedirectToPage();
    }
}
