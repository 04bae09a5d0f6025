using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Tenants;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Pages.Admin.ServiceCards;

/// <summary>The front office's cases screen: register, move open cases along, see the indicators.</summary>
[Authorize(Policy = "permission:" + ServiceCardsManifest.RegisterServiceCases)]
public sealed class CasesModel(ServiceCaseService cases, ServiceCardService cards, ServiceCaseKpis kpis, ITenantContext tenant) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public bool IsError { get; set; }
    public List<ServiceCard> Cards { get; private set; } = [];
    public List<ServiceCase> Open { get; private set; } = [];
    public IReadOnlyList<ServiceCaseKpis.Row> Kpis { get; private set; } = [];
    public DateOnly Today => tenant.Required.Settings.Today();

    public string CardName(Guid id) => Cards.FirstOrDefault(c => c.Id == id)?.Name ?? "?";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cards = await cards.ListAsync(includeUnpublished: true, ct);
        Open = await cases.OpenAsync(ct);
        Kpis = await kpis.CalculateAsync(Today, ct);
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid cardId, CaseChannel channel, string clientReference, DateOnly plannedCompletion, CancellationToken ct)
    {
        var registration = new ServiceCaseService.Registration(cardId, channel, clientReference ?? "", plannedCompletion);
        var errors = await cases.ValidateAsync(registration, ct);
        if (errors.Count > 0) (Message, IsError) = (string.Join(" ", errors.SelectMany(e => e.Value)), true);
        else (Message, IsError) = ($"Gadījums \"{(await cases.RegisterAsync(registration, ct)).ClientReference}\" reģistrēts.", false);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CaseStatus status, CancellationToken ct)
    {
        var (serviceCase, problem) = await cases.ChangeStatusAsync(id, status, ct);
        (Message, IsError) = serviceCase is null ? ("Gadījums nav atrasts.", true) : problem is not null ? (problem, true) : ($"Gadījums \"{serviceCase.ClientReference}\": {status}.", false);
        return RedirectToPage();
    }
}
